// 草稿与冲突: what is typed is kept as a local draft until saved; a field changed elsewhere while it was
// being edited is shown side by side before anything is saved; a draft visit made by mistake is deleted.
export const draftsZhCN = {
  offer: '有一份未保存的草稿（{{at}} 自动保存）。',
  offerDetail: '恢复草稿可从上次离开处继续；丢弃草稿将删除它。若不选择而直接输入，将以新输入的内容作为草稿。',
  findingOffer: '有一条未保存的问题草稿（{{at}} 自动保存）。',
  amendOffer: '有一份未保存的更正草稿（{{at}} 自动保存）。',
  restore: '恢复草稿',
  discard: '丢弃草稿',
  restored: '草稿已恢复',
  discarded: '草稿已丢弃',
  keepFailed: '输入的内容无法保存为草稿：{{reason}}。请先保存表单再离开。',
  leave: {
    title: '离开此页？',
    body: '签名尚未保存，离开后将丢失。',
    stay: '留在此页',
    leave: '离开',
  },
  conflict: {
    title: '在您编辑期间，以下内容已被修改',
    intro: '这些字段在您打开表单后已在别处修改。请逐项选择要保存的值；未选择的不会被覆盖。',
    field: '字段',
    theirs: '对方的',
    yours: '我的',
    choice: '选择',
    by: '{{who}} · {{at}}',
    thisLaptop: '本机的另一个窗口',
    unknownWho: '未知来源',
    keepTheirs: '保留对方的',
    useMine: '使用我的',
    save: '保存',
    cancel: '取消',
    empty: '（空）',
    saved: '已保存',
  },
  deleteVisit: {
    button: '删除草稿记录',
    title: '删除这条草稿督查记录？',
    body: '将删除 {{date}} 的督查记录及其 {{photos}} 张照片、{{checklists}} 份检查表，在本机和交换数据的其他电脑上都将删除。已记录的问题仍保留在问题清单中。此操作无法撤销。',
    confirm: '删除',
    cancel: '取消',
    deleted: '草稿督查记录已删除',
    failed: '无法删除：{{reason}}',
  },
};

export type DraftsMessages = { [K in keyof typeof draftsZhCN]: Widen<(typeof draftsZhCN)[K]> };
type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
