// Regions and responsible units, for names and filters.
import type { Region, Unit } from '../../../shared/domain/organization';
import type { DuchaDatabase } from '../database';

/** Names of regions as the ledger shows them: a town with its county ("宁洱县 宁洱镇"), a county alone. */
export async function regionNames(db: DuchaDatabase): Promise<Map<string, string>> {
  const rows: Region[] = await db.regions.toArray();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(
    rows.map((r) => {
      const parent = r.parentId ? byId.get(r.parentId) : undefined;
      return [r.id, r.level === 'town' && parent ? `${parent.name} ${r.name}` : r.name];
    }),
  );
}

export async function unitNames(db: DuchaDatabase): Promise<Map<string, string>> {
  const rows: Unit[] = await db.units.toArray();
  return new Map(rows.map((u) => [u.id, u.shortName]));
}
