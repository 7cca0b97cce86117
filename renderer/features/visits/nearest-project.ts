// Which project the inspectors are standing at, when the laptop knows where it is: projects have no
// coordinates of their own, so a project's place is where its visits were recorded (a visit's
// location, typed or from a photo's EXIF). Beyond MAX_KM nothing is "nearest": better no guess.
import type { GeoPoint } from '../../../shared/domain/common';
import type { Visit } from '../../../shared/domain/visit';

/** Farther than this from every known project, nothing is pre-selected. */
export const MAX_KM = 5;

const EARTH_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface NearestProject {
  projectId: string;
  km: number;
}

/** The project whose recorded visit lies nearest to `here`, within MAX_KM; null when none does. */
export function nearestProject(
  here: GeoPoint,
  visits: readonly Pick<Visit, 'projectId' | 'location'>[],
  projectIds: ReadonlySet<string>,
): NearestProject | null {
  let best: NearestProject | null = null;
  for (const v of visits) {
    if (!v.location || !projectIds.has(v.projectId)) continue;
    const km = distanceKm(here, v.location);
    if (km <= MAX_KM && (!best || km < best.km)) best = { projectId: v.projectId, km };
  }
  return best;
}
