// Figures are given per county (县/区): a town's projects and issues roll up into the county above it.
import type { Region } from '../domain/organization';

type RegionTree = readonly Pick<Region, 'id' | 'level' | 'parentId'>[];

/**
 * The county of every region: a county is its own, a town (or anything below a county) has the county
 * above it. Regions above counties (a city) and regions with no county above them have none, so their
 * projects count in the totals but in no county.
 */
export function countyOfRegion(regions: RegionTree): Map<string, string> {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const out = new Map<string, string>();
  for (const region of regions) {
    let r: (typeof regions)[number] | undefined = region;
    // The walk up stops at a county, at the top, or on a loop in bad data (a region seen twice).
    for (const seen = new Set<string>(); r && r.level !== 'county' && !seen.has(r.id);) {
      seen.add(r.id);
      if (r.level === 'city') r = undefined;
      else r = r.parentId === null ? undefined : byId.get(r.parentId);
    }
    if (r?.level === 'county') out.set(region.id, r.id);
  }
  return out;
}

/** The regions that roll up into each county (the county first, then its towns): the list's region filter. */
export function regionsOfCounties(regions: RegionTree): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of regions) if (r.level === 'county') out.set(r.id, [r.id]);
  for (const [regionId, countyId] of countyOfRegion(regions))
    if (regionId !== countyId) out.get(countyId)?.push(regionId);
  return out;
}
