// The day's notice (今日提醒): once per day for each start of the app, a notification summing up what is
// overdue and what is due within three days — if anything is. Not on the first-run page (the bell that
// calls this is not shown there) nor right after it, when the data was chosen a moment ago: the notice is
// for the days of work that follow. Not again on later renders or page changes the same day.
import { App, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { localDate } from '../../../shared/domain/dates';
import { issueListPath } from '../../../shared/issues/filter-params';
import { type Reminders, useSetupChoice } from '../../db';
import { useTimeZone } from '../../stores/clock';

/** The day the notice was last considered in this run of the app: kept outside React, as it is per run. */
let noticedOn: string | null = null;

export function useDailyNotice(reminders: Reminders | undefined, today: string): void {
  const { notification } = App.useApp();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useSetupChoice();
  const timeZone = useTimeZone();

  useEffect(() => {
    // A live query keeps its last result while the next runs: at midnight, wait for the new day's.
    if (reminders?.asOf !== today || setup === undefined || noticedOn === today) return;
    noticedOn = today;
    // Set up today in this run of the page: the first-run page was on screen moments ago.
    const setUpAt = setup === null ? Number.NaN : Date.parse(setup.at);
    if (setUpAt >= performance.timeOrigin && localDate(setUpAt, timeZone) === today) return;
    const { overdue, dueSoon } = reminders;
    if (overdue + dueSoon === 0) return;
    const key = `reminders-${today}`;
    const view = () => {
      notification.destroy(key);
      void navigate(issueListPath({ cards: ['red', 'yellow'] }));
    };
    notification.warning({
      key,
      title: t('reminders.notice.title'),
      description: t('reminders.notice.description', { overdue, dueSoon }),
      placement: 'bottomRight',
      duration: 10,
      role: 'status',
      props: { 'data-testid': 'reminder-notice' },
      actions: (
        <Button type="primary" size="small" onClick={view}>
          {t('reminders.notice.view')}
        </Button>
      ),
    });
  }, [reminders, setup, timeZone, today, notification, t, navigate]);
}
