// Who acts and how a notice is given out (经办人, 下发整改通知, 整改时限), in Chinese.
export const issuingZhCN = {
  actor: {
    noPerson: '尚未选择本机使用人，请填写经办人姓名，或',
    choosePerson: '在“组织”中选择本机使用人',
  },
  notice: {
    number: '通知书文号',
    numberHelp: '按本组文号顺序自动编号，下发后生成整改通知书',
    deadline: '整改时限',
    deadlinePast: '整改时限 {{deadline}} 已过。请先用“调整整改期限”修改整改时限，再下发整改通知。',
    shortReason: '时限较短的理由',
    shortReasonHelp: '整改时限少于本组规定的 {{days}} 天（{{earliest}} 之前），须说明理由',
    noTeam: '尚未设置督查组，无法下发整改通知。请先在“组织”中设置本组名称和文号前缀。',
    setUpTeam: '前往“组织”',
    issued: '已下发整改通知书 {{number}}',
    bulkNumbers: '已下发整改通知书：{{numbers}}',
    open: '查看整改通知书',
    pdfFailed: '整改通知已下发（{{number}}），但通知书 PDF 未能生成：{{reason}}。可在“报告”页再次生成。',
  },
  bulkRefusal: {
    deadlinePast: '整改时限已过，请先调整整改期限',
    shortDeadlineReasonRequired: '整改时限短于本组最短时限，请在问题页逐个下发并说明理由',
  },
  errors: {
    deadlinePast: '整改时限 {{deadline}} 已过（{{titles}}），请先修改整改时限再下发',
    shortDeadlineReasonRequired:
      '整改时限 {{deadline}} 少于本组规定的最短时限（{{titles}}），请填写时限较短的理由',
    recordGone: '该记录已不存在（可能已在其他电脑上删除），请刷新后再试',
  },
};

export type IssuingMessages = typeof issuingZhCN;
