import { describe, expect, it } from 'vitest';
import type { Region } from '../domain/organization';
import { countyOfRegion, regionsOfCounties } from './counties';

type Node = Pick<Region, 'id' | 'level' | 'parentId'>;
const regions: Node[] = [
  { id: 'puer', level: 'city', parentId: null },
  { id: 'simao', level: 'county', parentId: 'puer' },
  { id: 'nanping', level: 'town', parentId: 'simao' },
  { id: 'simao-street', level: 'town', parentId: 'simao' },
  { id: 'ninger', level: 'county', parentId: 'puer' },
  { id: 'ninger-town', level: 'town', parentId: 'ninger' },
  { id: 'jinggu', level: 'county', parentId: 'puer' },
  { id: 'lost-town', level: 'town', parentId: 'gone' }, // its county was deleted
];

describe('countyOfRegion', () => {
  it('rolls towns up into their county; cities and orphans have none', () => {
    expect(Object.fromEntries(countyOfRegion(regions))).toEqual({
      simao: 'simao',
      nanping: 'simao',
      'simao-street': 'simao',
      ninger: 'ninger',
      'ninger-town': 'ninger',
      jinggu: 'jinggu',
    });
  });

  it('stops on a loop in bad data', () => {
    const looped: Node[] = [
      { id: 'a', level: 'town', parentId: 'b' },
      { id: 'b', level: 'town', parentId: 'a' },
    ];
    expect(countyOfRegion(looped).size).toBe(0);
  });
});

describe('regionsOfCounties', () => {
  it('lists each county with its towns, the county first', () => {
    expect(Object.fromEntries(regionsOfCounties(regions))).toEqual({
      simao: ['simao', 'nanping', 'simao-street'],
      ninger: ['ninger', 'ninger-town'],
      jinggu: ['jinggu'],
    });
  });
});
