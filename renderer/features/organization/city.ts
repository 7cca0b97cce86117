// The city the team works in: the region its counties hang under. The team names it (Team.cityId); a
// ledger from before that field has only its one city region.
import type { Organization, WorkingContext } from '../../db';

export function cityOf(org: Organization, working: WorkingContext) {
  const cities = org.all.regions.filter((r) => r.level === 'city');
  return cities.find((r) => r.id === working.team?.cityId) ?? cities.find((r) => r.retired !== true) ?? null;
}
