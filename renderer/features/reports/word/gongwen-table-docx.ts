// A table of a 公文 in Word as the PDF draws one: across the type area, 0.5 pt black rules, 小四 text
// with its header row in 黑体 repeated on every page, and no row split over two pages.
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import { twips, TYPE_AREA } from './gongwen-page';
import { STYLE } from './gongwen-styles';

type Align = 'left' | 'center' | 'right';

export interface Column {
  /** Its share of the type area's width, 0–1; the shares add up to 1. */
  readonly share: number;
  /** How its figures sit (right for numbers, centre for short codes); left when not given. */
  readonly align?: Align;
}

/** A cell: its text, or its text set as a header cell (黑体, centred) in a body row. */
export type Cell = string | { readonly text: string; readonly head: true };

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = {
  top: RULE,
  bottom: RULE,
  left: RULE,
  right: RULE,
  insideHorizontal: RULE,
  insideVertical: RULE,
};
/** The PDF's cell padding: 1 mm above and below, 1.5 mm at the sides. */
const PADDING = { top: twips(1), bottom: twips(1), left: twips(1.5), right: twips(1.5) };

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

export function gongwenTable(options: {
  columns: readonly Column[];
  head?: readonly string[];
  rows: readonly (readonly Cell[])[];
  /** Each body row's least height, in millimetres (the receipt's room to sign). */
  minRowMm?: number;
}): Table {
  const widths = options.columns.map((c) => Math.round(c.share * TYPE_AREA.width));
  const cell = (content: Cell, column: number, head: boolean) => {
    const isHead = head || typeof content !== 'string';
    const text = typeof content === 'string' ? content : content.text;
    return new TableCell({
      width: { size: widths[column] ?? 0, type: WidthType.DXA },
      margins: PADDING,
      children: [
        new Paragraph({
          style: isHead ? STYLE.tableHead : STYLE.table,
          alignment: isHead ? undefined : ALIGNMENT[options.columns[column]?.align ?? 'left'],
          text,
        }),
      ],
    });
  };
  const height =
    options.minRowMm === undefined ? undefined : { value: twips(options.minRowMm), rule: HeightRule.ATLEAST };
  const rows = [
    ...(options.head
      ? [
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: options.head.map((text, i) => cell(text, i, true)),
          }),
        ]
      : []),
    ...options.rows.map(
      (row) => new TableRow({ cantSplit: true, height, children: row.map((c, i) => cell(c, i, false)) }),
    ),
  ];
  return new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows,
  });
}
