import { describe, expect, it } from 'vitest';
import { distanceKm, nearestProject } from './nearest-project';

const SIMAO = { lat: 22.7869, lng: 100.9772 };
const NINGER = { lat: 23.0483, lng: 101.0456 };
const at = (projectId: string, p: { lat: number; lng: number } | null) => ({
  projectId,
  location: p && { ...p, source: 'typed' as const },
});

describe('the nearest project', () => {
  it('measures great-circle distances', () => {
    expect(distanceKm(SIMAO, NINGER)).toBeGreaterThan(29);
    expect(distanceKm(SIMAO, NINGER)).toBeLessThan(31);
  });

  it('is the project whose visit lies nearest, within 5 km, among the projects offered', () => {
    const visits = [at('p-simao', SIMAO), at('p-ninger', NINGER), at('p-none', null), at('p-gone', NINGER)];
    const projects = new Set(['p-simao', 'p-ninger', 'p-none']);
    const here = { lat: 23.05, lng: 101.046 };
    expect(nearestProject(here, visits, projects)).toMatchObject({ projectId: 'p-ninger' });
    expect(nearestProject({ lat: 24.5, lng: 102 }, visits, projects)).toBeNull();
  });
});
