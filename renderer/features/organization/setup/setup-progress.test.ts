import { describe, expect, it } from 'vitest';
import type { Organization, WorkingContext } from '../../../db';
import type { Person, Region, Team, Unit } from '../../../../shared/domain/organization';
import { firstUnfinishedStep } from './setup-progress';

const base = { createdAt: '2026-12-07T02:00:00.000Z', updatedAt: '2026-12-07T02:00:00.000Z' };
const team: Team = {
  ...base,
  id: 't',
  name: '第一督查组',
  leaderId: null,
  memberIds: [],
  documentPrefix: '督查',
};
const county: Region = { ...base, id: 'r', name: '孟连县', level: 'county', parentId: null };
const unit: Unit = {
  ...base,
  id: 'u',
  name: '孟连县住建局',
  shortName: '孟连住建',
  kind: 'construction',
  regionId: null,
};
const person: Person = { ...base, id: 'p', name: '张明', title: '', phone: '', unitId: null };

const org = (regions: Region[], units: Unit[], people: Person[]) =>
  ({ regions, units, people, teams: [] }) as unknown as Organization;
const working = (t: Team | null, p: Person | null): WorkingContext => ({ team: t, person: p });

describe('the set-up resumes at the first step the database shows unfinished', () => {
  it('starts at the team, then the counties', () => {
    expect(firstUnfinishedStep(org([], [], []), working(null, null))).toBe(0);
    expect(firstUnfinishedStep(org([], [], []), working(team, null))).toBe(1);
    // A city alone is not a county.
    expect(firstUnfinishedStep(org([{ ...county, level: 'city' }], [], []), working(team, null))).toBe(1);
  });

  it('offers the units while there are none, then the people and who works here', () => {
    expect(firstUnfinishedStep(org([county], [], []), working(team, null))).toBe(2);
    expect(firstUnfinishedStep(org([county], [unit], []), working(team, null))).toBe(3);
    expect(firstUnfinishedStep(org([county], [unit], [person]), working(team, null))).toBe(3);
  });

  it('is done with a team, a county and a chosen person; units may be skipped', () => {
    expect(firstUnfinishedStep(org([county], [], [person]), working(team, person))).toBeNull();
    expect(firstUnfinishedStep(org([county], [unit], [person]), working(team, person))).toBeNull();
  });
});
