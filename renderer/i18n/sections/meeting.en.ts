// The joint meeting: the list of the issues that need coordination, on screen and in print.
import type { MeetingMessages } from './meeting.zh-CN';

export const meetingEn: MeetingMessages = {
  contradicted: 'Steps taken apart that contradict each other: decide which stands',
  contradictedPair:
    '“{{first}}” ({{firstActor}}, {{firstAt}}) and “{{second}}” ({{secondActor}}, {{secondAt}})',
  title: 'Joint meeting on key projects: issues for coordination',
  date: 'Date: {{date}}',
  totals:
    'Issues: {{issues}} · Responsible units: {{units}} · Overdue: {{overdue}} · Due within 3 days: {{dueSoon}}',
  county: 'County',
  scope: 'Scope: {{county}}',
  print: 'Print',
  empty: 'No open issue needs the joint meeting.',
  emptyCounty: 'No open issue of {{county}} needs the joint meeting.',
  groupCount: '{{count}} issues',
  groupCount_one: '{{count}} issue',
  columns: {
    number: 'No.',
    project: 'Project',
    issue: 'Issue',
    county: 'County',
    deadline: 'Deadline',
    daysLeft: 'Days left',
    card: 'Card',
    status: 'Status',
    leader: 'Coordinating leader',
    ask: 'Asked of the meeting',
  },
  coUnits: 'Together with: {{units}}',
  daysLeft: {
    overdue: '{{count}} days overdue',
    overdue_one: '{{count}} day overdue',
    today: 'Due today',
    left: '{{count}} days left',
    left_one: '{{count}} day left',
  },
};
