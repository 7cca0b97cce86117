// 提醒: the header's reminder of overdue and soon-due issues, and the notice once a day.
export const remindersZhCN = {
  title: '提醒',
  summary: '逾期 {{overdue}} 条，3天内到期 {{dueSoon}} 条',
  overdue: '逾期 {{count}} 条',
  dueSoon: '3天内到期 {{count}} 条',
  viewAllOverdue: '查看全部逾期问题',
  viewAllDueSoon: '查看全部即将到期问题',
  none: '没有逾期或3天内到期的问题。',
  notice: {
    title: '今日提醒',
    description: '逾期未整改的问题 {{overdue}} 条，3天内到期的问题 {{dueSoon}} 条。',
    view: '查看这些问题',
  },
};

export type RemindersMessages = typeof remindersZhCN;
