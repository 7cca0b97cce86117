// 督查通报 as a Word file, for an office to edit before it is stamped: the same words, figures and order
// as the PDF (templates/Bulletin.tsx) — 版头 with the edition, the sender and the date, the title, the
// summary, the figures per county (ranked) and per unit, the typical problems, the overdue list, the
// next steps, the 落款 and the 版记.
//
// The photos are left out: the typical problems' photos and the appendix of site photos stay in the PDF,
// which carries them fitted and captioned; the Word file is the text an office edits, and a page of
// photos fitted by hand in WPS would only be rearranged again.
import type { TFunction } from 'i18next';
import type { RectificationFigure } from '../../../../shared/figures/rectification';
import type { BulletinModel } from '../templates/Bulletin';
import { chineseDate, percent } from '../templates/parts';
import { ordinal } from '../templates/notice-text';
import {
  isEmptyPeriod,
  placeText,
  rankTextOf,
  summaryText,
  unitsByOverdue,
  unitsOf,
} from '../templates/bulletin-text';
import { gongwenDocx } from './gongwen-docx';
import { banner, body, centred, colophon, heading, signOff, subheading, title } from './gongwen-parts-docx';
import { type Column, gongwenTable } from './gongwen-table-docx';

/** The figures' columns after the name, as the PDF heads them. */
const figureHead = (t: TFunction) => [
  t('dashboard.columns.found'),
  t('dashboard.columns.rectified'),
  t('dashboard.columns.rate'),
  t('dashboard.columns.onTimeRate'),
  t('dashboard.columns.overdue'),
];
const figureCells = (f: RectificationFigure) => [
  String(f.found),
  String(f.rectified),
  percent(f.rectificationRate),
  percent(f.onTimeRate),
  String(f.overdue),
];
/** Names are read whole (思茅区, not 思茅/区); the figures share the rest. */
const figureColumns = (first: number, rank: number): Column[] => {
  const share = (1 - first - rank) / 5;
  return [
    { share: first },
    ...Array.from({ length: 5 }, () => ({ share, align: 'right' as const })),
    ...(rank > 0 ? [{ share: rank, align: 'center' as const }] : []),
  ];
};

export function bulletinDocx(model: BulletinModel, t: TFunction): Promise<Uint8Array> {
  const { figures } = model;
  const total = figures.figures.total;
  const bulletinTitle = t('reports.bulletin.title');
  const rankText = rankTextOf(figures, t);
  const units = unitsByOverdue(figures);
  const empty = isEmptyPeriod(figures, model.visits);
  const period = { from: chineseDate(model.from), to: chineseDate(model.to), area: model.areaName };

  const placed = placeText(model, t);
  const summary = [
    heading(t('reports.bulletin.summaryTitle')),
    body(summaryText(model, t)),
    ...(placed === null ? [] : [body(placed)]),
    ...(empty ? [centred(t('reports.bulletin.empty'))] : []),
  ];

  const counties = [
    heading(t('reports.bulletin.countiesTitle')),
    gongwenTable({
      columns: figureColumns(0.22, 0.15),
      head: [t('dashboard.columns.county'), ...figureHead(t), t('dashboard.columns.rank')],
      rows: [
        ...[...figures.figures.byCounty].map(([id, f]) => [
          model.regionNames.get(id) ?? id,
          ...figureCells(f),
          rankText(id),
        ]),
        [t('dashboard.total'), ...figureCells(total), ''],
      ],
    }),
    body(t('dashboard.rankingRule')),
  ];

  const byUnit = [
    heading(t('reports.bulletin.unitsTitle')),
    units.length === 0
      ? body('—')
      : gongwenTable({
          columns: figureColumns(0.3, 0),
          head: [t('dashboard.columns.unit'), ...figureHead(t)],
          rows: units.map(([id, f]) => [model.unitNames.get(id) ?? id, ...figureCells(f)]),
        }),
  ];

  const typical = [
    heading(t('reports.bulletin.typicalTitle')),
    ...(figures.typical.length === 0
      ? [body(t('reports.bulletin.noTypical'))]
      : figures.typical.flatMap((issue, i) => [
          subheading(
            t('reports.bulletin.typicalHeading', {
              n: ordinal(i + 1),
              index: i + 1,
              project: model.projectNames.get(issue.projectId) ?? '',
              title: issue.title,
              severity: t(`severity.${issue.severity}`),
            }),
          ),
          ...(issue.description ? [body(issue.description)] : []),
          body(
            t('reports.bulletin.typicalLine', {
              units: unitsOf(issue, model.unitNames),
              deadline: chineseDate(issue.deadline),
              status: t(`issue.status.${issue.status}`),
            }),
          ),
        ])),
  ];

  const overdue = [
    heading(t('reports.bulletin.overdueTitle', { count: figures.overdue.length })),
    figures.overdue.length === 0
      ? body(t('reports.bulletin.noOverdue'))
      : gongwenTable({
          columns: [
            { share: 0.07, align: 'center' },
            { share: 0.24 },
            { share: 0.27 },
            { share: 0.18 },
            { share: 0.14, align: 'center' },
            { share: 0.1, align: 'right' },
          ],
          head: [
            t('reports.no'),
            t('reports.issue.project'),
            t('reports.issue.title'),
            t('reports.issue.unit'),
            t('reports.issue.deadline'),
            t('reports.bulletin.daysOverdue'),
          ],
          rows: figures.overdue.map(({ issue, daysOverdue }, i) => [
            String(i + 1),
            model.projectNames.get(issue.projectId) ?? '',
            issue.title,
            unitsOf(issue, model.unitNames),
            issue.deadline,
            String(daysOverdue),
          ]),
        }),
  ];

  const nextSteps = [
    heading(t('reports.bulletin.nextStepsTitle')),
    ...(model.nextSteps.trim() || t('reports.bulletin.nextStepsDefault'))
      .split(/\n+/)
      .filter((line) => line.trim() !== '')
      .map((line) => body(line)),
  ];

  return gongwenDocx({
    title: `${bulletinTitle} ${model.edition}`,
    author: model.senderName,
    t,
    children: [
      ...banner(bulletinTitle, model.edition, { sender: model.senderName, date: chineseDate(model.today) }),
      title(t('reports.bulletin.docTitle', period)),
      ...summary,
      ...counties,
      ...byUnit,
      ...typical,
      ...overdue,
      ...nextSteps,
      ...signOff(model.senderName, model.today, t),
      ...colophon(model.copyTo, model.printedBy, model.today, t),
    ],
  });
}
