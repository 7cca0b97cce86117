// 整改通知书 as a Word file, for an office to edit before it is stamped: the same words in the same
// order as the PDF (templates/RectificationNotice.tsx) — 版头 with the number, the title, 主送, the
// problems under 一、 each as a （一） heading, the requirements under 二、, the 落款, the receipt and
// the 版记.
import type { TFunction } from 'i18next';
import type { NoticeModel } from '../templates/RectificationNotice';
import { noticeRequirements, problemHeading, problemLine } from '../templates/notice-text';
import { gongwenDocx } from './gongwen-docx';
import {
  banner,
  body,
  colophon,
  flush,
  heading,
  kai,
  signOff,
  subheading,
  title,
} from './gongwen-parts-docx';
import { gongwenTable } from './gongwen-table-docx';
import { TextRun } from 'docx';

export function noticeDocx(model: NoticeModel, t: TFunction): Promise<Uint8Array> {
  const noticeTitle = t('reports.notice.title');
  const requirements = noticeRequirements(model, t);
  const problems = model.issues.flatMap((issue, i) => [
    subheading(problemHeading(model, issue, i + 1, t)),
    ...(issue.description ? [body(issue.description)] : []),
    body(problemLine(model, issue, t)),
  ]);
  return gongwenDocx({
    title: `${noticeTitle} ${model.number}`,
    author: model.senderName,
    t,
    children: [
      ...banner(model.senderName, model.number),
      title(noticeTitle),
      flush(t('reports.notice.to', { unit: model.unitName })),
      body(t('reports.notice.opening', { count: model.issues.length })),
      heading(t('reports.notice.problemsTitle')),
      ...problems,
      heading(t('reports.notice.requirementsTitle')),
      ...requirements.map((r) => body([kai(r.lead), new TextRun(r.text)])),
      ...signOff(model.senderName, model.issuedOn, t),
      // The PDF leaves a line between the 落款 and the receipt.
      flush(''),
      gongwenTable({
        columns: [{ share: 0.18 }, { share: 0.82 }],
        rows: [[{ text: t('reports.notice.receipt'), head: true }, t('reports.notice.receiptLine')]],
        minRowMm: 16,
      }),
      ...colophon(model.copyTo ?? '', model.printedBy ?? '', model.issuedOn, t),
    ],
  });
}
