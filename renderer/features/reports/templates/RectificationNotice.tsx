// 整改通知书: to one responsible unit, under a document number such as 督查〔2026〕12号 — the problems
// found on its projects, what is required and by when, and how to report the rectification.
import type { TFunction } from 'i18next';
import type { Issue } from '../../../../shared/domain/issue';
import { chineseDate } from './parts';
import { ReportDocument, type ReportMode } from './ReportDocument';

export interface NoticeModel {
  number: string;
  /** The unit the notice goes to (主送). */
  unitId: string;
  unitName: string;
  issues: Issue[];
  projectNames: ReadonlyMap<string, string>;
  unitNames: ReadonlyMap<string, string>;
  /** The day it went out, YYYY-MM-DD. */
  issuedOn: string;
  /** Who sends it: the team's issuing authority, or the team. */
  senderName: string;
  /** 抄送; '' when the team names none. */
  copyTo?: string;
}

export function RectificationNotice({
  model,
  t,
  mode,
}: {
  model: NoticeModel;
  t: TFunction;
  mode: ReportMode;
}) {
  const title = t('reports.notice.title');
  const earliest = model.issues.reduce<string | null>(
    (min, i) => (min === null || i.deadline < min ? i.deadline : min),
    null,
  );
  return (
    <ReportDocument title={`${title} ${model.number}`} runningHeader={`${title} ${model.number}`} mode={mode}>
      <h1 className="red-head">{title}</h1>
      <div className="doc-number">{model.number}</div>
      <p>{t('reports.notice.to', { unit: model.unitName })}</p>
      <p className="indent">{t('reports.notice.opening', { count: model.issues.length })}</p>
      <table>
        <thead>
          <tr>
            <th style={{ width: '7%' }}>{t('reports.no')}</th>
            <th style={{ width: '22%' }}>{t('reports.issue.project')}</th>
            <th>{t('reports.issue.title')}</th>
            <th style={{ width: '9%' }}>{t('reports.issue.severity')}</th>
            <th style={{ width: '17%' }}>{t('reports.issue.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {model.issues.map((issue, i) => (
            <tr key={issue.id}>
              <td className="center">{i + 1}</td>
              <td>{model.projectNames.get(issue.projectId) ?? ''}</td>
              <td>
                {issue.title}
                {issue.description && <div className="muted">{issue.description}</div>}
                {issue.responsibleUnitIds.some((u) => u !== model.unitId) && (
                  <div className="muted">
                    {t('reports.notice.jointly', {
                      units: issue.responsibleUnitIds
                        .filter((u) => u !== model.unitId)
                        .map((u) => model.unitNames.get(u) ?? u)
                        .join('、'),
                    })}
                  </div>
                )}
              </td>
              <td className="center">{t(`severity.${issue.severity}`)}</td>
              <td className="center">{chineseDate(issue.deadline)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('reports.notice.requirements')}</h3>
      <p className="indent">{t('reports.notice.requirement1')}</p>
      <p className="indent">
        {t('reports.notice.requirement2', { date: earliest ? chineseDate(earliest) : '—' })}
      </p>
      <p className="indent">{t('reports.notice.requirement3')}</p>
      <div className="seal">
        <div>{model.senderName}</div>
        <div>{chineseDate(model.issuedOn)}</div>
      </div>
      {model.copyTo && <p className="copy-to">{t('reports.notice.copyTo', { names: model.copyTo })}</p>}
      <table className="form" style={{ marginTop: '10mm' }}>
        <tbody>
          <tr>
            <th>{t('reports.notice.receipt')}</th>
            <td style={{ height: '16mm' }}>{t('reports.notice.receiptLine')}</td>
          </tr>
        </tbody>
      </table>
    </ReportDocument>
  );
}
