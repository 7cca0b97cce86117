// A rectification notice (整改通知书) as a document ready to preview and print, for its number — the
// one way both the Reports page and the issue page's "Issue notice" step make it.
import { useCallback } from 'react';
import { i18next } from '../../i18n';
import { reportActions, useDatabase } from '../../db';
import { useTimeZone } from '../../stores/clock';
import { noticeReport } from './build-reports';
import { usePreparedReport } from './use-prepared-report';
import { useWorkingSignerOnceRead } from './use-working-signer';

export function useNoticeReport(number: string | null, unitId: string | null) {
  const db = useDatabase();
  const timeZone = useTimeZone();
  // Not before the team is read: a notice just issued is saved as soon as it is ready.
  const signer = useWorkingSignerOnceRead();
  const prepare = useCallback(async () => {
    if (number === null || signer === null) return null;
    const source = await reportActions(db).notice(number);
    // The documents are in Chinese whatever the app's language.
    return source ? noticeReport(source, i18next.getFixedT('zh-CN'), unitId, signer, timeZone) : null;
  }, [db, number, unitId, signer, timeZone]);
  return usePreparedReport(number === null || signer === null ? null : prepare);
}
