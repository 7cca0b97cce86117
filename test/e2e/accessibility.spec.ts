// Every page in both languages at 1280×720, as a keyboard or screen-reader user meets it: axe-core
// (WCAG 2.0/2.1 A and AA) finds no serious or critical violation; and no text overflows its cell in the
// ledger or the issue list (a cell that cuts its text with an ellipsis shows the whole of it as a title).
// One sample campaign per language; the pages are visited by address, without reloading.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChecklistTemplate } from '../../shared/domain/checklist';
import type { Issue } from '../../shared/domain/issue';
import type { Project } from '../../shared/domain/project';
import type { Visit } from '../../shared/domain/visit';
import { expect, test } from './support/fixtures';
import { REPO } from './support/host-choice';
import { storedRows } from './support/stored-rows';

const AXE = join(REPO, 'node_modules', 'axe-core', 'axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The serious and critical violations on the page as it stands, printed so they can be fixed. */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  // The app's Content-Security-Policy refuses inline scripts (addScriptTag); an evaluation from the
  // test is not a script of the page and runs.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) — ${v.help}\n` +
        v.nodes
          .slice(0, 6)
          .map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`)
          .join('\n'),
    );
}

/** Opens an address of the app (hash routing: no reload) and waits for its page to settle. */
async function open(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#${path}`);
  await expect(page.locator('main, .app-content').first()).toBeVisible();
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('h1, h2, h3, h4').first()).toBeVisible();
  // Charts and virtual tables draw a frame after their data arrives.
  await page.waitForTimeout(400);
}

/** Cells whose text runs past their edge without an ellipsis that shows it whole in a title. */
function overflowingCells(page: Page, table: string): Promise<string[]> {
  return page.evaluate((name) => {
    const root = [...document.querySelectorAll('table, [role="table"], [role="grid"]')].find(
      (t) => t.getAttribute('aria-label') === name || t.closest(`[aria-label="${name}"]`) !== null,
    );
    const scope = root?.closest('.ant-table-wrapper') ?? root;
    if (!scope) return [`no table named ${name}`];
    const cells = scope.querySelectorAll('th, td, [role="columnheader"], [role="cell"], [role="gridcell"]');
    const bad: string[] = [];
    const cut = (el: Element) => el.scrollWidth > el.clientWidth + 1;
    for (const cell of cells) {
      const text = (cell.textContent ?? '').trim();
      if (!text) continue;
      const parts = [cell, ...cell.querySelectorAll('*')];
      for (const el of parts) {
        if (!(el instanceof HTMLElement) || el.clientWidth === 0) continue;
        if (!cut(el)) continue;
        const style = getComputedStyle(el);
        const titled = (el.closest('[title]')?.getAttribute('title') ?? '').trim();
        const ellipsis = style.textOverflow === 'ellipsis' && titled.length > 0;
        if (!ellipsis) {
          bad.push(`${name}: "${text.slice(0, 40)}" overflows (${el.scrollWidth} > ${el.clientWidth})`);
          break;
        }
      }
      // A status tag is read whole, never cut: not by its own width, nor by its cell's edge.
      const edge = cell.getBoundingClientRect();
      for (const tag of cell.querySelectorAll('.ant-tag, [class*="tag"]')) {
        const box = tag.getBoundingClientRect();
        if (cut(tag) || box.right > edge.right + 1 || box.left < edge.left - 1)
          bad.push(`${name}: tag "${tag.textContent ?? ''}" is clipped`);
      }
    }
    return bad;
  }, table);
}

interface Language {
  name: string;
  code: string;
  start: string;
  load: string;
  menu: string;
  ledger: string;
  issueList: string;
  newProject: string;
  collapse: string;
  expand: string;
}

const LANGUAGES: Language[] = [
  {
    name: 'Chinese',
    code: 'zh',
    start: 'zh-CN',
    load: '加载示例督查',
    menu: '项目台账',
    ledger: '项目台账',
    issueList: '问题清单',
    newProject: '新建项目',
    collapse: '收起侧栏',
    expand: '展开侧栏',
  },
  {
    name: 'English',
    code: 'en',
    start: 'en-US',
    load: 'Load sample campaign',
    menu: 'Projects',
    ledger: 'Project ledger',
    issueList: 'Issue list',
    newProject: 'New project',
    collapse: 'Collapse sidebar',
    expand: 'Expand sidebar',
  },
];

for (const language of LANGUAGES) {
  test.describe(`in ${language.name}`, () => {
    test.use({ systemLocale: language.start });

    test('every page has no serious or critical axe violation, and no text overflows a cell', async ({
      app,
    }, testInfo) => {
      test.setTimeout(300_000);
      const { page } = app;
      await page.setViewportSize({ width: 1280, height: 720 });
      const found: string[] = [];

      // The first-run page, on a fresh database.
      await expect(page.getByRole('button', { name: language.load })).toBeVisible();
      found.push(...(await seriousViolations(page, 'first run')));

      await page.getByRole('button', { name: language.load }).click();
      await expect(page.getByRole('menuitem', { name: language.menu })).toBeVisible({ timeout: 120_000 });
      await expect(page.getByRole('table', { name: language.ledger })).toBeVisible({ timeout: 60_000 });

      const projects = await storedRows<Project>(page, 'projects');
      const visits = await storedRows<Visit>(page, 'visits');
      const issues = await storedRows<Issue>(page, 'issues');
      const templates = await storedRows<ChecklistTemplate>(page, 'checklistTemplates');
      const project = projects.find((p) => p._deleted !== true);
      const visit = visits.find((v) => v._deleted !== true && v.status === 'finalized') ?? visits[0];
      const issue = issues.find((i) => i._deleted !== true);
      const template = templates.find((t) => t._deleted !== true);
      expect(project && visit && issue && template).toBeTruthy();

      const pages = [
        '/projects',
        '/projects/new',
        `/projects/${project?.id}`,
        `/projects/${project?.id}/edit`,
        '/visits',
        `/visits/${visit?.id}`,
        '/checklists',
        '/checklists/new',
        `/checklists/${template?.key}/edit`,
        '/issues',
        `/issues/${issue?.id}`,
        '/meeting',
        '/dashboard',
        '/reports',
        '/exchange',
        '/sync',
        '/settings',
        '/organization',
      ];
      for (const path of pages) {
        await open(page, path);
        found.push(...(await seriousViolations(page, path)));
        // Every name in the UI's language: no icon's name before a button's text, no step arrows
        // announced in English.
        for (const name of [/^(plus|edit|delete|download|upload) /, 'Increase Value', 'Decrease Value'])
          if ((await page.getByRole('button', { name }).count()) > 0)
            found.push(`${path}: a button is named ${String(name)}`);
      }
      await open(page, '/projects');
      await expect(page.getByRole('button', { name: language.newProject, exact: true })).toBeVisible();
      // The organization page exists (it is in the menu, under Settings or on its own).
      await open(page, '/organization');
      await expect(page).toHaveURL(/#\/organization/);

      // No text overflows its cell in the ledger and the issue list.
      await open(page, '/projects');
      found.push(...(await overflowingCells(page, language.ledger)));
      // The ledger as it looks at 1280×720; DUCHA_SCREENSHOTS=docs/screenshots writes the README's copies.
      const shots = process.env.DUCHA_SCREENSHOTS;
      const shot = `ledger-${language.code}.png`;
      await page.screenshot({ path: shots ? resolve(REPO, shots, shot) : testInfo.outputPath(shot) });
      await open(page, '/issues');
      found.push(...(await overflowingCells(page, language.issueList)));
      await page.screenshot({ path: testInfo.outputPath(`issues-${language.code}.png`) });

      expect(found, found.join('\n')).toEqual([]);

      // The sidebar folds and unfolds; the header stays at the top while a long page scrolls.
      await page.getByRole('button', { name: language.collapse, exact: true }).click();
      await expect(page.getByRole('button', { name: language.expand, exact: true })).toBeVisible();
      await open(page, `/projects/${project?.id}`);
      await page.mouse.wheel(0, 2000);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      const header = await page.locator('.ant-layout-header').boundingBox();
      expect(header?.y).toBe(0);
      await page.getByRole('button', { name: language.expand, exact: true }).click();
      await expect(page.getByRole('button', { name: language.collapse, exact: true })).toBeVisible();
    });
  });
}
