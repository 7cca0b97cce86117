// Site photos on a project: add twenty camera JPEGs and a broken file through the file picker, see
// the thumbnails and the broken file named, find the originals stored byte for byte, add them again
// without duplicates, open the viewer, move with the arrow keys, zoom, caption one, and find the
// caption after a restart.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { makeSamplePhoto } from '../../shared/photos/sample-photo';
import { countStoredRows, expect, test } from './support/fixtures';

const PROJECT = '景谷县城镇生活垃圾处理工程';

interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Camera photos with EXIF, taken years before the sample campaign so that they come first in the
 * gallery, which sorts by the time taken.
 */
function cameraPhotos(count: number): UploadFile[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const { bytes } = makeSamplePhoto({
      seed: 9_000 + i,
      width: 640,
      height: 480,
      camera: { make: 'HUAWEI', model: 'nova 9' },
      localDateTime: `2020-05-06T09:${n}:00`,
      offset: '+08:00',
      gps: { lat: 23.4972, lng: 100.7034, altitude: 913 },
    });
    return { name: `SITE_${n}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(bytes) };
  });
}

/** A JPEG cut off halfway, as an interrupted copy from a memory card leaves it. */
function truncatedPhoto(name: string): UploadFile {
  const { bytes } = makeSamplePhoto({
    seed: 42,
    camera: { make: 'HUAWEI', model: 'nova 9' },
    localDateTime: '2020-05-06T10:00:00',
    offset: '+08:00',
    gps: null,
  });
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(bytes.subarray(0, bytes.length >> 1)) };
}

/** The original bytes stored under a hash, read straight from IndexedDB. */
function storedOriginal(page: Page, sha256: string): Promise<number[] | null> {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('ducha');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    const row = await new Promise<{ blob: Blob } | undefined>((resolve, reject) => {
      const request = db.transaction('photoBlobs').objectStore('photoBlobs').get(key);
      request.onsuccess = () => resolve(request.result as { blob: Blob } | undefined);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    db.close();
    return row ? Array.from(new Uint8Array(await row.blob.arrayBuffer())) : null;
  }, sha256);
}

async function openProject(page: Page, search: string, table: string, name: string): Promise<void> {
  const ledger = page.getByRole('table', { name: table });
  await expect(ledger).toBeVisible({ timeout: 180_000 });
  await page.getByRole('searchbox', { name: search }).fill(name);
  await ledger.getByRole('row').filter({ hasText: name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

const countIn = async (text: Promise<string>) => Number(/\d+/.exec(await text)?.[0]);

test.describe('in Chinese', () => {
  test('adds, shows, deduplicates, views and captions site photos', async ({ app }, testInfo) => {
    test.setTimeout(180_000);
    const { page } = app;
    await page.getByRole('button', { name: '加载示例督查' }).click();
    await openProject(page, '搜索项目名称或业主', '项目台账', PROJECT);

    const panel = page.getByRole('region', { name: '现场照片' });
    const count = panel.getByTestId('photo-count');
    await expect(count).toHaveText(/^共 \d+ 张照片$/);
    const shownBefore = await countIn(count.innerText());
    const photosBefore = await countStoredRows(page, 'photos');
    const blobsBefore = await countStoredRows(page, 'photoBlobs');

    const photos = cameraPhotos(20);
    const broken = truncatedPhoto('SITE_21_broken.jpg');
    await panel.getByTestId('photo-files-input').setInputFiles([...photos, broken]);

    await expect(panel.getByTestId('photo-intake-added')).toHaveText('已添加 20 张照片。', {
      timeout: 60_000,
    });
    await expect(panel.getByTestId('photo-intake-count')).toContainText('已处理 21 / 21 个文件');
    await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect(
      panel.getByRole('alert').filter({ hasText: '“SITE_21_broken.jpg”不完整，可能复制时中断了' }),
    ).toBeVisible();
    await expect(count).toHaveText(`共 ${shownBefore + 20} 张照片`);

    const gallery = panel.getByRole('list', { name: '现场照片' });
    await expect(gallery.getByRole('button', { name: /^SITE_\d\d\.jpg$/ })).toHaveCount(20);
    await expect(gallery.getByRole('button', { name: 'SITE_21_broken.jpg' })).toHaveCount(0);
    const firstThumbnail = gallery.getByRole('button', { name: 'SITE_01.jpg' });
    await expect(firstThumbnail).toContainText('2020-05-06 09:01');
    await expect
      .poll(() => firstThumbnail.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);

    expect(await countStoredRows(page, 'photos')).toBe(photosBefore + 20);
    expect(await countStoredRows(page, 'photoBlobs')).toBe(blobsBefore + 20);
    const first = photos[0] as UploadFile;
    const sha256 = createHash('sha256').update(first.buffer).digest('hex');
    const original = await storedOriginal(page, sha256);
    expect(original && Buffer.from(original).equals(first.buffer)).toBe(true);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('photos-zh-CN.png'), fullPage: true });

    // The same twenty again: nothing new is stored, and the user is told why.
    await panel.getByTestId('photo-files-input').setInputFiles(photos);
    await expect(panel.getByTestId('photo-intake-duplicates')).toContainText('20 张照片已存在，未重复保存', {
      timeout: 60_000,
    });
    await expect(panel.getByTestId('photo-intake-added')).toHaveText('没有添加新的照片。');
    expect(await countStoredRows(page, 'photos')).toBe(photosBefore + 20);
    expect(await countStoredRows(page, 'photoBlobs')).toBe(blobsBefore + 20);
    await expect(count).toHaveText(`共 ${shownBefore + 20} 张照片`);

    // The viewer: open with Enter, move with the arrow keys, zoom, caption.
    await firstThumbnail.focus();
    await page.keyboard.press('Enter');
    let viewer = page.getByRole('dialog', { name: 'SITE_01.jpg' });
    await expect(viewer).toBeVisible();
    await expect(viewer.getByTestId('photo-position')).toHaveText(`第 1 张，共 ${shownBefore + 20} 张`);
    await expect(viewer).toContainText('HUAWEI nova 9');
    await expect(viewer).toContainText('2020-05-06 09:01');
    await expect(viewer).toContainText('23.497200°N, 100.703400°E');
    await expect(viewer).toContainText('海拔 913 米');
    await expect
      .poll(() =>
        viewer
          .getByRole('img', { name: 'SITE_01.jpg' })
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBeGreaterThan(0);

    await page.keyboard.press('ArrowRight');
    viewer = page.getByRole('dialog', { name: 'SITE_02.jpg' });
    await expect(viewer.getByTestId('photo-file-name')).toHaveText('SITE_02.jpg');
    await expect(viewer.getByTestId('photo-position')).toHaveText(`第 2 张，共 ${shownBefore + 20} 张`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(viewer.getByTestId('photo-file-name')).toHaveText('SITE_02.jpg');

    await viewer.getByRole('button', { name: '放大' }).click();
    await expect(viewer.getByTestId('photo-zoom')).toHaveText('125%');
    await page.keyboard.press('+');
    await expect(viewer.getByTestId('photo-zoom')).toHaveText('156%');
    await viewer.getByRole('img', { name: 'SITE_02.jpg' }).hover();
    await page.mouse.wheel(0, 200);
    await expect(viewer.getByTestId('photo-zoom')).toHaveText('125%');
    await page.keyboard.press('0');
    await expect(viewer.getByTestId('photo-zoom')).toHaveText('100%');

    const caption = '3号楼北侧裸土未覆盖';
    await viewer.getByLabel('说明').fill(caption);
    await viewer.getByRole('button', { name: '保存说明' }).click();
    await expect(page.getByText('说明已保存')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('photo-viewer-zh-CN.png') });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(gallery.getByRole('button', { name: caption })).toBeVisible();

    const reopened = await app.reopen();
    await openProject(reopened, '搜索项目名称或业主', '项目台账', PROJECT);
    const again = reopened.getByRole('region', { name: '现场照片' }).getByRole('list', { name: '现场照片' });
    await again.getByRole('button', { name: caption }).click();
    const reopenedViewer = reopened.getByRole('dialog', { name: 'SITE_02.jpg' });
    await expect(reopenedViewer.getByLabel('说明')).toHaveValue(caption);
  });
});

test.describe('in English', () => {
  test.use({ query: 'lang=en' });

  test('adds photos, names a file that is not a photo, and shows one large', async ({ app }, testInfo) => {
    test.setTimeout(120_000);
    const { page } = app;
    await page.getByRole('button', { name: 'Load sample campaign' }).click();
    await openProject(page, 'Search project name or owner', 'Project ledger', PROJECT);

    const panel = page.getByRole('region', { name: 'Site photos' });
    await expect(panel.getByTestId('photo-count')).toHaveText(/^Photos: \d+$/);
    const notAPhoto = {
      name: 'notes.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('现场记录，不是照片\n'),
    };
    await panel.getByTestId('photo-files-input').setInputFiles([...cameraPhotos(3), notAPhoto]);

    await expect(panel.getByTestId('photo-intake-added')).toHaveText('Photos added: 3.', { timeout: 60_000 });
    await expect(panel.getByRole('alert').filter({ hasText: '“notes.jpg” is not a photo' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('photos-en.png'), fullPage: true });

    // Dropped on the panel, and pasted while it has focus.
    const count = panel.getByTestId('photo-count');
    const shown = await countIn(count.innerText());
    const [dropped, pasted] = cameraPhotos(5).slice(3);
    await panel.evaluate(
      (element, file) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: 'image/jpeg' }));
        element.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
        element.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { name: dropped?.name ?? '', bytes: [...(dropped?.buffer ?? [])] },
    );
    await expect(count).toHaveText(`Photos: ${shown + 1}`, { timeout: 30_000 });
    await panel.focus();
    await panel.evaluate(
      (element, file) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: 'image/jpeg' }));
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      },
      { name: pasted?.name ?? '', bytes: [...(pasted?.buffer ?? [])] },
    );
    await expect(count).toHaveText(`Photos: ${shown + 2}`, { timeout: 30_000 });
    await expect(
      panel.getByRole('list', { name: 'Site photos' }).getByRole('button', { name: 'SITE_05.jpg' }),
    ).toBeVisible();

    const gallery = panel.getByRole('list', { name: 'Site photos' });
    await gallery.getByRole('button', { name: 'SITE_03.jpg' }).click();
    const viewer = page.getByRole('dialog', { name: 'SITE_03.jpg' });
    await expect(viewer.getByTestId('photo-position')).toContainText('3 of');
    await expect(viewer).toContainText('altitude 913 m');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('dialog', { name: 'SITE_02.jpg' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('photo-viewer-en.png') });
  });
});
