import { describe, expect, it } from 'vitest';
import { translator } from '../../../test/fixtures/translator';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { PHOTO_INTAKE_ERROR_KINDS } from '../../../shared/photos/intake-errors';
import { failureMessage, formatRate } from './intake-messages';
import type { IntakeFailureKind } from './intake-run';

const KINDS: readonly IntakeFailureKind[] = [...PHOTO_INTAKE_ERROR_KINDS, 'unexpected'];
const FILE = '现场/3月/IMG_0042.JPG';

describe.each(['zh-CN', 'en'] as const)('failure messages in %s', (lng) => {
  it('has a message for every kind of failure, naming the file', async () => {
    const t = await translator(lng);
    const messages = KINDS.map((kind) =>
      failureMessage(t, { status: 'failed', label: FILE, kind, detail: 'QuotaExceededError' }),
    );
    for (const [i, message] of messages.entries()) {
      expect(message, KINDS[i]).toContain(FILE);
      expect(message, KINDS[i]).not.toContain('photos.errors');
      expect(message, KINDS[i]).not.toContain('{{');
    }
    // Each kind says something of its own.
    expect(new Set(messages).size).toBe(KINDS.length);
  });

  it('keeps the technical detail out of the message, for the details line', async () => {
    const t = await translator(lng);
    const detail = 'InvalidRecordError: photos x: caption too long';
    for (const kind of ['unexpected', 'undecodable'] as const)
      expect(failureMessage(t, { status: 'failed', label: FILE, kind, detail }), kind).not.toContain(detail);
    expect(failureMessage(t, { status: 'failed', label: FILE, kind: 'unexpected', detail })).toContain(
      t('errors.unexpected'),
    );
  });
});

describe('the message catalogues', () => {
  it('list the same intake error kinds in both languages, and nothing else', () => {
    const expected = [...KINDS].sort();
    expect(Object.keys(zhCN.photos.errors).sort()).toEqual(expected);
    expect(Object.keys(en.photos.errors).sort()).toEqual(expected);
  });
});

describe('formatRate', () => {
  it('keeps one decimal for slow rates only', () => {
    expect(formatRate(0.25)).toBe('0.3');
    expect(formatRate(3)).toBe('3.0');
    expect(formatRate(37.4)).toBe('37');
  });
});
