// 框架与通用控件: the frame around every page (the sidebar's toggle) and names shared controls give
// themselves, so that nothing is announced in English when the UI speaks Chinese.
export const shellZhCN = {
  collapseSidebar: '收起侧栏',
  expandSidebar: '展开侧栏',
  /** A name a record points at that is not (or no longer) in the organization lists. */
  unknownName: '（未知）',
  /** The ledger's money unit, after an amount: 10,000 yuan. */
  wan: '万元',
};

export type ShellMessages = { [K in keyof typeof shellZhCN]: string };
