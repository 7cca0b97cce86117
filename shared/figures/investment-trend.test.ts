import { describe, expect, it } from 'vitest';
import { type Fen, parseWan } from '../domain/money';
import { investmentTrend } from './investment-trend';

const wan = (text: string): Fen => parseWan(text) as Fen;

describe('investmentTrend', () => {
  it('lists reported amounts by date, oldest first, skipping visits that reported none', () => {
    const trend = investmentTrend([
      { date: '2026-06-12', reportedInvestment: wan('2800') },
      { date: '2026-03-10', reportedInvestment: wan('1200') },
      { date: '2026-04-22', reportedInvestment: null },
      { date: '2026-05-05', reportedInvestment: wan('2100') },
    ]);
    expect(trend).toEqual([
      { date: '2026-03-10', reportedInvestment: wan('1200') },
      { date: '2026-05-05', reportedInvestment: wan('2100') },
      { date: '2026-06-12', reportedInvestment: wan('2800') },
    ]);
  });

  it('keeps the later visit of a day when two report', () => {
    const trend = investmentTrend([
      { date: '2026-05-05', startTime: '15:30', reportedInvestment: wan('2150') },
      { date: '2026-05-05', startTime: '09:00', reportedInvestment: wan('2100') },
      { date: '2026-05-05', startTime: '17:00', reportedInvestment: null },
    ]);
    expect(trend).toEqual([{ date: '2026-05-05', reportedInvestment: wan('2150') }]);
  });

  it('is empty without reports', () => {
    expect(investmentTrend([])).toEqual([]);
    expect(investmentTrend([{ date: '2026-05-05', reportedInvestment: null }])).toEqual([]);
  });
});
