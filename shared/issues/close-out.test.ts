import { describe, expect, it } from 'vitest';
import type { Visit } from '../domain/visit';
import { checkCloseOut } from './close-out';

const SIGNATURE = {
  role: 'inspector' as const,
  name: '李明',
  signedAt: '2026-12-07T02:00:00.000Z',
  imageSha256: 'a'.repeat(64),
};
const visit = (id: string, date: string, extra: Partial<Visit> = {}) => ({
  id,
  date,
  type: 'reinspection' as const,
  status: 'draft' as const,
  signatures: [],
  reinspectedIssueIds: ['i1'],
  ...extra,
});

describe('the close-out rule', () => {
  it('refuses without any re-inspection visit carrying the issue', () => {
    expect(
      checkCloseOut('i1', [
        visit('v0', '2026-12-01', { type: 'scheduled' }),
        visit('v1', '2026-12-02', { reinspectedIssueIds: ['i2'] }),
      ]),
    ).toEqual({
      ok: false,
      refusal: 'reinspectionMissing',
      visitDate: null,
    });
  });

  it('names the newest re-inspection that is not signed, or signed but not finalized', () => {
    expect(checkCloseOut('i1', [visit('v1', '2026-12-01'), visit('v2', '2026-12-07')])).toEqual({
      ok: false,
      refusal: 'reinspectionUnsigned',
      visitDate: '2026-12-07',
    });
    expect(checkCloseOut('i1', [visit('v2', '2026-12-07', { signatures: [SIGNATURE] })])).toEqual({
      ok: false,
      refusal: 'reinspectionNotFinalized',
      visitDate: '2026-12-07',
    });
  });

  it('does not count a re-inspection from before re-inspection was last asked for', () => {
    const earlier = visit('v1', '2026-12-01', { status: 'finalized', signatures: [SIGNATURE] });
    expect(checkCloseOut('i1', [earlier], '2026-12-05')).toMatchObject({
      ok: false,
      refusal: 'reinspectionMissing',
    });
    expect(checkCloseOut('i1', [earlier], '2026-12-01')).toMatchObject({ ok: true });
  });

  it('allows it once the newest re-inspection carrying the issue is finalized', () => {
    const finalized = visit('v1', '2026-12-05', { status: 'finalized', signatures: [SIGNATURE] });
    expect(checkCloseOut('i1', [finalized])).toEqual({ ok: true, visitId: 'v1' });
    // A later re-inspection still in draft is the one whose result stands.
    expect(checkCloseOut('i1', [finalized, visit('v2', '2026-12-07')])).toMatchObject({
      ok: false,
      refusal: 'reinspectionUnsigned',
    });
  });
});
