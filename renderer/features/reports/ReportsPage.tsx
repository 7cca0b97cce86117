// 报告: the documents offices circulate — visit record, rectification notice, bulletin, close-out
// record — and the ledgers. Which document and which subject are in the address (?doc=…), so the
// visit and issue pages can link straight to theirs and a reload keeps the choice.
import { Tabs, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BulletinPanel } from './BulletinPanel';
import { CloseOutPanel } from './CloseOutPanel';
import { LedgersPanel } from './LedgersPanel';
import { NoticePanel } from './NoticePanel';
import { VisitRecordPanel } from './VisitRecordPanel';
import { ReadAction } from '../../ui/ReadAction';

const DOCS = ['visit', 'notice', 'bulletin', 'closeOut', 'ledgers'] as const;
type Doc = (typeof DOCS)[number];
const isDoc = (value: string | null): value is Doc => DOCS.includes(value as Doc);

export function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const doc: Doc = isDoc(params.get('doc')) ? (params.get('doc') as Doc) : 'visit';
  const go = useCallback(
    (next: Record<string, string | null>) =>
      setParams(
        (current) => {
          const out = new URLSearchParams(current);
          for (const [key, value] of Object.entries(next)) {
            if (value === null) out.delete(key);
            else out.set(key, value);
          }
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  const chooseNotice = useCallback(
    (unit: string | null, number: string | null) => go({ unit, number }),
    [go],
  );
  // Making a document and saving it to a file only reads, so a leader may (ReadAction); issuing a
  // notice writes, so the notice panel opts in only its choices and its document.
  const panels: Record<Doc, React.ReactNode> = {
    visit: (
      <ReadAction>
        <VisitRecordPanel visitId={params.get('visit')} onChoose={(visit) => go({ visit })} />
      </ReadAction>
    ),
    notice: <NoticePanel unitId={params.get('unit')} number={params.get('number')} onChoose={chooseNotice} />,
    bulletin: (
      <ReadAction>
        <BulletinPanel />
      </ReadAction>
    ),
    closeOut: (
      <ReadAction>
        <CloseOutPanel issueId={params.get('issue')} onChoose={(issue) => go({ issue })} />
      </ReadAction>
    ),
    ledgers: (
      <ReadAction>
        <LedgersPanel />
      </ReadAction>
    ),
  };
  return (
    <section aria-labelledby="reports-title">
      <Typography.Title level={3} id="reports-title">
        {t('reports.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('reports.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={doc}
        onChange={(key) => go({ doc: key })}
        destroyOnHidden
        items={DOCS.map((d) => ({ key: d, label: t(`reports.tabs.${d}`), children: panels[d] }))}
      />
    </section>
  );
}
