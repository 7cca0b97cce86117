// 整改通知书, laid out as a 公文 (GB/T 9704-2012): the 版头 with the issuing authority in red and the
// number (督查〔2026〕12号) under it, the title, the unit it goes to (主送), the problems found on its
// projects under 一、 with each as a （一） heading, what is required under 二、, the 落款 with room
// for the seal, the receipt, and the 版记 of 抄送 and 印发 where the team has set them.
import type { TFunction } from 'i18next';
import type { Issue } from '../../../../shared/domain/issue';
import { noticeRequirements, problemHeading, problemLine } from './notice-text';
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
  const requirements = noticeRequirements(model, t);
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
      {model.issues.map((issue, i) => (
        <section key={issue.id} data-issue={issue.id}>
          <h3>{problemHeading(model, issue, i + 1, t)}</h3>
          {issue.description && <p>{issue.description}</p>}
          <p>{problemLine(model, issue, t)}</p>
        </section>
      ))}
      <h2>{t('reports.notice.requirementsTitle')}</h2>
      {requirements.map((r, i) => (
        <p key={i}>
          <span className="kai">{r.lead}</span>
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
