// The city office and a leader on their laptops (issue 18, item 7), through a real server: two teams'
// laptops (Chinese) each set their team up from nothing, record an issue on a project of their own
// county and sync. The office's laptop (Chinese, enrolled for the whole city) then holds both teams'
// issues — each with its team, and the list narrowed to one team — with a dashboard ranking and a
// bulletin covering both counties. A leader's laptop (English) reads the same and is offered no write:
// the header says "Read only (leader)", the buttons that would write are disabled or absent, and the
// read-only controls (filters, opening an issue, Sync) still work.
import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chooseOption } from './support/antd';
import { launchApp, test } from './support/fixtures';
import { EN_SYNC, type SyncWords, ZH_SYNC } from './support/sync-laptop';
import { SYNC_PASSWORD, SyncServer, TEAM_ID } from './support/sync-server';
import { addPerson, ZH_SETUP } from './support/team-setup';

const SECOND_TEAM_ID = 'team-pu-er-2';

interface TeamSide {
  readonly teamId: string;
  readonly login: string;
  readonly person: string;
  /** The team as it names itself on its laptop (the office shows this name). */
  readonly team: string;
  readonly prefix: string;
  readonly county: string;
  readonly unit: string;
  readonly unitShort: string;
  readonly project: string;
  readonly issue: string;
}

const NORTH: TeamSide = {
  teamId: TEAM_ID,
  login: 'li-ming',
  person: '李明',
  team: '孟连督查组',
  prefix: '孟督',
  county: '孟连县',
  unit: '孟连县住房和城乡建设局',
  unitShort: '孟连住建',
  project: '孟连县娜允镇污水处理厂',
  issue: '娜允镇污水管网未按期铺设',
};
const SOUTH: TeamSide = {
  teamId: SECOND_TEAM_ID,
  login: 'zhao-gang',
  person: '赵刚',
  team: '西盟督查组',
  prefix: '西督',
  county: '西盟县',
  unit: '西盟县住房和城乡建设局',
  unitShort: '西盟住建',
  project: '西盟县勐梭镇道路改造工程',
  issue: '勐梭镇道路施工扬尘未覆盖',
};

let server: SyncServer;

test.beforeAll(async () => {
  server = await SyncServer.start();
  server.addTeam(SECOND_TEAM_ID, '普洱市第二督查组');
  server.addPerson(NORTH.login, NORTH.person, 'inspector', NORTH.teamId);
  server.addPerson(SOUTH.login, SOUTH.person, 'inspector', SOUTH.teamId);
  server.addPerson('du-cha-ban', '督查办王主任', 'office');
  server.addPerson('shi-ling-dao', '市领导陈副市长', 'leader');
});
test.afterAll(async () => {
  await server.stop();
});

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
}

/** Start empty, and the set-up's four steps with the team's own names, ending on the ledger. */
async function setUpTeam(page: Page, side: TeamSide): Promise<void> {
  const w = ZH_SETUP;
  await page.getByRole('button', { name: w.startEmpty }).click();
  await expect(page.getByRole('heading', { name: w.setupTitle })).toBeVisible();
  await page.getByLabel(w.city, { exact: true }).fill('普洱市');
  await page.getByLabel(w.authority, { exact: true }).fill('普洱市重点项目督查办公室');
  await page.getByLabel(w.teamName, { exact: true }).fill(side.team);
  await page.getByLabel(w.prefix, { exact: true }).fill(side.prefix);
  await page.getByLabel(w.nextNumber, { exact: true }).fill('1');
  await page.getByRole('button', { name: w.saveTeam }).click();

  await page.getByRole('button', { name: w.addCounty, exact: true }).click();
  let dialog = page.getByRole('dialog', { name: w.addCounty });
  await dialog.getByLabel(w.countyName).fill(side.county);
  await dialog.getByLabel(w.countyName).press('Enter');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: w.next, exact: true }).click();

  await page.getByRole('button', { name: w.addUnit, exact: true }).click();
  dialog = page.getByRole('dialog', { name: w.addUnit });
  await dialog.getByLabel(w.unitName, { exact: true }).fill(side.unit);
  await dialog.getByLabel(w.shortName, { exact: true }).fill(side.unitShort);
  await chooseOption(page, w.kind, w.construction, dialog);
  await chooseOption(page, w.county, side.county, dialog);
  await dialog.getByRole('button', { name: w.save }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: w.next, exact: true }).click();

  await addPerson(page, w, side.person, '组员', '13800000001');
  await chooseOption(page, w.thisIsMe, side.person);
  await page.getByRole('button', { name: w.finish }).click();
  await expect(page.getByRole('heading', { name: w.ledger })).toBeVisible();
}

/** A project in the team's county, and an issue recorded on it from the issue list. */
async function recordIssue(page: Page, side: TeamSide): Promise<void> {
  await page.getByRole('button', { name: '新建项目' }).click();
  await expect(page.getByRole('heading', { name: '新建项目' })).toBeVisible();
  await page.getByLabel('项目名称').fill(side.project);
  await chooseOption(page, '所属县(区)/乡镇', side.county);
  await page.getByLabel('计划总投资').fill('1200');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: side.project })).toBeVisible();

  await page.getByRole('menuitem', { name: '问题清单' }).click();
  await page.getByRole('button', { name: '新建问题' }).click();
  const create = page.getByRole('dialog', { name: '新建问题' });
  await chooseOption(page, '项目', side.project, create);
  await create.getByLabel('问题', { exact: true }).fill(side.issue);
  await chooseOption(page, '责任单位', side.unitShort, create);
  await create.getByRole('button', { name: /确\s*认/ }).click();
  await expect(page.getByRole('heading', { name: side.issue })).toBeVisible();
}

const ZH = ZH_SYNC;
const EN = EN_SYNC;

/** Enrolls the laptop (for a team, or for the city office with null) and signs `login` in; it syncs. */
async function enrollAndSync(page: Page, w: SyncWords, team: string | null, login: string): Promise<void> {
  await page.getByRole('menuitem', { name: w.menu }).click();
  await expect(page.getByRole('heading', { name: w.menu, exact: true })).toBeVisible();
  await page.getByLabel(w.address).fill(server.url);
  await page.getByLabel(w.code).fill(server.enrollmentCode(team));
  await page.getByRole('button', { name: w.enroll }).click();
  await expect(page.getByTestId('sync-enrolled')).toContainText(server.url);
  await page.getByLabel(w.login).fill(login);
  await page.getByLabel(w.password, { exact: true }).fill(SYNC_PASSWORD);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  await expect(page.getByTestId('sync-signed-in')).toBeVisible();
  // Signing in starts a round by itself; it ends with a time of the last success.
  await expect(page.getByTestId('sync-last-success')).toHaveText(/\d{4}-\d{2}-\d{2}/, { timeout: 90_000 });
}

/** A team's laptop: set up, an issue recorded, enrolled into its team and synced, then closed. */
async function teamLaptop(home: string, side: TeamSide, page?: Page): Promise<void> {
  if (page) {
    await setUpTeam(page, side);
    await recordIssue(page, side);
    await enrollAndSync(page, ZH, side.teamId, side.login);
    await expect(page.getByTestId('sync-indicator')).toHaveText(ZH.synced, { timeout: 60_000 });
    return;
  }
  const dir = join(home, side.login);
  mkdirSync(dir);
  const laptop = await launchApp(dir, { systemLocale: 'zh-CN', query: '' });
  try {
    await teamLaptop(home, side, laptop.app.page);
  } finally {
    await laptop.close();
  }
}

const issueRow = (page: Page, title: string) => page.getByRole('row').filter({ hasText: title });

test('the office sees every team, and a leader reads everything and is offered no write', async ({
  app,
  home,
}, testInfo) => {
  test.setTimeout(420_000);
  await teamLaptop(home, NORTH, app.page);
  await teamLaptop(home, SOUTH);

  // The city office (Chinese): one laptop enrolled for the whole city.
  const officeHome = join(home, 'office');
  mkdirSync(officeHome);
  const office = await launchApp(officeHome, { systemLocale: 'zh-CN', query: '' });
  try {
    const page = office.app.page;
    await page.getByRole('button', { name: ZH_SETUP.startEmpty }).click();
    await enrollAndSync(page, ZH, null, 'du-cha-ban');
    await expect(page.getByTestId('sync-team')).toContainText('督查办');
    // The office writes: no read-only tag, its buttons work.
    await expect(page.getByTestId('read-only-tag')).toHaveCount(0);

    await page.getByRole('menuitem', { name: '问题清单' }).click();
    await expect(page.getByTestId('issue-count')).toHaveText('共 2 个问题');
    for (const side of [NORTH, SOUTH]) await expect(issueRow(page, side.issue)).toContainText(side.team);
    await shoot(page, testInfo, 'office-issues-zh-CN.png');
    // One team's issues only.
    await chooseOption(page, '督查组', SOUTH.team);
    await expect(page.getByTestId('issue-count')).toHaveText('共 1 个问题');
    await expect(issueRow(page, SOUTH.issue)).toBeVisible();
    await expect(issueRow(page, NORTH.issue)).toHaveCount(0);
    await expect(page.getByRole('button', { name: '新建问题' })).toBeEnabled();
    // The team is in the list's address, as its other conditions are: a reload keeps it.
    // The router keeps its address in the hash (#/issues?…).
    const address = new URL(page.url()).hash;
    expect(new URLSearchParams(address.slice(address.indexOf('?') + 1)).get('team')).toBeTruthy();
    await page.reload();
    await expect(page.getByTestId('issue-count')).toHaveText('共 1 个问题');
    await expect(issueRow(page, NORTH.issue)).toHaveCount(0);

    // The dashboard's ranking and the bulletin cover both teams' counties.
    await page.getByRole('menuitem', { name: '统计' }).click();
    const ranking = page
      .getByRole('table')
      .filter({ hasText: NORTH.county })
      .filter({ hasText: SOUTH.county });
    await expect(ranking.first()).toBeVisible({ timeout: 30_000 });
    await page.getByRole('menuitem', { name: '报告' }).click();
    await page.getByRole('tab', { name: '督查通报' }).click();
    await page.getByRole('button', { name: '生成预览' }).click();
    const preview = page.frameLocator('iframe[title$="预览"]');
    await expect(preview.locator('body')).toContainText(NORTH.county, { timeout: 120_000 });
    await expect(preview.locator('body')).toContainText(SOUTH.county);
  } finally {
    await office.close();
  }

  // A leader (English): the same laptop shape, signed in as a leader.
  const leaderHome = join(home, 'leader');
  mkdirSync(leaderHome);
  const leader = await launchApp(leaderHome, { systemLocale: 'en', query: 'lang=en' });
  try {
    const page = leader.app.page;
    await page.getByRole('button', { name: 'Start empty' }).click();
    await enrollAndSync(page, EN, null, 'shi-ling-dao');
    const tag = page.getByTestId('read-only-tag');
    await expect(tag).toHaveText('Read only (leader)');
    // What the laptop made when it started (its checklist templates) will never go up, and is not
    // shown as waiting in the header.
    await expect(page.getByTestId('sync-indicator')).toHaveText('Synced');
    await expect(
      page.getByText('(not sent: a laptop with a leader signed in sends no changes)'),
    ).toBeVisible();
    // Sync itself stays usable: signing out and syncing are not writes of records.
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeEnabled();

    await page.getByRole('menuitem', { name: 'Issues' }).click();
    await expect(page.getByTestId('issue-count')).toHaveText('2 issues');
    await expect(page.getByRole('button', { name: 'New issue' })).toBeDisabled();
    // Reading stays: the search narrows the list.
    await page.getByRole('searchbox').fill('扬尘');
    await expect(page.getByTestId('issue-count')).toHaveText('1 issues');
    await issueRow(page, SOUTH.issue).click();
    await expect(page.getByRole('heading', { name: SOUTH.issue })).toBeVisible();
    // No step, no photo to add: every button a person would use to change the issue is disabled.
    await expect(page.getByRole('button', { name: 'Issue notice' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Flag for joint meeting' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Add photos' })).toHaveCount(0);
    await expect(page.getByTestId('read-only-page')).toHaveAttribute('title', /signed in as a leader/);
    await shoot(page, testInfo, 'leader-issue-en.png');

    await page.getByRole('menuitem', { name: 'Projects' }).click();
    await expect(page.getByRole('button', { name: 'New project' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Export ledger' })).toBeEnabled();
    await page.getByRole('menuitem', { name: 'Sync' }).click();
    await shoot(page, testInfo, 'leader-sync-en.png');

    // The same in Chinese.
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('简体中文').click();
    await page.getByRole('menuitem', { name: '问题清单' }).click();
    await expect(page.getByTestId('read-only-tag')).toHaveText('只读（领导）');
    await expect(page.getByRole('button', { name: '新建问题' })).toBeDisabled();
    await expect(page.getByTestId('read-only-page')).toHaveAttribute('title', /以领导身份登录/);
    await shoot(page, testInfo, 'leader-issues-zh-CN.png');
  } finally {
    await leader.close();
  }
});
