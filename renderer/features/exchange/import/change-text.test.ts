// The change list speaks the app's words: field labels from its forms, enums, amounts, instants and
// yes/no in the person's language, and the field's own name only where the app has no label.
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../../test/fixtures/translator';
import { parseWan, type Fen } from '../../../../shared/domain/money';
import { usePreferences } from '../../../stores/preferences';
import { fieldLabel, tableLabel, valueText } from './change-text';

let zh: TFunction;
let en: TFunction;
beforeAll(async () => {
  [zh, en] = await Promise.all([translator('zh-CN'), translator('en')]);
  usePreferences.setState({ timeZone: 'Asia/Shanghai' });
});
const existsIn = (t: TFunction) => (key: string) => t(key) !== key;

describe('fieldLabel', () => {
  it('uses the label of the app’s forms in both languages', () => {
    expect(fieldLabel(zh, existsIn(zh), 'issues', 'deadline')).toBe('整改时限');
    expect(fieldLabel(en, existsIn(en), 'issues', 'deadline')).toBe('Deadline');
    expect(fieldLabel(en, existsIn(en), 'projects', 'responsibleUnitIds')).toBe('Responsible units');
    expect(fieldLabel(zh, existsIn(zh), 'visits', 'progressNarrative')).not.toBe('progressNarrative');
    expect(fieldLabel(en, existsIn(en), 'photos', 'updatedAt')).toBe('Last changed');
  });

  it('falls back to the field’s name where the app has no label', () => {
    expect(fieldLabel(en, existsIn(en), 'photoAnnotations', 'shapes')).toBe('shapes');
  });
});

describe('valueText', () => {
  it('words enums, amounts, yes/no, empty values and instants', () => {
    expect(valueText(zh, existsIn(zh), 'issues', 'status', 'acknowledged')).toBe('已签收');
    expect(valueText(en, existsIn(en), 'projects', 'phase', 'continuing')).toBe('Continuing');
    expect(valueText(zh, existsIn(zh), 'projects', 'totalInvestment', parseWan('6800') as Fen)).toBe(
      '6800.00 万元',
    );
    expect(valueText(en, existsIn(en), 'issues', 'needsCoordination', true)).toBe('Yes');
    expect(valueText(zh, existsIn(zh), 'issues', 'description', '')).toBe('（空）');
    expect(valueText(en, existsIn(en), 'issues', 'closedAt', '2026-11-20T02:00:00.000Z')).toBe(
      '2026-11-20 10:00',
    );
    expect(valueText(en, existsIn(en), 'issues', 'deadline', '2026-12-31')).toBe('2026-12-31');
  });

  it('keeps an unknown enum value and shows lists and objects plainly', () => {
    expect(valueText(en, existsIn(en), 'issues', 'status', 'someday')).toBe('someday');
    expect(valueText(zh, existsIn(zh), 'visits', 'memberIds', ['张三', '李四'])).toBe('张三、李四');
    expect(valueText(en, existsIn(en), 'visits', 'location', { lat: 22.8, lng: 100.9 })).toBe(
      '{"lat":22.8,"lng":100.9}',
    );
  });

  it('names every table in both languages', () => {
    expect(tableLabel(zh, 'issues')).toBe('问题');
    expect(tableLabel(en, 'visitAmendments')).toBe('Visit amendment');
  });
});
