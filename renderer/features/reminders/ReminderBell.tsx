// The bell in the header (提醒): a badge counting the open issues that are overdue (red cards) or due
// within three days (yellow cards); clicking it opens the most urgent of them. Also gives the day's
// notice (see use-daily-notice). Read from the indexes, so it is cheap at any number of issues.
import { BellOutlined } from '../../ui/icons';
import { Badge, Button, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReminders } from '../../db';
import { useToday } from '../../stores/clock';
import { ReminderPanel } from './ReminderPanel';
import { useDailyNotice } from './use-daily-notice';

export function ReminderBell() {
  const { t } = useTranslation();
  const today = useToday();
  const reminders = useReminders(today);
  const [open, setOpen] = useState(false);
  useDailyNotice(reminders, today);

  const overdue = reminders?.overdue ?? 0;
  const dueSoon = reminders?.dueSoon ?? 0;
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={t('reminders.title')}
      content={
        reminders && <ReminderPanel reminders={reminders} today={today} onNavigate={() => setOpen(false)} />
      }
    >
      <Badge
        count={overdue + dueSoon}
        overflowCount={999}
        color={overdue > 0 ? 'red' : 'gold'}
        title={t('reminders.summary', { overdue, dueSoon })}
      >
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined aria-hidden />}
          aria-label={t('reminders.title')}
          aria-expanded={open}
          data-testid="reminders"
          data-overdue={reminders ? overdue : undefined}
          data-due-soon={reminders ? dueSoon : undefined}
        />
      </Badge>
    </Popover>
  );
}
