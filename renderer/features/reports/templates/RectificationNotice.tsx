// 整改通知书, laid out as a 公文 (GB/T 9704-2012): the 版头 with the issuing authority in red and the
// number (督查〔2026〕12号) under it, the title, the unit it goes to (主送), the problems found on its
// projects under 一、 with each as a （一） heading, what is required under 二、, the 落款 with room
// for the seal, the receipt, and the 版记 of 抄送 and 印发 where the team has set them.
import type { TFunction } from 'i18next';
import type { Issue } from '../../../../shared/domain/issue';
import { chineseNumber } from '../../../../shared/reports/chinese-date';
import { chineseDate } from './parts';
import { Banner, Colophon, GongwenDocument, SignOff } from './gongwen-parts';
import type { ReportMode } from './ReportDocument';

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
  /** 印发机关; '' when the team names none. */
  printedBy?: string;
}

/** （一） in a Chinese document; the index past 九十九 (never seen on one notice) as a figure. */
export const ordinal = (index: number): string => (index <= 99 ? chineseNumber(index) : String(index));

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
  const requirements = [
    { lead: t('reports.notice.requirement1Lead'), text: t('reports.notice.requirement1') },
    {
      lead: t('reports.notice.requirement2Lead'),
      text: t('reports.notice.requirement2', { date: earliest ? chineseDate(earliest) : '—' }),
    },
    { lead: t('reports.notice.requirement3Lead'), text: t('reports.notice.requirement3') },
  ];
  return (
    <GongwenDocument title={`${title} ${model.number}`} mode={mode}>
      <Banner issuer={model.senderName}>
        <div className="doc-number" data-part="doc-number">
          {model.number}
        </div>
      </Banner>
      <h1 className="doc-title">{title}</h1>
      <p className="addressee">{t('reports.notice.to', { unit: model.unitName })}</p>
      <p>{t('reports.notice.opening', { count: model.issues.length })}</p>
      <h2>{t('reports.notice.problemsTitle')}</h2>
      {model.issues.map((issue, i) => {
        const others = issue.responsibleUnitIds.filter((u) => u !== model.unitId);
        return (
          <section key={issue.id} data-issue={issue.id}>
            <h3>
              {t('reports.notice.problemHeading', {
                n: ordinal(i + 1),
                index: i + 1,
                project: model.projectNames.get(issue.projectId) ?? '',
                title: issue.title,
              })}
            </h3>
            {issue.description && <p>{issue.description}</p>}
            <p>
              {t('reports.notice.problemLine', {
                severity: t(`severity.${issue.severity}`),
                deadline: chineseDate(issue.deadline),
              })}
              {others.length > 0 &&
                t('reports.notice.jointly', {
                  units: others.map((u) => model.unitNames.get(u) ?? u).join('、'),
                })}
            </p>
          </section>
        );
      })}
      <h2>{t('reports.notice.requirementsTitle')}</h2>
      {requirements.map((r, i) => (
        <p key={i}>
          <span className="kai">
            {t('reports.notice.requirementLead', { n: ordinal(i + 1), index: i + 1, lead: r.lead })}
          </span>
          {r.text}
        </p>
      ))}
      <SignOff authority={model.senderName} date={model.issuedOn} t={t} />
      <table className="receipt">
        <tbody>
          <tr>
            <th style={{ width: '18%' }}>{t('reports.notice.receipt')}</th>
            <td style={{ height: '16mm' }}>{t('reports.notice.receiptLine')}</td>
          </tr>
        </tbody>
      </table>
      <Colophon copyTo={model.copyTo ?? ''} printedBy={model.printedBy ?? ''} date={model.issuedOn} t={t} />
    </GongwenDocument>
  );
}
