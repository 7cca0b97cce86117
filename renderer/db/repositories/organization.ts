// Regions and responsible units, for names and filters.
import type { Region, Unit } from '../../../shared/domain/organization';
import type { DuchaDatabase } from '../database';

export async function regionNames(db: DuchaDatabase): Promise<Map<string, string>> {
  const rows: Region[] = await db.regions.toArray();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function unitNames(db: DuchaDatabase): Promise<Map<string, string>> {
  const rows: Unit[] = await db.units.toArray();
  return new Map(rows.map((u) => [u.id, u.shortName]));
}
