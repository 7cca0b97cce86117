// The leader's index.html in the language chosen at export, marked as such for the browser, with the
// export time on the team's clock and never the raw UTC instant of the manifest.
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeIssue, makeProject, makeRegion, makeVisit } from '../../../../test/fixtures/records';
import { translator } from '../../../../test/fixtures/translator';
import type { LeaderPageSource } from '../../../db';
import type { Language } from '../../../i18n';
import { leaderPage } from './leader-page';

const translators = new Map<Language, TFunction>();
beforeAll(async () => {
  for (const language of ['zh-CN', 'en'] as const) translators.set(language, await translator(language));
});

const region = makeRegion();
const source: LeaderPageSource = {
  organization: {
    regions: [region],
    units: [],
    people: [],
    teams: [],
    all: { regions: [region], units: [], people: [] },
    regionNames: new Map([[region.id, region.name]]),
    unitNames: new Map([['unit-env', '思茅区生态环境分局']]),
    personNames: new Map(),
  },
  projects: [makeProject()],
  visits: [makeVisit()],
  issues: [makeIssue(), makeIssue({ id: 'issue-2', status: 'closed', closedAt: '2026-11-25T02:00:00.000Z' })],
  teamName: '市委督查一组',
};

// 23:22 UTC on the 6th is 07:22 on the 7th in Beijing, 18:22 on the 6th in New York.
const CREATED_AT = '2026-12-06T23:22:35.000Z';

function page(language: Language, timeZone = 'Asia/Shanghai'): string {
  const t = translators.get(language);
  if (!t) throw new Error(`no translator for ${language}`);
  return leaderPage(
    {
      source,
      photoPaths: new Map(),
      photos: [],
      today: '2026-12-07',
      createdAt: CREATED_AT,
      timeZone,
      language,
      deviceName: '思茅笔记本',
      files: [{ path: 'ledgers/2026年问题台账.xlsx', role: 'ledger' }],
    },
    t,
  );
}

describe('leaderPage', () => {
  it('in Chinese: marked zh-CN, its headings and the time in Beijing', () => {
    const html = page('zh-CN');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>督查数据汇总</title>');
    expect(html).toContain('由 思茅笔记本 于 2026-12-07 07:22 导出。');
    expect(html).toContain('<th>责任单位</th>');
    expect(html).toContain('已销号');
  });

  it('in English: marked en, English headings and statuses, the data as it is', () => {
    const html = page('en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Supervision data summary</title>');
    expect(html).toContain('Exported by 思茅笔记本 at 2026-12-07 07:22.');
    expect(html).toContain('<th>Responsible units</th>');
    expect(html).toContain(makeProject().name);
    expect(html).not.toMatch(/督查数据汇总|责任单位|已销号/);
  });

  it('shows the time on the team’s clock, never the UTC instant', () => {
    const html = page('en', 'America/New_York');
    expect(html).toContain('at 2026-12-06 18:22.');
    for (const language of ['zh-CN', 'en'] as const) {
      expect(page(language)).not.toContain('23:22');
      expect(page(language)).not.toContain(CREATED_AT);
    }
  });
});
