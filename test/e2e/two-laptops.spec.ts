// Two laptops that step the same issues while apart, then meet (issue 16). Laptop A (the team's)
// hands everything to laptop B (the office's); apart, both change one issue's deadline, A flags it for
// the joint meeting and B acknowledges it; on another issue A closes out after a re-inspection while B
// sends it back. After bundles cross both ways, both laptops hold the same data, each issue's history
// keeps the steps of both laptops (who, on which laptop, taken apart) and verifies; the contradictory
// steps are named for the office. The next step joins both branches, and verifies on both after the
// next hand-over. An entry altered behind the app's back is still named.
import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue, IssueEvent } from '../../shared/domain/issue';
import { expect, launchApp, test } from './support/fixtures';
import { confirm, step } from './support/issue-steps';
import { closeOutByReinspection, ZH_REINSPECT } from './support/reinspect';
import { storedRows } from './support/stored-rows';
import { dataOf, expectSame, exportTo, importFrom, nameLaptop } from './support/two-laptops';

const LAPTOP_A = '第一督查组笔记本';
const LAPTOP_B = '督查办笔记本';
const DEADLINE_A = '2027-03-31';
const DEADLINE_B = '2027-04-30';

const base = (page: Page) => page.url().split('#')[0] ?? '';

async function openIssue(page: Page, id: string): Promise<Locator> {
  await page.goto(`${base(page)}#/issues/${id}`);
  const history = page.getByTestId('issue-history');
  await expect(history).toBeVisible();
  return history;
}

/** Each shown history entry: its kind, laptop, whether taken apart, and its text. */
function shownEvents(history: Locator) {
  return history.getByTestId('issue-event').evaluateAll((els) =>
    els.map((e) => ({
      kind: e.getAttribute('data-kind') ?? '',
      device: e.getAttribute('data-device') ?? '',
      apart: e.getAttribute('data-apart') === 'true',
      text: e.textContent ?? '',
    })),
  );
}

/** The history card says it verified, with this many entries, and raises nothing else. */
async function expectVerified(history: Locator, count: number) {
  await expect(history.getByRole('alert').first()).toContainText(`整改记录完整，校验通过（共 ${count} 条）`);
  // antd gives every alert role="alert": the success line is the only one; no alarm, no contradiction.
  await expect(history.getByRole('alert')).toHaveCount(1);
  await expect(history).not.toContainText('与保存时不一致');
}

/** An issue of the sample in this status, from A's stored rows. */
async function sampleIssue(page: Page, pick: (issue: Issue) => boolean): Promise<Issue> {
  const issues = await storedRows<Issue>(page, 'issues');
  const found = issues.find((issue) => issue._deleted !== true && pick(issue));
  if (!found) throw new Error('the sample campaign has no such issue');
  return found;
}

const liveEventsOf = async (page: Page, issueId: string) =>
  (await storedRows<IssueEvent>(page, 'issueEvents')).filter(
    (e) => e.issueId === issueId && e._deleted !== true,
  );

test.describe('two laptops apart, in Chinese', () => {
  test('steps taken apart on the same issues merge, verify on both, contradictions are named, the next step joins, and an alteration is caught', async ({
    app,
    home,
  }, testInfo) => {
    test.setTimeout(900_000);
    console.log(`two-laptops: host ${app.host.kind} (${app.host.reason})`);
    const a = app.page;
    await a.getByRole('button', { name: '加载示例督查' }).click();
    await expect(a.getByRole('table', { name: '项目台账' })).toBeVisible({ timeout: 180_000 });
    await nameLaptop(a, LAPTOP_A);

    // X: issued, not yet flagged for the joint meeting; Y: re-inspected, awaiting the verdict.
    const x = await sampleIssue(a, (i) => i.status === 'issued' && !i.needsCoordination);
    expect([DEADLINE_A, DEADLINE_B]).not.toContain(x.deadline);
    const y = await sampleIssue(a, (i) => i.status === 'awaitingReinspection');
    const xBefore = (await liveEventsOf(a, x.id)).length;
    const yBefore = (await liveEventsOf(a, y.id)).length;

    const stick = (name: string) => {
      const folder = join(home, 'U盘', name);
      mkdirSync(folder, { recursive: true });
      return folder;
    };
    const full = await exportTo(a, stick('1'));

    const homeB = join(home, 'laptop-b');
    mkdirSync(homeB);
    const laptopB = await launchApp(homeB, { systemLocale: 'zh-CN', query: '' });
    try {
      const b = laptopB.app.page;
      await b.getByRole('button', { name: '从空白开始' }).click();
      await nameLaptop(b, LAPTOP_B);
      await importFrom(b, full, { from: LAPTOP_A, trust: true });
      expectSame(await dataOf(b, false), await dataOf(a, false), 'after-first-import', testInfo);

      // Apart. X: both change the deadline (the same field), A flags and B acknowledges (different
      // fields), interleaved: A's flag comes after B's acknowledgement and must not undo it.
      await openIssue(a, x.id);
      await confirm(
        a,
        await step(a, '调整整改期限', {
          actor: '督查组',
          deadline: DEADLINE_A,
          note: '雨季施工受限，督查组同意顺延',
        }),
        '确认',
      );
      await expect(a.getByTestId('issue-deadline')).toHaveText(DEADLINE_A);
      await openIssue(b, x.id);
      await confirm(
        b,
        await step(b, '调整整改期限', {
          actor: '督查办',
          deadline: DEADLINE_B,
          note: '按督查办会议意见调整',
        }),
        '确认',
      );
      await expect(b.getByTestId('issue-deadline')).toHaveText(DEADLINE_B);
      await confirm(b, await step(b, '签收', { actor: '县住建局' }), '确认');
      await expect(b.getByTestId('issue-status')).toHaveText('已签收');
      await confirm(a, await step(a, '列入调度会', { actor: '督查组' }), '确认');
      await expect(a.getByTestId('issue-status')).toHaveText('已下发');

      // Y: B sends it back; A, on site, re-inspects and closes it out.
      await openIssue(b, y.id);
      await confirm(b, await step(b, '退回整改', { actor: '督查办', note: '整改后照片与现场不符' }), '确认');
      await expect(b.getByTestId('issue-status')).toHaveText('整改中');
      await openIssue(a, y.id);
      await closeOutByReinspection(a, ZH_REINSPECT, y.title, {
        inspector: '王建国',
        photo: { name: 'AFTER_Y.jpg', seed: 91 },
        remarks: '复查合格',
      });

      // Both ways: B's changes to A, then A's (with B's) to B.
      const fromB = await exportTo(b, stick('2'), LAPTOP_A);
      await importFrom(a, fromB, { from: LAPTOP_B, trust: true });
      // Both changed the deadline: the outcome says so, and A's receipt keeps the value that lost.
      await expect(a.getByTestId('import-outcome')).toContainText('两台电脑都改过的字段');
      await a.getByRole('tab', { name: '导入回执' }).click();
      const receipts = a.getByRole('table', { name: '导入回执' });
      await receipts
        .getByRole('button', { name: /展开|Expand/ })
        .first()
        .click();
      const kept = a
        .getByRole('table', { name: /两台电脑都修改过的字段/ })
        .getByRole('row', { name: /整改时限/ });
      await expect(kept).toContainText(DEADLINE_A);
      await expect(kept).toContainText(DEADLINE_B);
      await a.screenshot({ path: testInfo.outputPath('receipt-conflicts-zh-CN.png'), fullPage: true });
      const fromA = await exportTo(a, stick('3'), LAPTOP_B);
      await importFrom(b, fromA, { from: LAPTOP_A, trust: false });
      expectSame(await dataOf(a), await dataOf(b), 'after-both-ways', testInfo);

      for (const [page, laptop] of [
        [a, 'A'],
        [b, 'B'],
      ] as const) {
        await test.step(`issue X on laptop ${laptop}`, async () => {
          const history = await openIssue(page, x.id);
          // The later deadline change stands; B's acknowledgement and A's flag both stand.
          await expect(page.getByTestId('issue-deadline')).toHaveText(DEADLINE_B);
          await expect(page.getByTestId('issue-status')).toHaveText('已签收');
          await expectVerified(history, xBefore + 4);
          await expect(history).toContainText('有 4 条是两台电脑分开期间各自办理的，均已保留并校验通过。');
          await expect(page.getByTestId('steps-contradict')).toHaveCount(0);
          const events = await shownEvents(history);
          expect(events).toHaveLength(xBefore + 4);
          // Every entry says where it was written: the sample's and A's on A, B's on B.
          expect(events.every((e) => e.device === LAPTOP_A || e.device === LAPTOP_B)).toBe(true);
          const apart = events.filter((e) => e.apart);
          expect(apart.map((e) => `${e.kind}@${e.device}`).sort()).toEqual(
            [
              `acknowledged@${LAPTOP_B}`,
              `coordinationFlagged@${LAPTOP_A}`,
              `deadlineChanged@${LAPTOP_A}`,
              `deadlineChanged@${LAPTOP_B}`,
            ].sort(),
          );
          // Both deadline changes kept, each with its date, and none of the earlier ones lost.
          const changes = events.filter((e) => e.kind === 'deadlineChanged');
          const earlierChanges = (await liveEventsOf(a, x.id)).filter(
            (e) =>
              e.kind === 'deadlineChanged' && e.newDeadline !== DEADLINE_A && e.newDeadline !== DEADLINE_B,
          ).length;
          expect(changes).toHaveLength(earlierChanges + 2);
          expect(changes.find((e) => e.device === LAPTOP_A && e.apart)?.text).toContain(DEADLINE_A);
          expect(changes.find((e) => e.device === LAPTOP_B && e.apart)?.text).toContain(DEADLINE_B);
          const apartEntry = history.locator('[data-testid="issue-event"][data-apart="true"]').first();
          await expect(apartEntry).toContainText('分开办理');
          await expect(history.locator(`[data-device="${LAPTOP_B}"]`).first()).toContainText(
            `于 ${LAPTOP_B}`,
          );
          await expect(history).not.toContainText('合并两边');
        });
        await test.step(`issue Y on laptop ${laptop}`, async () => {
          const history = await openIssue(page, y.id);
          const contradiction = page.getByTestId('steps-contradict');
          await expect(contradiction).toHaveCount(1);
          await expect(contradiction).toContainText('分开办理的步骤相互矛盾，请督查办裁定');
          for (const words of [
            '复查通过，销号',
            '复查未通过，退回整改',
            '王建国',
            '督查办',
            LAPTOP_A,
            LAPTOP_B,
          ])
            await expect(contradiction).toContainText(words);
          await expect(history.getByRole('alert').first()).toContainText(
            `整改记录完整，校验通过（共 ${yBefore + 2} 条）`,
          );
          await expect(history).not.toContainText('与保存时不一致');
          const events = await shownEvents(history);
          expect(
            events
              .filter((e) => e.apart)
              .map((e) => `${e.kind}@${e.device}`)
              .sort(),
          ).toEqual([`closed@${LAPTOP_A}`, `sentBack@${LAPTOP_B}`].sort());
          await page.screenshot({
            path: testInfo.outputPath(`two-laptops-contradiction-${laptop}-zh-CN.png`),
            fullPage: true,
          });
        });
      }
      // The same merged status on both (the later step's), whichever it is.
      await openIssue(a, y.id);
      const yStatus = await a.getByTestId('issue-status').innerText();
      await openIssue(b, y.id);
      await expect(b.getByTestId('issue-status')).toHaveText(yStatus);

      // The office decides Y on B, for the step the merge did not keep: the issue takes that step's
      // status, the contradiction is settled, and the decision follows both branches.
      await test.step('the office decides issue Y on laptop B', async () => {
        // The joint-meeting page lists it for the office first.
        await b.goto(`${base(b)}#/meeting`);
        const listed = b.getByRole('region', { name: '分开办理、相互矛盾的步骤：请裁定以哪一步为准' });
        await expect(listed.getByTestId('contradicted-issue')).toHaveCount(1);
        await listed.getByRole('link', { name: y.title }).click();
        const yHistory = b.getByTestId('issue-history');
        await expect(yHistory).toBeVisible();
        const closedWon = yStatus === '已销号';
        const keep = closedWon ? '复查未通过，退回整改' : '复查通过，销号';
        await b
          .getByTestId('steps-contradict')
          .getByRole('button', { name: `以「${keep}」为准` })
          .click();
        const dialog = b.getByRole('dialog', { name: new RegExp(`^裁定：以「${keep}」为准`) });
        await dialog.getByLabel(/经办人/).fill('督查办');
        await dialog.getByLabel(/说明/).fill('经现场核实，以此为准');
        await confirm(b, dialog, '确认');
        await expect(b.getByTestId('issue-status')).toHaveText(closedWon ? '整改中' : '已销号');
        await expect(b.getByTestId('steps-contradict')).toHaveCount(0);
        const decision = yHistory.getByTestId('issue-event').last();
        await expect(decision).toHaveAttribute('data-kind', 'stepsDecided');
        await expect(decision).toContainText('合并两边');
        await expectVerified(yHistory, yBefore + 3);
        await b.goto(`${base(b)}#/meeting`);
        await expect(b.getByTestId('contradicted-issue')).toHaveCount(0);
      });

      // B's next step on X follows both branches: a join, still verified; and on A after the hand-over.
      let history = await openIssue(b, x.id);
      await confirm(b, await step(b, '记录整改进展', { actor: '县住建局', note: '已进场施工' }), '确认');
      await expect(b.getByTestId('issue-status')).toHaveText('整改中');
      await expectVerified(history, xBefore + 5);
      const join = history.locator('[data-testid="issue-event"][data-kind="progressNoted"]');
      await expect(join).toHaveAttribute('data-device', LAPTOP_B);
      await expect(join).toHaveAttribute('data-apart', 'false');
      await expect(join).toContainText('合并两边');
      await expect(history.getByTestId('issue-event').last()).toHaveAttribute('data-kind', 'progressNoted');

      const joined = await exportTo(b, stick('4'), LAPTOP_A);
      await importFrom(a, joined, { from: LAPTOP_B, trust: false });
      expectSame(await dataOf(a), await dataOf(b), 'after-join', testInfo);
      history = await openIssue(a, x.id);
      await expectVerified(history, xBefore + 5);
      await expect(history.getByTestId('issue-event').last()).toHaveAttribute('data-kind', 'progressNoted');
      await expect(history.getByTestId('issue-event').last()).toHaveAttribute('data-device', LAPTOP_B);
      await expect(history.getByTestId('issue-event').last()).toContainText('合并两边');
      await a.screenshot({ path: testInfo.outputPath('two-laptops-joined-zh-CN.png'), fullPage: true });
      // B's decision on Y came across too: settled on A, in the same status, still verified.
      const yOnA = await openIssue(a, y.id);
      await expect(a.getByTestId('steps-contradict')).toHaveCount(0);
      await expect(yOnA.getByTestId('issue-event').last()).toHaveAttribute('data-kind', 'stepsDecided');
      await expectVerified(yOnA, yBefore + 3);
      history = await openIssue(a, x.id);
      // The page shows the history once read: wait for all of it before reading what it shows.
      await expectVerified(history, xBefore + 5);

      // Behind the app's back: A's deadline change on X gets another reason, its hash left as it was.
      const events = await shownEvents(history);
      const altered = events.findIndex(
        (e) => e.kind === 'deadlineChanged' && e.device === LAPTOP_A && e.text.includes(DEADLINE_A),
      );
      expect(altered).toBeGreaterThanOrEqual(0);
      const alteredId = (await liveEventsOf(a, x.id)).find(
        (e) => e.kind === 'deadlineChanged' && e.newDeadline === DEADLINE_A,
      )?.id;
      expect(alteredId).toBeTruthy();
      await a.evaluate(
        (id) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('ducha');
            open.onerror = () => reject(new Error(String(open.error)));
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction('issueEvents', 'readwrite');
              const store = tx.objectStore('issueEvents');
              const request = store.get(id);
              request.onsuccess = () => {
                store.put({ ...(request.result as object), note: '期限已按要求调整（改过）' });
              };
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(new Error(String(tx.error)));
            };
          }),
        alteredId ?? '',
      );
      await a.reload();
      history = a.getByTestId('issue-history');
      await expect(history.getByRole('alert').first()).toHaveText(
        `整改记录第 ${altered + 1} 条与保存时不一致，可能被改动过。请联系管理员核查。`,
      );
      await expect(history).not.toContainText('校验通过');
      await a.screenshot({ path: testInfo.outputPath('two-laptops-altered-zh-CN.png'), fullPage: true });
    } finally {
      await laptopB.close();
    }
  });
});
