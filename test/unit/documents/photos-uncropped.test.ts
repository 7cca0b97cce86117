// No photo is cropped in any document (issue 20): each of the four documents is laid out by Chromium
// for print, and every placed photo's box must have the shape of the photo itself — a landscape
// photo stays landscape in the close-out record's before/after table, a portrait one stays portrait.
import { createElement, type ReactElement } from 'react';
import type { TFunction } from 'i18next';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../../electron/browser/chromium-printer';
import { renderReport } from '../../../renderer/features/reports/render-report';
import { Bulletin } from '../../../renderer/features/reports/templates/Bulletin';
import { CloseOutRecord } from '../../../renderer/features/reports/templates/CloseOutRecord';
import { VisitRecord } from '../../../renderer/features/reports/templates/VisitRecord';
import { bulletinModel, chineseT, noticeIssues, svgPhoto } from '../../fixtures/documents';
import { makeIssue, makeProject, makeVisit } from '../../fixtures/records';

let browser: Browser;
let t: TFunction;

beforeAll(async () => {
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  t = await chineseT();
});

afterAll(async () => {
  await browser.close();
});

const photos = () => [
  svgPhoto('landscape', 1600, 900, '东侧围挡（横拍）'),
  svgPhoto('portrait', 900, 1600, '调节池（竖拍）'),
  svgPhoto('panorama', 3000, 800, '全景'),
];

interface Placed {
  readonly photo: string;
  readonly placed: number;
  readonly natural: number;
}

/** Every photo as Chromium places it on an A4 page for print: its box's shape and its own. */
async function placedPhotos(document: ReactElement): Promise<Placed[]> {
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  try {
    await page.emulateMedia({ media: 'print' });
    await page.setContent(renderReport(document), { waitUntil: 'load' });
    return await page.$$eval('img[data-photo]', (images) =>
      (images as HTMLImageElement[]).map((image) => {
        const box = image.getBoundingClientRect();
        return {
          photo: image.dataset.photo ?? '',
          placed: box.width / box.height,
          natural: image.naturalWidth / image.naturalHeight,
        };
      }),
    );
  } finally {
    await page.close();
  }
}

function expectUncropped(placed: readonly Placed[], count: number) {
  expect(placed).toHaveLength(count);
  for (const p of placed) expect(p.placed, p.photo).toBeCloseTo(p.natural, 1);
}

describe('photos keep their shape in every document', () => {
  it('in the close-out record, before and after', async () => {
    const [landscape, portrait, panorama] = photos();
    const model = {
      issue: makeIssue({ ...noticeIssues[0], status: 'closed', closedAt: '2026-12-06T02:00:00.000Z' }),
      projectName: '思茅区污水处理厂二期工程',
      regionName: '思茅区',
      unitNames: ['市住房和城乡建设局'],
      history: [],
      reinspectionDate: '2026-12-06',
      before: [landscape, portrait].filter((p) => p !== undefined),
      after: [panorama].filter((p) => p !== undefined),
      timeZone: 'Asia/Shanghai',
      senderName: '普洱市重点项目督查办公室',
    };
    const placed = await placedPhotos(createElement(CloseOutRecord, { model, t, mode: 'print' }));
    expectUncropped(placed, 3);
    expect(placed.find((p) => p.photo === 'landscape')?.placed).toBeGreaterThan(1);
    expect(placed.find((p) => p.photo === 'portrait')?.placed).toBeLessThan(1);
  });

  it('in the visit record', async () => {
    const model = {
      visit: makeVisit(),
      project: makeProject(),
      regionName: '思茅区',
      teamName: '普洱市督查一组',
      memberNames: ['李晓燕'],
      checklists: [],
      findings: [],
      unitNames: new Map<string, string>(),
      photos: photos(),
      signatures: new Map(),
      timeZone: 'Asia/Shanghai',
      amendmentNotes: { notes: [], marks: new Map() },
    };
    expectUncropped(await placedPhotos(createElement(VisitRecord, { model, t, mode: 'print' })), 3);
  });

  it('in the bulletin, typical problems and the site photos alike', async () => {
    const placed = await placedPhotos(
      createElement(Bulletin, { model: bulletinModel(photos()), t, mode: 'print' }),
    );
    // Three photos under each typical problem and three in the attachment.
    expect(placed.length).toBeGreaterThanOrEqual(6);
    expectUncropped(placed, placed.length);
  });
});
