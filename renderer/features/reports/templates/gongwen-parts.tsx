// The frame and fixed parts of a 公文 (GB/T 9704-2012): the document with its style sheet, the 版头,
// the 落款 with room for the seal, and the 版记 of 抄送 and 印发 lines.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { chineseNumeralDate } from '../../../../shared/reports/chinese-date';
import { gongwenCss, GONGWEN_PAGE } from './gongwen-css';
import { ReportDocument, type ReportMode } from './ReportDocument';

/** A 公文: the report frame with GB/T 9704's style sheet. */
export function GongwenDocument(props: { title: string; mode: ReportMode; children: ReactNode }) {
  return (
    <ReportDocument title={props.title} styleSheet={gongwenCss()} mode={props.mode}>
      {props.children}
    </ReportDocument>
  );
}

/**
 * The 发文机关标志's size: as large as 2号小初 (36 pt) allows while the name stays on one line of the
 * type area (a long authority's name is set smaller, never wrapped).
 */
export function issuerPt(name: string): number {
  const widthPt = (GONGWEN_PAGE.widthMm * 72) / 25.4;
  const characters = Math.max(1, [...name].length);
  // Each character is its size wide plus the 0.08 em the style sheet spaces them by.
  return Math.max(16, Math.min(36, Math.floor((widthPt / characters / 1.08) * 10) / 10));
}

/**
 * 版头: the issuing authority's mark in red, then the document number two lines below it (or, for a
 * bulletin, its edition and the sender's line), then the red separator.
 */
export function Banner({ issuer, children }: { issuer: string; children: ReactNode }) {
  return (
    <header className="banner" data-part="banner">
      <div className="issuer" style={{ fontSize: `${String(issuerPt(issuer))}pt` }}>
        {issuer}
      </div>
      {children}
      <hr className="rule" />
    </header>
  );
}

/** The date of the 落款: in Chinese numerals in a Chinese document (二〇二六年十二月七日). */
export const signOffDate = (date: string, t: TFunction): string =>
  t('reports.gongwen.signOffDate', { chinese: chineseNumeralDate(date), iso: date });

/**
 * 落款: the issuing authority over the date, the date four characters in from the right, with the
 * seal's room above them (the seal is pressed over both on paper).
 */
export function SignOff({ authority, date, t }: { authority: string; date: string; t: TFunction }) {
  return (
    <div className="signoff" data-part="signoff">
      <div className="block">
        <p className="flush">{authority}</p>
        <p className="flush">{signOffDate(date, t)}</p>
      </div>
    </div>
  );
}

/**
 * 版记: 抄送 and the 印发 line between rules, each only where the team has set it; nothing at all when
 * it has set neither.
 */
export function Colophon({
  copyTo,
  printedBy,
  date,
  t,
}: {
  copyTo: string;
  printedBy: string;
  date: string;
  t: TFunction;
}) {
  if (copyTo.trim() === '' && printedBy.trim() === '') return null;
  return (
    <footer className="colophon" data-part="colophon">
      <hr className="thick" />
      {copyTo.trim() !== '' && (
        <>
          <p>{t('reports.gongwen.copyTo', { names: copyTo.trim() })}</p>
          {printedBy.trim() !== '' && <hr className="thin" />}
        </>
      )}
      {printedBy.trim() !== '' && (
        <p className="printed">
          <span>{printedBy.trim()}</span>
          <span>
            {t('reports.gongwen.printedOn', { date: t('reports.gongwen.arabicDate', dateParts(date)) })}
          </span>
        </p>
      )}
      <hr className="thick" />
    </footer>
  );
}

/** 2026-12-07 → { y: 2026, m: 12, d: 7 } for "2026年12月7日印发". */
const dateParts = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return { y, m, d, iso: date };
};
