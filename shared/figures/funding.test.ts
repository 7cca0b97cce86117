import { describe, expect, it } from 'vitest';
import { type Fen, parseWan } from '../domain/money';
import type { FundingLine } from '../domain/project';
import { fundingArrivalRate, fundingBySource } from './funding';

const wan = (text: string): Fen => parseWan(text) as Fen;
const line = (source: FundingLine['source'], committed: string, arrived: string): FundingLine => ({
  source,
  committed: wan(committed),
  arrived: wan(arrived),
});

// A housing project: central subsidy in two tranches, a county match that has not come, a loan.
const funding: FundingLine[] = [
  line('loan', '2000', '500'),
  line('centralSubsidy', '1200', '1200'),
  line('countyMatch', '800', '0'),
  line('centralSubsidy', '300', '150'),
];

describe('fundingArrivalRate (资金到位率)', () => {
  it('divides all arrived funds by all committed funds', () => {
    // arrived 500 + 1200 + 0 + 150 = 1850; committed 2000 + 1200 + 800 + 300 = 4300;
    // 1850 / 4300 = 0.43023255813953487.
    expect(fundingArrivalRate({ funding })).toBeCloseTo(1850 / 4300, 12);
    expect(fundingArrivalRate({ funding })).toBeCloseTo(0.430232558, 9);
  });

  it('is null when nothing is committed', () => {
    expect(fundingArrivalRate({ funding: [] })).toBeNull();
    expect(fundingArrivalRate({ funding: [line('private', '0', '0')] })).toBeNull();
  });
});

describe('fundingBySource', () => {
  it('adds lines of one source and lists sources in the ledger order', () => {
    // central: committed 1200 + 300 = 1500, arrived 1200 + 150 = 1350 → 1350 / 1500 = 0.9;
    // county match: 0 / 800 = 0; loan: 500 / 2000 = 0.25. Order: central, countyMatch, loan.
    expect(fundingBySource({ funding })).toEqual([
      { source: 'centralSubsidy', committed: wan('1500'), arrived: wan('1350'), rate: 0.9 },
      { source: 'countyMatch', committed: wan('800'), arrived: wan('0'), rate: 0 },
      { source: 'loan', committed: wan('2000'), arrived: wan('500'), rate: 0.25 },
    ]);
  });

  it('gives a null rate for a source with nothing committed', () => {
    expect(fundingBySource({ funding: [line('private', '0', '10')] })).toEqual([
      { source: 'private', committed: wan('0'), arrived: wan('10'), rate: null },
    ]);
  });
});
