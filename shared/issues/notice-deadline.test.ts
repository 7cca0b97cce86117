import { describe, expect, it } from 'vitest';
import { checkNoticeDeadline, isShortDeadline } from './notice-deadline';

const today = '2026-12-07';

describe('the deadline a notice may order', () => {
  it('refuses a day already past, even with a reason', () => {
    expect(checkNoticeDeadline({ deadline: '2026-11-11', today, shortReason: '急' })).toMatchObject({
      ok: false,
      refusal: 'deadlinePast',
    });
    expect(checkNoticeDeadline({ deadline: '2026-12-06', today }).ok).toBe(false);
  });

  it('accepts today and later when the team sets no minimum', () => {
    expect(checkNoticeDeadline({ deadline: today, today })).toEqual({ ok: true, short: false });
    expect(checkNoticeDeadline({ deadline: '2026-12-20', today, minimumDays: 0 })).toEqual({
      ok: true,
      short: false,
    });
  });

  it("asks a reason for a deadline sooner than the team's minimum, and takes it when given", () => {
    expect(checkNoticeDeadline({ deadline: '2026-12-10', today, minimumDays: 7 })).toEqual({
      ok: false,
      refusal: 'shortDeadlineReasonRequired',
      earliestWithoutReason: '2026-12-14',
    });
    expect(checkNoticeDeadline({ deadline: '2026-12-10', today, minimumDays: 7, shortReason: '  ' }).ok).toBe(
      false,
    );
    expect(
      checkNoticeDeadline({ deadline: '2026-12-10', today, minimumDays: 7, shortReason: '汛期前必须完成' }),
    ).toEqual({ ok: true, short: true });
    expect(checkNoticeDeadline({ deadline: '2026-12-14', today, minimumDays: 7 })).toEqual({
      ok: true,
      short: false,
    });
    expect(isShortDeadline('2026-12-13', today, 7)).toBe(true);
    expect(isShortDeadline('2026-12-14', today, 7)).toBe(false);
  });
});
