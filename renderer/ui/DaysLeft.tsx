// Days to an open issue's deadline, as the meeting list and the reminders say it: "逾期 3 天",
// "今天到期", "剩 5 天" — in the colour of the card.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../shared/domain/dates';
import { YELLOW_WITHIN_DAYS } from '../../shared/issues/colour-card';

export function DaysLeft({ deadline, today }: { deadline: string; today: string }) {
  const { t } = useTranslation();
  const days = daysBetween(today, deadline);
  const text =
    days < 0
      ? t('meeting.daysLeft.overdue', { count: -days })
      : days === 0
        ? t('meeting.daysLeft.today')
        : t('meeting.daysLeft.left', { count: days });
  const type = days < 0 ? 'danger' : days <= YELLOW_WITHIN_DAYS ? 'warning' : undefined;
  return <Typography.Text type={type}>{text}</Typography.Text>;
}
