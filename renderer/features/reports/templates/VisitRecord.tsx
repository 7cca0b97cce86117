// 督查记录单: one visit on one page or a few — the project, the team, what was seen, the checklist
// results item by item, the problems found, the photos, and both signatures.
import type { TFunction } from 'i18next';
import type { ChecklistResult, ChecklistTemplate } from '../../../../shared/domain/checklist';
import type { Issue } from '../../../../shared/domain/issue';
import type { Project } from '../../../../shared/domain/project';
import type { Visit } from '../../../../shared/domain/visit';
import { formatWan } from '../../../../shared/domain/money';
import { checklistScore } from '../../../../shared/checklists/score';
import { chineseDate, dayIn, PhotoGrid, type PrintPhoto } from './parts';
import { ReportDocument, type ReportMode } from './ReportDocument';
import { reportCss } from './report-css';
import type { AmendableVisitField } from '../../../../shared/domain/visit-amendment';
import { amendmentMark, type AmendmentNotes } from './amendment-notes';
import {
  checklistColumns,
  NUMBER_COLUMN_PERCENT,
  type ChecklistColumn,
  type ChecklistRowText,
} from './checklist-columns';

export interface VisitRecordModel {
  visit: Visit;
  project: Project;
  regionName: string;
  teamName: string;
  memberNames: string[];
  checklists: { template: ChecklistTemplate; result: ChecklistResult }[];
  findings: Issue[];
  unitNames: ReadonlyMap<string, string>;
  photos: PrintPhoto[];
  /** Signature images by their hash. */
  signatures: ReadonlyMap<string, PrintPhoto>;
  timeZone: string;
  /** Values corrected after finalizing: their marks and footnotes. */
  amendmentNotes: AmendmentNotes;
}

/** An answer as its row shows it: a yes/no answer is the item's result, anything else what was found. */
function answerTexts(
  t: TFunction,
  answer: ChecklistResult['answers'][string] | undefined,
): Pick<ChecklistRowText, 'finding' | 'result' | 'note'> {
  const note = answer?.note ?? '';
  if (!answer) return { finding: '', result: '—', note };
  switch (answer.kind) {
    case 'yesNoNa':
      return { finding: '', result: t(`reports.answer.${answer.value}`), note };
    case 'number':
      return { finding: String(answer.value), result: '', note };
    case 'text':
      return { finding: answer.value || '—', result: '', note };
    case 'photo':
      return { finding: t('reports.answer.photos', { count: answer.value.length }), result: '', note };
  }
}

const COLUMN_HEADS: Record<ChecklistColumn, string> = {
  item: 'reports.visitRecord.item',
  finding: 'reports.visitRecord.finding',
  result: 'reports.visitRecord.result',
  note: 'reports.visitRecord.note',
};

/** One checklist's table: the item, what was found, the result and the note, each its own column. */
function ChecklistTable({ rows, t }: { rows: ChecklistRowText[]; t: TFunction }) {
  const columns = checklistColumns(rows);
  return (
    <table className="checklist">
      <thead>
        <tr>
          <th style={{ width: `${String(NUMBER_COLUMN_PERCENT)}%` }}>{t('reports.no')}</th>
          {columns.map(({ column, percent }) => (
            <th key={column} data-column={column} style={{ width: `${String(percent)}%` }}>
              {t(COLUMN_HEADS[column])}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <td className="center">{i + 1}</td>
            {columns.map(({ column }) => (
              <td key={column} className={column === 'result' ? 'center' : undefined}>
                {row[column]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The mark beside an amended value (※1); nothing for a value never amended. */
function Mark({ notes, fields }: { notes: AmendmentNotes; fields: AmendableVisitField[] }) {
  const mark = amendmentMark(notes, ...fields);
  return mark ? <sup className="amended">{mark}</sup> : null;
}

export function VisitRecord({ model, t, mode }: { model: VisitRecordModel; t: TFunction; mode: ReportMode }) {
  const { visit, project } = model;
  const title = t('reports.visitRecord.title');
  const signer = (role: 'inspector' | 'siteRepresentative') => visit.signatures.find((s) => s.role === role);
  const notes = model.amendmentNotes;
  return (
    <ReportDocument
      title={`${title} · ${project.name}`}
      styleSheet={reportCss(`${title} · ${project.name}`)}
      mode={mode}
    >
      <h1>{title}</h1>
      <table className="form">
        <tbody>
          <tr>
            <th>{t('reports.visitRecord.project')}</th>
            <td colSpan={3}>{project.name}</td>
          </tr>
          <tr>
            <th>{t('reports.visitRecord.region')}</th>
            <td>{model.regionName}</td>
            <th>{t('reports.visitRecord.type')}</th>
            <td>
              {t(`visitType.${visit.type}`)}
              <Mark notes={notes} fields={['type']} />
            </td>
          </tr>
          <tr>
            <th>{t('reports.visitRecord.date')}</th>
            <td>
              {chineseDate(visit.date)} {visit.startTime ?? ''}
              <Mark notes={notes} fields={['date', 'startTime']} />
            </td>
            <th>{t('reports.visitRecord.weather')}</th>
            <td>
              {visit.weather || '—'}
              <Mark notes={notes} fields={['weather']} />
            </td>
          </tr>
          <tr>
            <th>{t('reports.visitRecord.team')}</th>
            <td colSpan={3}>
              {model.teamName}
              {model.memberNames.length > 0 ? `：${model.memberNames.join('、')}` : ''}
              <Mark notes={notes} fields={['memberIds']} />
            </td>
          </tr>
          <tr>
            <th>{t('reports.visitRecord.progress')}</th>
            <td colSpan={3}>
              {visit.percentComplete === null
                ? ''
                : `${t('reports.visitRecord.percent', { p: visit.percentComplete })}`}
              <Mark notes={notes} fields={['percentComplete']} />{' '}
              {visit.reportedInvestment === null
                ? ''
                : t('reports.visitRecord.investment', { wan: formatWan(visit.reportedInvestment) })}
              <Mark notes={notes} fields={['reportedInvestment']} />
              {visit.workersOnSite === null
                ? ''
                : ` ${t('reports.visitRecord.workers', { n: visit.workersOnSite })}`}
              <Mark notes={notes} fields={['workersOnSite']} />
              {visit.machinesOnSite === null
                ? ''
                : ` ${t('reports.visitRecord.machines', { n: visit.machinesOnSite })}`}
              <Mark notes={notes} fields={['machinesOnSite']} />
              <p>
                {visit.progressNarrative || '—'}
                <Mark notes={notes} fields={['progressNarrative']} />
              </p>
            </td>
          </tr>
        </tbody>
      </table>
      {notes.notes.length > 0 && (
        <ol className="amendments" data-testid="amendment-notes">
          {notes.notes.map((note) => (
            <li key={note.n}>
              ※{note.n} {note.label}：{t('evidence.amendedNote', { was: note.was, reason: note.reason })}
            </li>
          ))}
        </ol>
      )}

      {model.checklists.map(({ template, result }) => {
        const score = checklistScore(template, result.answers);
        return (
          <section key={result.id}>
            <h2>
              {t('reports.visitRecord.checklist', { name: template.name, version: result.templateVersion })}
              {score !== null && ` · ${t('reports.visitRecord.score', { score })}`}
            </h2>
            <ChecklistTable
              t={t}
              rows={template.sections
                .flatMap((section) => section.items)
                .map((item) => ({ item: item.text, ...answerTexts(t, result.answers[item.id]) }))}
            />
          </section>
        );
      })}

      <h2>{t('reports.visitRecord.findings')}</h2>
      {model.findings.length === 0 ? (
        <p className="muted">{t('reports.visitRecord.noFindings')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th style={{ width: '8%' }}>{t('reports.no')}</th>
              <th>{t('reports.issue.title')}</th>
              <th style={{ width: '10%' }}>{t('reports.issue.severity')}</th>
              <th style={{ width: '22%' }}>{t('reports.issue.unit')}</th>
              <th style={{ width: '16%' }}>{t('reports.issue.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {model.findings.map((issue, i) => (
              <tr key={issue.id}>
                <td className="center">{i + 1}</td>
                <td>
                  {issue.title}
                  {issue.description && <div className="muted">{issue.description}</div>}
                </td>
                <td className="center">{t(`severity.${issue.severity}`)}</td>
                <td>{issue.responsibleUnitIds.map((u) => model.unitNames.get(u) ?? u).join('、')}</td>
                <td className="center">{chineseDate(issue.deadline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {model.photos.length > 0 && (
        <>
          <h2>{t('reports.visitRecord.photos', { count: model.photos.length })}</h2>
          <PhotoGrid photos={model.photos} t={t} />
        </>
      )}

      <div className="signatures">
        {(['inspector', 'siteRepresentative'] as const).map((role) => {
          const signature = signer(role);
          const image = signature ? model.signatures.get(signature.imageSha256) : undefined;
          return (
            <div className="signature" key={role}>
              <div>{t(`reports.visitRecord.signer.${role}`)}</div>
              <div className="line">
                {image?.src ? <img src={image.src} alt={signature?.name ?? ''} /> : null}
              </div>
              <div>
                {signature
                  ? `${signature.name}\u3000${chineseDate(dayIn(signature.signedAt, model.timeZone))}`
                  : t('reports.visitRecord.unsigned')}
              </div>
            </div>
          );
        })}
      </div>
    </ReportDocument>
  );
}
