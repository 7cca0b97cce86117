// Reminders: the header's reminder of overdue and soon-due issues, and the notice once a day.
import type { RemindersMessages } from './reminders.zh-CN';

export const remindersEn: RemindersMessages = {
  title: 'Reminders',
  summary: '{{overdue}} overdue, {{dueSoon}} due within 3 days',
  overdue: '{{count}} overdue',
  dueSoon: '{{count}} due within 3 days',
  viewAllOverdue: 'View all overdue issues',
  viewAllDueSoon: 'View all issues due soon',
  none: 'No issue is overdue or due within 3 days.',
  notice: {
    title: 'Today’s reminders',
    description: 'Overdue: {{overdue}} · Due within 3 days: {{dueSoon}}',
    view: 'View these issues',
  },
};
