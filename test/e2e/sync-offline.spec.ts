// Two laptops of a team edit while neither can reach the server, then meet through it (issue 18).
// Laptop A (Chinese, the sample campaign) and laptop B (English, started empty) enroll in one team
// and sync. Then the server goes away — its process killed, as when the laptops are out in the field
// with no network to reach it: automatic sync stays on, as people leave it, each laptop's own rounds
// fail and say so, and what each records waits in its outbox. (Turning automatic sync off would only
// model laptops that chose not to sync; the edits here must be made with no way through.) Apart:
//   issue 1 — A gives a new deadline and adds a site photo, B flags it for the joint meeting
//             (different fields);
//   issue 2 — both give a new deadline, each a different date (the same field);
//   issue 3 — A notes progress, B requests an extension (steps that move the status apart).
// The server comes back on the same data; A, B and A sync. Then both hold the same data; issue 1 has
// both changes; issue 2's deadline is on the Conflicts page of both, both dates with who and when,
// and keeping the other date on B ends with that date on both and the conflict settled on both; issue
// 3's history keeps both branches, verifies, and names the contradiction for the office (its two
// statuses are the history's to decide, not the Conflicts page's). The photo reaches B: "on its way"
// while its bytes are held back (the browser host: B's requests to its host's relay are held), then
// its thumbnail, then the viewer, the bytes B stores hashing to A's.
import type { Locator, Page, Route, TestInfo } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue, IssueEvent } from '../../shared/domain/issue';
import { expect, launchApp, test } from './support/fixtures';
import { afterPhotoFile, confirm, step } from './support/issue-steps';
import { storedRows } from './support/stored-rows';
import { EN_SYNC, enrollAndSignIn, type SyncWords, syncNow, ZH_SYNC } from './support/sync-laptop';
import { SyncServer } from './support/sync-server';
import { dataOf, expectSame, nameLaptop } from './support/two-laptops';

const LAPTOP_A = '第一督查组李明的笔记本';
const LAPTOP_B = '第一督查组王芳的笔记本';
const DEADLINE_1 = '2027-05-31';
const DEADLINE_2A = '2027-06-15';
const DEADLINE_2B = '2027-06-30';
const EXTENSION_3 = '2027-07-31';
const PHOTO = afterPhotoFile('SYNC_SITE_01.jpg', 4242);
const PHOTO_SHA256 = createHash('sha256').update(PHOTO.buffer).digest('hex');
const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

let server: SyncServer;

test.beforeAll(async () => {
  server = await SyncServer.start();
  server.addInspector('li-ming', '李明');
  server.addInspector('wang-fang', '王芳');
});
test.afterAll(async () => {
  await server.stop();
});

const base = (page: Page) => page.url().split('#')[0] ?? '';

async function openIssue(page: Page, id: string): Promise<Locator> {
  await page.goto(`${base(page)}#/issues/${id}`);
  const history = page.getByTestId('issue-history');
  await expect(history).toBeVisible();
  return history;
}

async function shoot(page: Page, testInfo: TestInfo, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(name), fullPage });
}

/** Each shown history entry: its kind, the laptop it names, and whether it was taken apart. */
function shownEvents(history: Locator) {
  return history.getByTestId('issue-event').evaluateAll((els) =>
    els.map((e) => ({
      kind: e.getAttribute('data-kind') ?? '',
      device: e.getAttribute('data-device') ?? '',
      apart: e.getAttribute('data-apart') === 'true',
    })),
  );
}

async function issueOf(page: Page, id: string): Promise<Issue> {
  const found = (await storedRows<Issue>(page, 'issues')).find((issue) => issue.id === id);
  if (!found) throw new Error(`issue ${id} is not on this laptop`);
  return found;
}

/** Three different open issues of the sample for the three kinds of change. */
async function pickIssues(page: Page): Promise<[Issue, Issue, Issue]> {
  const live = (await storedRows<Issue>(page, 'issues')).filter((i) => i._deleted !== true);
  const one = live.find((i) => i.status === 'issued' && !i.needsCoordination);
  // Acknowledged: noting progress moves it on (to in progress), so the two steps contradict.
  const three = live.find((i) => i.status === 'acknowledged');
  const two = live.find(
    (i) => i !== one && i !== three && ['issued', 'acknowledged', 'inProgress'].includes(i.status),
  );
  if (!one || !two || !three) throw new Error('the sample campaign lacks the issues this spec needs');
  for (const issue of [one, two])
    expect([DEADLINE_1, DEADLINE_2A, DEADLINE_2B]).not.toContain(issue.deadline);
  return [one, two, three];
}

/**
 * The synced records with their clocks, and the hashes and sizes of every original held: the photos
 * and the visits' signature images (the server serves those too since its schema 4).
 */
async function everything(page: Page): Promise<string> {
  return dataOf(page, true);
}

/** The SHA-256 of the original stored under `sha256` on this laptop, hashed in the page. */
function hashOfStoredOriginal(page: Page, sha256: string): Promise<string | null> {
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
    if (!row) return null;
    const digest = await crypto.subtle.digest('SHA-256', await row.blob.arrayBuffer());
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  }, sha256);
}

/** The server is out of reach: a change waits in the outbox and the laptop says it cannot get through. */
async function expectCutOff(page: Page, words: SyncWords): Promise<void> {
  await page.getByRole('menuitem', { name: words.menu }).click();
  await expect(page.getByTestId('sync-waiting')).not.toHaveText(/^0\b/);
  await expect(page.getByTestId('sync-indicator')).toHaveText(words.problem, { timeout: 60_000 });
  await expect(page.getByTestId('sync-problem')).toContainText(words.unreachable);
}

/** The open conflict of one record on the Conflicts page (the one with "Keep this value" buttons). */
function openConflictOf(page: Page, words: SyncWords, title: string): Locator {
  return page
    .getByTestId('conflict')
    .filter({ hasText: title })
    .filter({ has: page.getByRole('button', { name: words.keep }) });
}

const DATE_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;

test('edits made apart while the server is out of reach meet: same data, conflicts listed and settled on both, forked history verified, a photo on its way then shown', async ({
  app,
  home,
}, testInfo) => {
  test.setTimeout(600_000);
  const a = app.page;
  await a.getByRole('button', { name: '加载示例督查' }).click();
  await expect(a.getByRole('heading', { name: '项目台账' })).toBeVisible({ timeout: 120_000 });
  await nameLaptop(a, LAPTOP_A);
  await enrollAndSignIn(a, ZH_SYNC, server, 'li-ming');
  const [one, two, three] = await pickIssues(a);

  const homeB = join(home, 'laptop-b');
  mkdirSync(homeB);
  const laptopB = await launchApp(homeB, { systemLocale: 'en', query: 'lang=en' });
  try {
    const b = laptopB.app.page;
    await b.getByRole('button', { name: 'Start empty' }).click();
    await nameLaptop(b, LAPTOP_B);
    await enrollAndSignIn(b, EN_SYNC, server, 'wang-fang');
    // A round each, done: B's first (begun at sign-in) may still be fetching the sample's photos.
    await syncNow(b, EN_SYNC);
    await syncNow(a, ZH_SYNC);
    expectSame(await everything(b), await everything(a), 'after-first-sync', testInfo);

    // Out of reach. Each laptop's changes wait; each says it cannot get through.
    await server.kill();
    let history = await openIssue(a, one.id);
    await confirm(
      a,
      await step(a, '调整整改期限', {
        actor: '督查组',
        deadline: DEADLINE_1,
        note: '雨季施工受限，同意顺延',
      }),
      '确认',
    );
    await expect(a.getByTestId('issue-deadline')).toHaveText(DEADLINE_1);
    await a.getByTestId('photo-files-input').setInputFiles([PHOTO]);
    await expect(a.getByTestId('photo-intake-added')).toHaveText('已添加 1 张照片。', { timeout: 60_000 });
    await openIssue(a, two.id);
    await confirm(
      a,
      await step(a, '调整整改期限', { actor: '督查组', deadline: DEADLINE_2A, note: '按现场核实情况调整' }),
      '确认',
    );
    await expect(a.getByTestId('issue-deadline')).toHaveText(DEADLINE_2A);
    await openIssue(a, three.id);
    await confirm(a, await step(a, '记录整改进展', { actor: '县住建局', note: '已进场施工' }), '确认');
    await expect(a.getByTestId('issue-status')).toHaveText('整改中');
    await expectCutOff(a, ZH_SYNC);
    // The photo added apart counts among those waiting, though no round has run since.
    await expect(a.getByTestId('sync-photos-waiting')).toHaveText(/^1 张/);
    await shoot(a, testInfo, 'offline-waiting-zh-CN.png');

    await openIssue(b, one.id);
    await confirm(b, await step(b, 'Flag for joint meeting', { actor: '县督查办' }), 'Confirm');
    await expect(b.getByRole('button', { name: 'Remove from joint meeting' })).toBeVisible();
    await openIssue(b, two.id);
    await confirm(
      b,
      await step(b, 'New deadline', {
        actor: '县督查办',
        deadline: DEADLINE_2B,
        note: '按督查办会议意见调整',
      }),
      'Confirm',
    );
    await expect(b.getByTestId('issue-deadline')).toHaveText(DEADLINE_2B);
    await openIssue(b, three.id);
    await confirm(
      b,
      await step(b, 'Request extension', {
        actor: '县交通运输局',
        deadline: EXTENSION_3,
        note: '雨季停工，申请延期',
      }),
      'Confirm',
    );
    await expect(b.getByTestId('issue-status')).toHaveText('Extension requested');
    await expectCutOff(b, EN_SYNC);
    await shoot(b, testInfo, 'offline-waiting-en.png');

    // B's photo bytes are held back on their way (the page's requests to its host's relay), so that
    // what B shows before they arrive can be seen.
    let letPhotosThrough = () => {};
    const photosHeld = new Promise<void>((resolve) => (letPhotosThrough = resolve));
    const holdPhoto = async (route: Route) => {
      await photosHeld;
      await route.continue();
    };
    const holding = app.host.kind === 'browser';
    if (holding) await b.route('**/api/syncDownload', holdPhoto);

    // B takes photo originals only when asked: the thumbnail and display copy A made still come.
    await b.getByRole('menuitem', { name: EN_SYNC.menu }).click();
    const originals = b.getByRole('radiogroup', { name: 'Photo originals' });
    await originals.getByRole('radio', { name: 'Only when asked' }).check();
    await expect(originals.getByRole('radio', { name: 'Only when asked' })).toBeChecked();

    // Back, on the same data. A first (its changes and its photo go up), then B, then A again.
    await server.startAgain();
    await syncNow(a, ZH_SYNC);
    await b.getByRole('menuitem', { name: EN_SYNC.menu }).click();
    await b.getByRole('button', { name: EN_SYNC.syncNow }).click();
    await openIssue(b, one.id);
    const gallery = b.getByRole('list', { name: 'Site photos' });
    const thumbnail = gallery.getByRole('button', { name: PHOTO.name });
    await expect(thumbnail).toBeVisible({ timeout: 60_000 });
    if (holding) {
      await expect(thumbnail.getByRole('img', { name: 'On its way' })).toBeVisible();
      await shoot(b, testInfo, 'photo-on-its-way-en.png');
      letPhotosThrough();
    }
    await expect
      .poll(() => thumbnail.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
    await thumbnail.click();
    const viewer = b.getByRole('dialog');
    await expect(viewer.getByTestId('photo-file-name')).toHaveText(PHOTO.name);
    await expect
      .poll(() =>
        viewer.getByRole('img', { name: PHOTO.name }).evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBeGreaterThan(0);
    // The display copy shows; the original is not here until asked for, then comes with a round.
    expect(await hashOfStoredOriginal(b, PHOTO_SHA256)).toBeNull();
    await expect(viewer.getByTestId('photo-original')).toContainText('Not on this laptop');
    // The viewer is a dialog over the page: what the screen shows, not the whole page behind it.
    await shoot(b, testInfo, 'photo-original-when-asked-en.png', false);
    await viewer.getByRole('button', { name: 'Download original' }).click();
    await expect.poll(() => hashOfStoredOriginal(b, PHOTO_SHA256), { timeout: 60_000 }).toBe(PHOTO_SHA256);
    await expect(viewer.getByTestId('photo-original')).toHaveCount(0);
    await shoot(b, testInfo, 'photo-arrived-en.png', false);
    await b.keyboard.press('Escape');
    if (holding) await b.unroute('**/api/syncDownload', holdPhoto);

    await syncNow(b, EN_SYNC);
    await syncNow(a, ZH_SYNC);
    expectSame(await everything(b), await everything(a), 'after-meeting-again', testInfo);

    // Issue 1: both changes stand, no conflict.
    for (const page of [a, b]) {
      const issue = await issueOf(page, one.id);
      expect([issue.deadline, issue.needsCoordination]).toEqual([DEADLINE_1, true]);
    }
    history = await openIssue(b, one.id);
    await expect(b.getByTestId('issue-deadline')).toHaveText(DEADLINE_1);
    await expect(b.getByTestId('record-conflicts')).toHaveCount(0);
    expect(
      (await shownEvents(history))
        .filter((e) => e.apart)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['coordinationFlagged', 'deadlineChanged'].sort());
    await expect(b.getByTestId('steps-contradict')).toHaveCount(0);

    // Issue 2: the later date (B's) stands; both laptops list the conflict, both dates, who, when.
    for (const [page, words] of [
      [a, ZH_SYNC],
      [b, EN_SYNC],
    ] as const) {
      await openIssue(page, two.id);
      await expect(page.getByTestId('issue-deadline')).toHaveText(DEADLINE_2B);
      await expect(page.getByTestId('record-conflicts')).toBeVisible();
      await page.getByRole('menuitem', { name: words.conflicts }).click();
      await expect(page.getByRole('heading', { name: words.conflicts })).toBeVisible();
      const conflict = openConflictOf(page, words, two.title);
      await expect(conflict).toHaveCount(1);
      const winner = conflict.getByTestId('conflict-winner');
      const loser = conflict.getByTestId('conflict-loser');
      await expect(winner).toContainText(DEADLINE_2B);
      await expect(winner).toContainText('王芳');
      await expect(winner).toContainText(DATE_TIME);
      await expect(loser).toContainText(DEADLINE_2A);
      await expect(loser).toContainText('李明');
      await expect(loser).toContainText(DATE_TIME);
      await expect(conflict).toContainText(words === ZH_SYNC ? '字段：整改时限' : 'Field: Deadline');
      // Different fields of issue 1 are no conflict; issue 3's two statuses are the history's to decide.
      await expect(page.getByTestId('conflict').filter({ hasText: one.title })).toHaveCount(0);
      await expect(page.getByTestId('conflict').filter({ hasText: three.title })).toHaveCount(0);
      await shoot(page, testInfo, `conflicts-${words === ZH_SYNC ? 'zh-CN' : 'en'}.png`);
    }

    // B keeps A's date: after syncing, both hold it, and neither lists the conflict as open.
    await openConflictOf(b, EN_SYNC, two.title)
      .getByTestId('conflict-loser')
      .getByRole('button', { name: EN_SYNC.keep })
      .click();
    await expect(
      b.getByTestId('conflict').filter({ hasText: two.title }).getByTestId('conflict-decided'),
    ).toBeVisible();
    await syncNow(b, EN_SYNC);
    await syncNow(a, ZH_SYNC);
    expectSame(await everything(b), await everything(a), 'after-the-conflict', testInfo);
    for (const [page, words] of [
      [a, ZH_SYNC],
      [b, EN_SYNC],
    ] as const) {
      await openIssue(page, two.id);
      await expect(page.getByTestId('issue-deadline')).toHaveText(DEADLINE_2A);
      await page.getByRole('menuitem', { name: words.conflicts }).click();
      await expect(page.getByRole('heading', { name: words.conflicts })).toBeVisible();
      await expect(openConflictOf(page, words, two.title)).toHaveCount(0);
    }

    // Issue 3: both branches kept and verified on both laptops; the two steps contradict.
    for (const [page, words] of [
      [a, 'zh-CN'],
      [b, 'en'],
    ] as const) {
      history = await openIssue(page, three.id);
      const intact =
        words === 'zh-CN'
          ? /整改记录完整，校验通过（共 \d+ 条）/
          : /History intact, verified \(entries: \d+\)/;
      await expect(history.getByRole('alert').first()).toContainText(intact);
      const events = await shownEvents(history);
      expect(
        events
          .filter((e) => e.apart)
          .map((e) => e.kind)
          .sort(),
      ).toEqual(['extensionRequested', 'progressNoted'].sort());
      // Each laptop names itself beside its own step.
      const own = words === 'zh-CN' ? `progressNoted@${LAPTOP_A}` : `extensionRequested@${LAPTOP_B}`;
      expect(events.map((e) => `${e.kind}@${e.device}`)).toContain(own);
      const contradiction = page.getByTestId('steps-contradict');
      await expect(contradiction).toHaveCount(1);
      for (const text of words === 'zh-CN'
        ? ['分开办理的步骤相互矛盾，请督查办裁定', '整改进展', '申请延期', '县住建局', '县交通运输局']
        : [
            'Steps taken apart contradict each other',
            'Progress',
            'Extension requested',
            '县住建局',
            '县交通运输局',
          ])
        await expect(contradiction).toContainText(text);
      await history.screenshot({ path: join(SCREENSHOTS, `forked-history-${words}.png`) });
      await shoot(page, testInfo, `forked-history-${words}.png`);
    }
    const histories = await Promise.all(
      [a, b].map(async (page) =>
        (await storedRows<IssueEvent>(page, 'issueEvents'))
          .filter((e) => e.issueId === three.id)
          .map((e) => e.hash)
          .sort(),
      ),
    );
    expect(histories[1]).toEqual(histories[0]);
  } finally {
    await laptopB.close();
  }
});
