// 证据与问题: a finding's photos and checklist item, the checklist's offer to record a finding, a
// required-photo item's own photos, a project's issues and "New visit" on the Visits page.
export const evidenceZhCN = {
  photos: '问题照片',
  photosHint: '勾选本次督查中能说明问题的照片，或添加新照片。',
  photoN: '照片 {{n}}',
  noVisitPhotos: '本次督查还没有照片。',
  photosChosen: '已选 {{count}} 张',
  fromItem: '来自检查项：{{text}}',
  recordAsFinding: '记为问题',
  pickPhoto: '选择照片',
  itemPhotos: '本项照片 {{count}} 张',
  itemNoPhoto: '尚未拍照：请拍照或选择照片。',
  itemPhotoHint: '拍摄或选择的照片会加入本次督查的照片，并记入本项；保存检查表后生效。',
  projectIssues: '问题',
  projectIssuesEmpty: '本项目暂无问题。',
  projectIssuesCount: '共 {{count}} 个问题',
  newVisit: '新建督查记录',
  newVisitHint: '选择要督查的项目。将新建一份草稿督查记录并打开。',
  project: '项目',
  nearest: '已按本机位置选中最近的项目：{{name}}（约 {{km}} 公里）',
  startVisit: '开始督查',
  amendedMark: '※',
  amendedNote: '经修改，原为{{was}}，修改理由：{{reason}}',
};

export type EvidenceMessages = typeof evidenceZhCN;
