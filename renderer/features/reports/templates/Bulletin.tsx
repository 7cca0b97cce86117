// 督查通报, laid out as a 公文 (GB/T 9704-2012): the 版头 (督查通报 in red, the edition, the sender and
// the date, the red separator), the title, then the period's supervision — summary, figures per county
// and per unit, the ranking with its rule, typical problems with photos, the overdue list, next steps —
// the 落款, the site photos of the period's visits as its attachment, and the 版记.
import type { TFunction } from 'i18next';
import type { RectificationFigure } from '../../../../shared/figures/rectification';
import type { BulletinFigures } from '../../../../shared/reports/bulletin-figures';
import { chineseDate, percent, PhotoGrid, type PrintPhoto } from './parts';
import { Banner, Colophon, GongwenDocument, SignOff } from './gongwen-parts';
import { ordinal } from './notice-text';
import { isEmptyPeriod, placeText, rankTextOf, summaryText, unitsByOverdue, unitsOf } from './bulletin-text';
import type { ReportMode } from './ReportDocument';

export interface BulletinModel {
  /** e.g. 2026年第3期 */
  edition: string;
  from: string;
  to: string;
  today: string;
  /** The area covered: a county, or the city. */
  areaName: string;
  senderName: string;
  /** 抄送 and 印发机关 of the 版记; '' when the team names none. */
  copyTo: string;
  printedBy: string;
  visits: number;
  projects: number;
  figures: BulletinFigures;
  regionNames: ReadonlyMap<string, string>;
  unitNames: ReadonlyMap<string, string>;
  projectNames: ReadonlyMap<string, string>;
  /** Photos of each typical problem, by issue id. */
  typicalPhotos: ReadonlyMap<string, PrintPhoto[]>;
  nextSteps: string;
  /** The appendix: each visit with its photos. */
  sitePhotos: { label: string; photos: PrintPhoto[] }[];
}

function FigureRow({ name, f, rank }: { name: string; f: RectificationFigure; rank?: string }) {
  return (
    <tr>
      <td>{name}</td>
      <td className="num">{f.found}</td>
      <td className="num">{f.rectified}</td>
      <td className="num">{percent(f.rectificationRate)}</td>
      <td className="num">{percent(f.onTimeRate)}</td>
      <td className="num">{f.overdue}</td>
      {rank !== undefined && <td className="center">{rank}</td>}
    </tr>
  );
}

function FigureHead({ t, first, rank }: { t: TFunction; first: string; rank?: boolean }) {
  return (
    <thead>
      <tr>
        {/* Names are read whole (思茅区, not 思茅/区); the figures are short. */}
        <th style={{ width: rank ? '22%' : '30%' }}>{first}</th>
        <th>{t('dashboard.columns.found')}</th>
        <th>{t('dashboard.columns.rectified')}</th>
        <th>{t('dashboard.columns.rate')}</th>
        <th>{t('dashboard.columns.onTimeRate')}</th>
        <th>{t('dashboard.columns.overdue')}</th>
        {rank && <th style={{ width: '15%' }}>{t('dashboard.columns.rank')}</th>}
      </tr>
    </thead>
  );
}

export function Bulletin({ model, t, mode }: { model: BulletinModel; t: TFunction; mode: ReportMode }) {
  const { figures } = model;
  const total = figures.figures.total;
  const title = t('reports.bulletin.title');
  const rankText = rankTextOf(figures, t);
  const units = unitsByOverdue(figures);
  const empty = isEmptyPeriod(figures, model.visits);
  return (
    <GongwenDocument title={`${title} ${model.edition}`} mode={mode}>
      <Banner issuer={title}>
        <div className="doc-number" data-part="doc-number">
          {model.edition}
        </div>
        <p className="edition-line">
          <span>{model.senderName}</span>
          <span>{chineseDate(model.today)}</span>
        </p>
      </Banner>
      <h1 className="doc-title">
        {t('reports.bulletin.docTitle', {
          from: chineseDate(model.from),
          to: chineseDate(model.to),
          area: model.areaName,
        })}
      </h1>

      <h2>{t('reports.bulletin.summaryTitle')}</h2>
      <p className="indent">{summaryText(model, t)}</p>
      {figures.place && (
        <p className="indent" data-testid="bulletin-place">
          {placeText(model, t)}
        </p>
      )}
      {empty && <div className="empty">{t('reports.bulletin.empty')}</div>}

      <h2>{t('reports.bulletin.countiesTitle')}</h2>
      <table>
        <FigureHead t={t} first={t('dashboard.columns.county')} rank />
        <tbody>
          {[...figures.figures.byCounty].map(([id, f]) => (
            <FigureRow key={id} name={model.regionNames.get(id) ?? id} f={f} rank={rankText(id)} />
          ))}
          <FigureRow name={t('dashboard.total')} f={total} rank="" />
        </tbody>
      </table>
      <p>{t('dashboard.rankingRule')}</p>

      <h2>{t('reports.bulletin.unitsTitle')}</h2>
      {units.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <table>
          <FigureHead t={t} first={t('dashboard.columns.unit')} />
          <tbody>
            {units.map(([id, f]) => (
              <FigureRow key={id} name={model.unitNames.get(id) ?? id} f={f} />
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('reports.bulletin.typicalTitle')}</h2>
      {figures.typical.length === 0 ? (
        <p>{t('reports.bulletin.noTypical')}</p>
      ) : (
        figures.typical.map((issue, i) => (
          <section key={issue.id}>
            <h3>
              {t('reports.bulletin.typicalHeading', {
                n: ordinal(i + 1),
                index: i + 1,
                project: model.projectNames.get(issue.projectId) ?? '',
                title: issue.title,
                severity: t(`severity.${issue.severity}`),
              })}
            </h3>
            {issue.description && <p className="indent">{issue.description}</p>}
            <p>
              {t('reports.bulletin.typicalLine', {
                units: unitsOf(issue, model.unitNames),
                deadline: chineseDate(issue.deadline),
                status: t(`issue.status.${issue.status}`),
              })}
            </p>
            <PhotoGrid photos={model.typicalPhotos.get(issue.id) ?? []} t={t} columns={3} />
          </section>
        ))
      )}

      <h2>{t('reports.bulletin.overdueTitle', { count: figures.overdue.length })}</h2>
      {figures.overdue.length === 0 ? (
        <p>{t('reports.bulletin.noOverdue')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th style={{ width: '7%' }}>{t('reports.no')}</th>
              <th style={{ width: '24%' }}>{t('reports.issue.project')}</th>
              <th>{t('reports.issue.title')}</th>
              <th style={{ width: '18%' }}>{t('reports.issue.unit')}</th>
              <th style={{ width: '14%' }}>{t('reports.issue.deadline')}</th>
              <th style={{ width: '10%' }}>{t('reports.bulletin.daysOverdue')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.overdue.map(({ issue, daysOverdue }, i) => (
              <tr key={issue.id}>
                <td className="center">{i + 1}</td>
                <td>{model.projectNames.get(issue.projectId) ?? ''}</td>
                <td>{issue.title}</td>
                <td>{unitsOf(issue, model.unitNames)}</td>
                <td className="center">{issue.deadline}</td>
                <td className="num">{daysOverdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('reports.bulletin.nextStepsTitle')}</h2>
      {(model.nextSteps.trim() || t('reports.bulletin.nextStepsDefault'))
        .split(/\n+/)
        .filter((line) => line.trim() !== '')
        .map((line, i) => (
          <p className="indent" key={i}>
            {line}
          </p>
        ))}

      <SignOff authority={model.senderName} date={model.today} t={t} />

      {model.sitePhotos.length > 0 && (
        <section className="page-break">
          <p className="flush attachment-title">{t('reports.bulletin.appendix')}</p>
          {model.sitePhotos.map((v, i) => (
            <section key={i}>
              <h3>{v.label}</h3>
              <PhotoGrid photos={v.photos} t={t} columns={3} />
            </section>
          ))}
        </section>
      )}
      <Colophon copyTo={model.copyTo} printedBy={model.printedBy} date={model.today} t={t} />
    </GongwenDocument>
  );
}
