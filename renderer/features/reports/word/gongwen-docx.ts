// A 公文 as a Word file (.docx): the A4 page with GB/T 9704's margins, 22 lines a page, the styles, and page numbers at the outer edge of odd and even pages — around the
// paragraphs and tables of one document. The bytes come from Packer's Uint8Array output, which needs no
// Node Buffer, so the same code runs in the app's page and in the tests.
import { Document, DocumentGridType, Packer, PageOrientation, type Paragraph, type Table } from 'docx';
import type { TFunction } from 'i18next';
import { FOOTER, HEADER, LINE, PAGE } from './gongwen-page';
import { pageNumberFooters } from './gongwen-parts-docx';
import { gongwenStyles } from './gongwen-styles';

export function gongwenDocx(options: {
  /** The file's title (its properties), e.g. 整改通知书 督查〔2026〕12号. */
  title: string;
  /** Who the file is from: the issuing authority. */
  author: string;
  children: readonly (Paragraph | Table)[];
  t: TFunction;
}): Promise<Uint8Array> {
  const document = new Document({
    title: options.title,
    creator: options.author,
    lastModifiedBy: options.author,
    styles: gongwenStyles(options.t),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...PAGE.margin, header: HEADER, footer: FOOTER, gutter: 0 },
          },
          // Every style sets its lines exactly (22 of the body's to a page) and the body's tracking makes
          // its 28 characters, so no document grid is turned on: LibreOffice would snap the tables' 小四
          // lines to it too. Its pitch is the body's line, for an office that turns it on in WPS.
          grid: { type: DocumentGridType.DEFAULT, linePitch: LINE },
        },
        footers: pageNumberFooters(),
        children: options.children,
      },
    ],
  });
  return Packer.pack(document, 'uint8array');
}
