// 销号验收单: one issue closed out — what it was, who had to fix it and by when, the re-inspection's
// verdict, the before and after photos side by side, and the steps of its history.
import type { TFunction } from 'i18next';
import type { Issue, IssueEvent } from '../../../../shared/domain/issue';
import { chineseDate, dayIn, PhotoGrid, type PrintPhoto } from './parts';
import { ReportDocument, type ReportMode } from './ReportDocument';
import { reportCss } from './report-css';

export interface CloseOutModel {
  issue: Issue;
  projectName: string;
  regionName: string;
  unitNames: string[];
  history: IssueEvent[];
  reinspectionDate: string | null;
  before: PrintPhoto[];
  after: PrintPhoto[];
  timeZone: string;
  /** The team that closed it out (its issuing authority, or its name); '' when unknown. */
  senderName?: string;
}

export function CloseOutRecord({ model, t, mode }: { model: CloseOutModel; t: TFunction; mode: ReportMode }) {
  const { issue } = model;
  const title = t('reports.closeOut.title');
  const closing = model.history.findLast((e) => e.kind === 'closed');
  return (
    <ReportDocument
      title={`${title} · ${issue.title}`}
      styleSheet={reportCss(`${title} · ${model.projectName}`)}
      mode={mode}
    >
      <h1>{title}</h1>
      {issue.status !== 'closed' && <div className="empty">{t('reports.closeOut.notClosed')}</div>}
      <table className="form">
        <tbody>
          <tr>
            <th>{t('reports.issue.project')}</th>
            <td colSpan={3}>{model.projectName}</td>
          </tr>
          <tr>
            <th>{t('reports.closeOut.region')}</th>
            <td>{model.regionName}</td>
            <th>{t('reports.closeOut.notice')}</th>
            <td>{issue.noticeNumber ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('reports.issue.title')}</th>
            <td colSpan={3}>
              {issue.title}
              {issue.description && <div className="muted">{issue.description}</div>}
            </td>
          </tr>
          <tr>
            <th>{t('reports.issue.unit')}</th>
            <td colSpan={3}>{model.unitNames.join('、')}</td>
          </tr>
          <tr>
            <th>{t('reports.closeOut.deadline')}</th>
            <td>
              {chineseDate(issue.deadline)}
              {issue.deadline !== issue.originalDeadline &&
                `（${t('reports.closeOut.original', { date: chineseDate(issue.originalDeadline) })}）`}
            </td>
            <th>{t('reports.closeOut.reinspected')}</th>
            <td>{model.reinspectionDate ? chineseDate(model.reinspectionDate) : '—'}</td>
          </tr>
          <tr>
            <th>{t('reports.closeOut.verdict')}</th>
            <td colSpan={3}>
              {closing
                ? t('reports.closeOut.closedBy', {
                    name: closing.actorName,
                    date: chineseDate(dayIn(closing.at, model.timeZone)),
                  })
                : '—'}
              {closing?.note && <div>{closing.note}</div>}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="before-after">
        <section>
          <h3>{t('reports.closeOut.before', { count: model.before.length })}</h3>
          {model.before.length === 0 ? (
            <p className="muted">—</p>
          ) : (
            <PhotoGrid photos={model.before} t={t} columns={2} />
          )}
        </section>
        <section>
          <h3>{t('reports.closeOut.after', { count: model.after.length })}</h3>
          {model.after.length === 0 ? (
            <p className="muted">—</p>
          ) : (
            <PhotoGrid photos={model.after} t={t} columns={2} />
          )}
        </section>
      </div>
      <h2>{t('reports.closeOut.history')}</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '16%' }}>{t('reports.closeOut.when')}</th>
            <th style={{ width: '16%' }}>{t('reports.closeOut.step')}</th>
            <th style={{ width: '16%' }}>{t('reports.closeOut.who')}</th>
            <th>{t('reports.closeOut.what')}</th>
          </tr>
        </thead>
        <tbody>
          {model.history.map((e) => (
            <tr key={e.id}>
              <td className="center">{dayIn(e.at, model.timeZone)}</td>
              <td className="center">{t(`issue.events.${e.kind}`)}</td>
              <td>{e.actorName}</td>
              <td>
                {e.note}
                {e.newDeadline &&
                  ` ${t('reports.closeOut.newDeadline', { date: chineseDate(e.newDeadline) })}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="signatures">
        <div className="signature">
          <div>{t('reports.closeOut.signUnit')}</div>
          <div className="line" />
        </div>
        <div className="signature">
          <div>{t('reports.closeOut.signTeam')}</div>
          {model.senderName ? <div>{model.senderName}</div> : <div className="line" />}
        </div>
      </div>
    </ReportDocument>
  );
}
