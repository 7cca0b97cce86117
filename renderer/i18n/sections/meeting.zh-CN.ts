// 调度会: the joint-meeting list of the issues that need coordination, on screen and in print. The `_one`
// keys are the singular English needs (i18next picks them by `count`); Chinese says the same in both.
export const meetingZhCN = {
  contradicted: '分开办理、相互矛盾的步骤：请裁定以哪一步为准',
  contradictedPair:
    '「{{first}}」（{{firstActor}}，{{firstAt}}）与「{{second}}」（{{secondActor}}，{{secondAt}}）',
  title: '重点项目联席会议（调度会）待协调问题清单',
  date: '日期：{{date}}',
  totals:
    '共 {{issues}} 个问题，涉及 {{units}} 个责任单位；其中逾期 {{overdue}} 个，3天内到期 {{dueSoon}} 个。',
  county: '县(区)',
  scope: '范围：{{county}}',
  print: '打印',
  empty: '没有需要提交调度会协调的未销号问题。',
  emptyCounty: '{{county}}没有需要提交调度会协调的未销号问题。',
  groupCount: '{{count}} 个问题',
  groupCount_one: '{{count}} 个问题',
  columns: {
    number: '序号',
    project: '项目',
    issue: '问题',
    county: '县(区)',
    deadline: '整改时限',
    daysLeft: '剩余天数',
    card: '红黄绿牌',
    status: '状态',
    leader: '协调领导',
    ask: '提请会议协调事项',
  },
  coUnits: '共同责任单位：{{units}}',
  daysLeft: {
    overdue: '逾期 {{count}} 天',
    overdue_one: '逾期 {{count}} 天',
    today: '今天到期',
    left: '剩 {{count}} 天',
    left_one: '剩 {{count}} 天',
  },
};

export type MeetingMessages = typeof meetingZhCN;
