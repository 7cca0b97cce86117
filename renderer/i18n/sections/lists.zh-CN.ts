// 名录导入: the team's counties, towns, units and people from one workbook, and the project import's
// offer to add the names a list gives that the lists lack.
export const listsZhCN = {
  additions: {
    title: '以下名称尚不在名录中，将随项目一并添加：',
    regions: '新增县(区)/乡镇：{{names}}',
    units: '新增责任单位：{{names}}',
    restored: '已停用的名称，将恢复使用（不重复添加）：{{names}}',
    separator: '、',
    hint: '核对无误后点击“添加并导入”；名称有误请点击“上一步”，修改文件后重新选择。',
    accept: '添加并导入',
  },
  import: {
    button: '导入名录',
    template: '下载模板',
    templateFile: '名录模板.xlsx',
    templateSaved: '模板已保存',
    templateFailed: '模板无法保存：{{reason}}',
    title: '从Excel导入名录',
    intro: '工作簿需含“县区乡镇”“责任单位”“人员”三个工作表，表头与模板一致。已在名录中的名称会跳过。',
    chooseFile: '选择名录文件（.xlsx）',
    willAdd: '将添加',
    skipped: '名录中已有，跳过',
    regions: '县区/乡镇（{{count}}）',
    units: '责任单位（{{count}}）',
    people: '人员（{{count}}）',
    nothing: '文件中的名称都已在名录中，无需添加。',
    confirm: '添加到名录',
    cancel: '取消',
    added: '已添加到名录：县区/乡镇 {{regions}} 个，责任单位 {{units}} 个，人员 {{people}} 人',
    failed: '名录未导入，名录保持不变：{{reason}}',
    refused: '“{{file}}”无法导入，请按提示修改后重新选择：',
  },
};

export type ListsMessages = typeof listsZhCN;
