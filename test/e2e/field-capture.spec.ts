// Issue 3's whole field day, once in each language: create a project, import an issued list with a
// bad row (nothing imported until it is skipped), log a visit on the new project with the
// dust-control checklist, add twenty camera photos and a broken file, annotate one photo, sign,
// finalize, restart and find everything, then amend the finalized visit and see its history — and
// see the history flagged once an entry is altered behind the app's back.
import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { makeSamplePhoto } from '../../shared/photos/sample-photo';
import { buildIssuedList, ISSUED_BAD_ROW, ISSUED_LIST_FILE_NAME } from '../fixtures/excel/issued-list';
import { chooseOption } from './support/antd';
import { DUST_ITEMS } from './support/dust';
import { countStoredRows, expect, test } from './support/fixtures';
import { signVisit } from './support/sign';
import { openVisitOf } from './support/visits';

const GPS = { lat: 22.7841, lng: 100.9772 };

/** Twenty camera JPEGs with EXIF time and GPS, and one cut off halfway. */
function photoFiles() {
  const photos = Array.from({ length: 20 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const { bytes } = makeSamplePhoto({
      seed: 31_000 + i,
      width: 640,
      height: 480,
      camera: { make: 'Xiaomi', model: '13' },
      localDateTime: `2026-11-20T10:${n}:00`,
      offset: '+08:00',
      gps: { ...GPS, altitude: 1302 },
    });
    return { name: `DUST_${n}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(bytes) };
  });
  const { bytes } = makeSamplePhoto({
    seed: 7,
    camera: { make: 'Xiaomi', model: '13' },
    localDateTime: '2026-11-20T11:00:00',
    offset: '+08:00',
    gps: null,
  });
  const broken = {
    name: 'DUST_21_broken.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(bytes.subarray(0, bytes.length >> 1)),
  };
  return { photos, broken };
}

const L = {
  'zh-CN': {
    query: '',
    loadSample: '加载示例督查',
    ledger: '项目台账',
    projectsMenu: '项目台账',
    search: '搜索项目名称或业主',
    newProject: '新建项目',
    projectName: '项目名称',
    region: '所属县(区)/乡镇',
    totalInvestment: '计划总投资',
    save: '保存',
    project: '普洱市中心城区扬尘治理示范工地（督查测试）',
    import: '从Excel导入',
    importTitle: '从Excel导入项目',
    preview: '预览',
    summary: '共 4 行：3 行可导入，1 行有错误',
    badRow: `第${ISSUED_BAD_ROW.rowNumber}行`,
    importDisabled: /导入 \d+ 个项目/,
    skip: '跳过有错误的行',
    import3: '导入 3 个项目',
    imported: '已导入 3 个项目',
    startVisit: '开始督查',
    draft: '草稿',
    finalizedTag: '已定稿',
    narrative: '形象进度描述',
    narrativeText: '基坑支护完成，主体结构施工至三层，东侧围挡缺口约20米。',
    workers: '现场施工人员(人)',
    saveDraft: '保存草稿',
    saved: '已保存',
    chooseChecklist: '选择检查表',
    dust: '扬尘治理“八个百分百”',
    addChecklist: '添加检查表',
    yes: '是',
    no: '否',
    saveChecklist: '保存检查表',
    score: '得分 87.5',
    photos: '现场照片',
    added: '已添加 20 张照片。',
    broken: '“DUST_21_broken.jpg”不完整，可能复制时中断了',
    photoCount: '共 20 张照片',
    useLocation: '用照片定位',
    fromPhoto: '取自照片',
    lat: '纬度',
    annotate: '标注',
    arrow: '箭头',
    saveMarks: '保存标注',
    marksSaved: '标注已保存',
    needSignature: '督查人员签字后才能定稿。',
    signInspector: '督查人员签字',
    signRep: '现场负责人签字',
    signerName: '签字人姓名',
    pad: '签字板：用鼠标、触摸屏或手写笔在此签名',
    confirmSign: '确认签字',
    inspector: '王建国',
    rep: '李卫东',
    finalize: '确认定稿',
    visitsMenu: '督查记录',
    amend: '更正记录',
    reason: '更正原因',
    reasonText: '分包单位12名工人漏记，经施工日志核实后更正。',
    saveAmend: '保存更正',
    amended: '已更正，并记入修改记录',
    change: '现场施工人员(人)：85 → 97',
    intact: '修改记录完整，校验通过（共 1 条）',
    broken1: '修改记录第 1 条与保存时不一致',
  },
  en: {
    query: 'lang=en',
    loadSample: 'Load sample campaign',
    ledger: 'Project ledger',
    projectsMenu: 'Projects',
    search: 'Search project name or owner',
    newProject: 'New project',
    projectName: 'Project name',
    region: 'County / town',
    totalInvestment: 'Total investment',
    save: 'Save',
    project: 'Pu’er dust-control model site (inspection test)',
    import: 'Import from Excel',
    importTitle: 'Import projects from Excel',
    preview: 'Preview',
    summary: '4 rows: 3 ready, 1 with errors',
    badRow: `Row ${ISSUED_BAD_ROW.rowNumber}`,
    importDisabled: /Import \d+ projects/,
    skip: 'Skip rows with errors',
    import3: 'Import 3 projects',
    imported: '3 projects imported',
    startVisit: 'Start a visit',
    draft: 'Draft',
    finalizedTag: 'Finalized',
    narrative: 'Visible progress',
    narrativeText: 'Foundation shoring done; frame up to the third floor; 20 m gap in the east hoarding.',
    workers: 'Workers on site',
    saveDraft: 'Save draft',
    saved: 'Saved',
    chooseChecklist: 'Choose a checklist',
    dust: '扬尘治理“八个百分百”',
    addChecklist: 'Add checklist',
    yes: 'Yes',
    no: 'No',
    saveChecklist: 'Save checklist',
    score: 'Score 87.5',
    photos: 'Site photos',
    added: 'Photos added: 20.',
    broken: '“DUST_21_broken.jpg” is incomplete',
    photoCount: 'Photos: 20',
    useLocation: 'Use a photo’s location',
    fromPhoto: 'From a photo',
    lat: 'Latitude',
    annotate: 'Annotate',
    arrow: 'Arrow',
    saveMarks: 'Save marks',
    marksSaved: 'Marks saved',
    needSignature: 'The inspector must sign before the visit can be finalized.',
    signInspector: 'Signature: Inspector',
    signRep: 'Signature: Site representative',
    signerName: 'Name of signer',
    pad: 'Signature pad: sign here with a mouse, touch screen or pen',
    confirmSign: 'Confirm signature',
    inspector: 'Wang Jianguo',
    rep: 'Li Weidong',
    finalize: 'Finalize',
    visitsMenu: 'Visits',
    amend: 'Amend',
    reason: 'Reason for the amendment',
    reasonText: 'Twelve subcontractor workers were left out; corrected from the site diary.',
    saveAmend: 'Save amendment',
    amended: 'Amended and recorded in the history',
    change: 'Workers on site: 85 → 97',
    intact: 'History intact, verified (entries: 1)',
    broken1: 'Entry 1 of the history differs from what was saved',
  },
} as const;

type Lang = (typeof L)[keyof typeof L];

async function sign(page: Page, l: Lang, button: string, name: string): Promise<void> {
  await signVisit(page, { button, signerName: l.signerName, pad: l.pad, confirm: l.confirmSign }, name);
}

/** Alters the first amendment's reason straight in IndexedDB, as a tamperer with devtools would. */
function tamperWithHistory(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('ducha');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('visitAmendments', 'readwrite');
      const store = tx.objectStore('visitAmendments');
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (c) {
          c.update({ ...(c.value as object), reason: '没有更正过' });
          c.continue();
        }
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
  });
}

for (const [language, l] of Object.entries(L) as [keyof typeof L, Lang][]) {
  test.describe(`in ${language}`, () => {
    test.use({ query: l.query });

    test('a field day: project, import, visit with checklist, photos, marks, sign-off, finalize, amend', async ({
      app,
    }, testInfo) => {
      test.setTimeout(360_000);
      let page = app.page;
      await page.getByRole('button', { name: l.loadSample }).click();
      const ledger = page.getByRole('table', { name: l.ledger });
      await expect(ledger).toBeVisible({ timeout: 180_000 });

      // Create a project.
      const projectsBefore = await countStoredRows(page, 'projects');
      await page.getByRole('button', { name: l.newProject }).click();
      await expect(page.getByRole('heading', { name: l.newProject })).toBeVisible();
      await page.getByLabel(l.projectName).fill(l.project);
      await chooseOption(page, l.region, /^思茅区/);
      await page.getByLabel(l.totalInvestment).fill('8600');
      await page.getByRole('button', { name: l.save, exact: true }).click();
      await expect(page.getByRole('heading', { name: l.project })).toBeVisible();
      expect(await countStoredRows(page, 'projects')).toBe(projectsBefore + 1);

      // Import an issued list: three good rows and a bad one; nothing until the bad row is skipped.
      await page.getByRole('menuitem', { name: l.projectsMenu }).click();
      await page.getByRole('button', { name: l.import }).click();
      const dialog = page.getByRole('dialog', { name: l.importTitle });
      await dialog.locator('input[type=file]').setInputFiles({
        name: ISSUED_LIST_FILE_NAME,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await buildIssuedList()),
      });
      await dialog.getByRole('button', { name: l.preview, exact: true }).click();
      await expect(dialog.getByTestId('import-summary')).toHaveText(l.summary);
      await expect(dialog.getByText(l.badRow).first()).toBeVisible();
      await expect(dialog.getByRole('button', { name: l.importDisabled })).toBeDisabled();
      expect(await countStoredRows(page, 'projects')).toBe(projectsBefore + 1);
      await dialog.getByRole('checkbox', { name: l.skip }).check();
      await dialog.getByRole('button', { name: l.import3 }).click();
      await expect(page.getByText(l.imported)).toBeVisible();
      expect(await countStoredRows(page, 'projects')).toBe(projectsBefore + 4);

      // A visit on the new project with the dust-control checklist.
      await page.getByRole('searchbox', { name: l.search }).fill(l.project);
      await ledger.getByRole('row').filter({ hasText: l.project }).click();
      await page.getByRole('button', { name: l.startVisit }).click();
      await expect(page.getByTestId('visit-status')).toHaveText(l.draft);
      await page.getByLabel(l.narrative).fill(l.narrativeText);
      await page.getByLabel(l.workers).fill('85');
      await page.getByRole('button', { name: l.saveDraft }).click();
      await expect(page.getByText(l.saved).first()).toBeVisible();

      await chooseOption(page, l.chooseChecklist, l.dust);
      await page.getByRole('button', { name: l.addChecklist }).click();
      for (const [i, item] of DUST_ITEMS.entries()) {
        await page
          .getByRole('group', { name: item })
          .getByText(i === 0 ? l.no : l.yes, { exact: true })
          .click();
      }
      await page.getByRole('button', { name: l.saveChecklist }).click();
      await expect(page.getByTestId('checklist-score')).toHaveText(l.score);

      // Twenty photos and a broken file: the error is named, the twenty are stored, bit for bit.
      const { photos, broken } = photoFiles();
      const panel = page.getByRole('region', { name: l.photos });
      const blobsBefore = await countStoredRows(page, 'photoBlobs');
      await panel.getByTestId('photo-files-input').setInputFiles([...photos, broken]);
      await expect(panel.getByTestId('photo-intake-added')).toHaveText(l.added, { timeout: 90_000 });
      await expect(panel.getByRole('alert').filter({ hasText: l.broken })).toBeVisible();
      await expect(panel.getByTestId('photo-count')).toHaveText(l.photoCount);
      expect(await countStoredRows(page, 'photoBlobs')).toBe(blobsBefore + 20);
      const firstHash = createHash('sha256')
        .update(photos[0]?.buffer ?? '')
        .digest('hex');

      // The visit's location from the photos' EXIF.
      await page.getByRole('button', { name: l.useLocation }).click();
      await expect(page.getByLabel(l.lat, { exact: true })).toHaveValue(String(GPS.lat));
      await expect(page.getByTestId('location-source')).toHaveText(l.fromPhoto);
      await page.getByRole('button', { name: l.saveDraft }).click();
      await expect(page.getByText(l.saved).first()).toBeVisible();

      // Annotate one photo: a circle (the default tool) and an arrow, in red.
      const annotationsBefore = await countStoredRows(page, 'photoAnnotations');
      await panel.getByRole('list', { name: l.photos }).getByRole('button', { name: 'DUST_01.jpg' }).click();
      const viewer = page.getByRole('dialog', { name: 'DUST_01.jpg' });
      await viewer.getByRole('button', { name: l.annotate }).click();
      const surface = viewer.getByTestId('annotation-surface');
      const box = await surface.boundingBox();
      if (!box) throw new Error('no annotation surface');
      const drag = async (x1: number, y1: number, x2: number, y2: number) => {
        await page.mouse.move(box.x + box.width * x1, box.y + box.height * y1);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width * x2, box.y + box.height * y2, { steps: 5 });
        await page.mouse.up();
      };
      await drag(0.4, 0.4, 0.6, 0.6);
      await viewer.getByText(l.arrow, { exact: true }).click();
      await drag(0.1, 0.1, 0.38, 0.38);
      await expect(viewer.getByTestId('annotation-layer')).toHaveAttribute('data-shapes', '2');
      await expect(viewer.locator('[data-kind=ellipse]')).toHaveAttribute('stroke', '#e53935');
      await viewer.getByRole('button', { name: l.saveMarks }).click();
      await expect(page.getByText(l.marksSaved)).toBeVisible();
      expect(await countStoredRows(page, 'photoAnnotations')).toBe(annotationsBefore + 1);
      await page.screenshot({ path: testInfo.outputPath(`annotated-${language}.png`) });
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      // Sign-off: finalizing waits for the inspector's signature.
      await expect(page.getByText(l.needSignature)).toBeVisible();
      await expect(page.getByRole('button', { name: l.finalize })).toBeDisabled();
      await sign(page, l, l.signInspector, l.inspector);
      await sign(page, l, l.signRep, l.rep);
      await expect(page.getByTestId('signature-inspector-by')).toContainText(l.inspector);
      await expect(page.getByTestId('signature-siteRepresentative-by')).toContainText(l.rep);
      await page.getByRole('button', { name: l.finalize }).click();
      await page.getByRole('tooltip').getByRole('button', { name: l.finalize }).click();
      await expect(page.getByTestId('visit-status')).toHaveText(l.finalizedTag);
      await page.screenshot({ path: testInfo.outputPath(`signed-${language}.png`), fullPage: true });

      // Restart: everything is still there.
      page = await app.reopen();
      await openVisitOf(page, l.visitsMenu, l.project);
      await expect(page.getByTestId('visit-status')).toHaveText(l.finalizedTag);
      await expect(page.getByLabel(l.narrative)).toHaveValue(l.narrativeText);
      await expect(page.getByLabel(l.narrative)).toBeDisabled();
      await expect(page.getByTestId('checklist-score')).toHaveText(l.score);
      await expect(page.getByRole('region', { name: l.photos }).getByTestId('photo-count')).toHaveText(
        l.photoCount,
      );
      await expect(page.getByTestId('location-source')).toHaveText(l.fromPhoto);
      await expect(page.getByTestId('signature-inspector-by')).toContainText(l.inspector);
      await expect(page.getByTestId('signature-siteRepresentative-by')).toContainText(l.rep);
      await expect(page.getByRole('img', { name: new RegExp(l.inspector) })).toBeVisible();
      const stored = await page.evaluate(async (hash) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const open = indexedDB.open('ducha');
          open.onsuccess = () => resolve(open.result);
        });
        const row = await new Promise<{ blob: Blob } | undefined>((resolve) => {
          const request = db.transaction('photoBlobs').objectStore('photoBlobs').get(hash);
          request.onsuccess = () => resolve(request.result as { blob: Blob } | undefined);
        });
        db.close();
        return row ? Array.from(new Uint8Array(await row.blob.arrayBuffer())) : null;
      }, firstHash);
      expect(stored && Buffer.from(stored).equals(photos[0]?.buffer ?? Buffer.alloc(0))).toBe(true);
      await page
        .getByRole('region', { name: l.photos })
        .getByRole('list', { name: l.photos })
        .getByRole('button', { name: 'DUST_01.jpg' })
        .click();
      await expect(
        page.getByRole('dialog', { name: 'DUST_01.jpg' }).getByTestId('annotation-layer'),
      ).toHaveAttribute('data-shapes', '2');
      await expect(
        page.getByRole('dialog', { name: 'DUST_01.jpg' }).getByRole('button', { name: l.annotate }),
      ).toHaveCount(0);
      await page.keyboard.press('Escape');

      // Amend the finalized visit and see its history.
      await page.getByRole('button', { name: l.amend }).click();
      await page.getByLabel(l.workers).fill('97');
      await page.getByRole('button', { name: l.saveAmend }).click();
      await expect(page.getByRole('alert').filter({ hasText: l.reason })).toBeVisible();
      await page.getByLabel(l.reason).fill(l.reasonText);
      await page.getByRole('button', { name: l.saveAmend }).click();
      await expect(page.getByText(l.amended)).toBeVisible();
      const history = page.getByTestId('amendment-history');
      await expect(history.getByTestId('amendment-entry')).toHaveCount(1);
      await expect(history).toContainText(l.change);
      await expect(history).toContainText(l.reasonText);
      await expect(history).toContainText(l.inspector);
      await expect(history).toContainText(l.intact);
      await expect(page.getByLabel(l.workers)).toHaveValue('97');
      await expect(page.getByLabel(l.workers)).toBeDisabled();
      await history.scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath(`amended-${language}.png`), fullPage: true });

      // An entry altered behind the app's back is flagged, not hidden.
      await tamperWithHistory(page);
      page = await app.reopen();
      await openVisitOf(page, l.visitsMenu, l.project);
      await expect(page.getByTestId('amendment-history').getByRole('alert')).toContainText(l.broken1);
    });
  });
}
