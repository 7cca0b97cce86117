// 整改通知书 as a Word file, for an office to edit before it is stamped: the same words in the same
// order as the PDF (templates/RectificationNotice.tsx) — 版头 with the number, the title, 主送, the
// problems under 一、 each as a （一） heading, the requirements under 二、, the 落款, the receipt and
// the 版记.
import type { TFunction } from 'i18next';
import { chineseDate } from '../templates/parts';
import { type NoticeModel, ordinal } from '../templates/RectificationNotice';
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
  const problems = model.issues.flatMap((issue, i) => {
    const others = issue.responsibleUnitIds.filter((u) => u !== model.unitId);
    const line =
      t('reports.notice.problemLine', {
        severity: t(`severity.${issue.severity}`),
        deadline: chineseDate(issue.deadline),
      }) +
      (others.length > 0
        ? t('reports.notice.jointly', {
            units: others.map((u) => model.unitNames.get(u) ?? u).join('、'),
          })
        : '');
    return [
      subheading(
        t('reports.notice.problemHeading', {
          n: ordinal(i + 1),
          index: i + 1,
          project: model.projectNames.get(issue.projectId) ?? '',
          title: issue.title,
        }),
      ),
      ...(issue.description ? [body(issue.description)] : []),
      body(line),
    ];
  });
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
      ...requirements.map((r, i) =>
        body([
          kai(t('reports.notice.requirementLead', { n: ordinal(i + 1), index: i + 1, lead: r.lead })),
          new TextRun(r.text),
        ]),
      ),
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
