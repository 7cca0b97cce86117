// Filtering, searching and sorting the ledger: pure functions, so the page and the tests share them.
import { ratio } from '../../../../shared/domain/money';
import type { Region } from '../../../../shared/domain/organization';
import type { Project, ProjectCategory, ProjectPhase } from '../../../../shared/domain/project';

export interface LedgerFilter {
  /** Words to find in the project's name or owner; Chinese needs no spaces, several words must all match. */
  search: string;
  /** A county (its towns included) or a town. */
  regionId: string | null;
  category: ProjectCategory | null;
  phase: ProjectPhase | null;
  leaderId: string | null;
  unitId: string | null;
}

export const EMPTY_FILTER: LedgerFilter = {
  search: '',
  regionId: null,
  category: null,
  phase: null,
  leaderId: null,
  unitId: null,
};

export type SortKey =
  'name' | 'region' | 'totalInvestment' | 'annualPlan' | 'completedThisYear' | 'annualRate';
export interface LedgerSort {
  key: SortKey;
  order: 'asc' | 'desc';
}

/** Folds full-width letters and digits to half-width and case, and drops spaces, for matching. */
export const normalizeForSearch = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** The region and everything under it. */
export function regionWithDescendants(regions: readonly Region[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of regions) {
      if (r.parentId && ids.has(r.parentId) && !ids.has(r.id)) {
        ids.add(r.id);
        grew = true;
      }
    }
  }
  return ids;
}

export function filterProjects<P extends Project>(
  projects: readonly P[],
  filter: LedgerFilter,
  regions: readonly Region[],
): P[] {
  const words = filter.search.split(/\s+/).map(normalizeForSearch).filter(Boolean);
  const regionIds = filter.regionId ? regionWithDescendants(regions, filter.regionId) : null;
  return projects.filter((p) => {
    if (regionIds && !regionIds.has(p.regionId)) return false;
    if (filter.category && p.category !== filter.category) return false;
    if (filter.phase && p.phase !== filter.phase) return false;
    if (filter.leaderId && p.leaderId !== filter.leaderId) return false;
    if (filter.unitId && !p.responsibleUnitIds.includes(filter.unitId)) return false;
    if (words.length > 0) {
      const haystack = normalizeForSearch(`${p.name} ${p.owner}`);
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

const annualRate = (p: Project): number => ratio(p.completedThisYear, p.annualPlan) ?? -1;

export function sortProjects<P extends Project>(
  projects: readonly P[],
  sort: LedgerSort,
  regionNames: ReadonlyMap<string, string>,
): P[] {
  const money = (key: 'totalInvestment' | 'annualPlan' | 'completedThisYear') => (a: P, b: P) =>
    a[key] - b[key];
  const compare: Record<SortKey, (a: P, b: P) => number> = {
    name: (a, b) => collator.compare(a.name, b.name),
    region: (a, b) => collator.compare(regionNames.get(a.regionId) ?? '', regionNames.get(b.regionId) ?? ''),
    totalInvestment: money('totalInvestment'),
    annualPlan: money('annualPlan'),
    completedThisYear: money('completedThisYear'),
    annualRate: (a, b) => annualRate(a) - annualRate(b),
  };
  const direction = sort.order === 'asc' ? 1 : -1;
  // Ties fall back to the name so the order is stable and predictable.
  return [...projects].sort(
    (a, b) => direction * compare[sort.key](a, b) || collator.compare(a.name, b.name),
  );
}
