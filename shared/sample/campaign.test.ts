import exifr from 'exifr';
import { beforeAll, describe, expect, it } from 'vitest';
import { DUST_CONTROL_TEMPLATE_KEY } from '../checklists/builtin-templates';
import { ISSUE_STATUSES, type IssueEvent } from '../domain/issue';
import { parseWan } from '../domain/money';
import { RECORD_SCHEMAS } from '../domain/records';
import { DEFAULT_ANNOTATION_COLOR } from '../domain/photo-annotation';
import { amendmentChain } from '../history/amendment-chain';
import { verifyChain } from '../history/chain';
import { UUID_V7 } from '../ids/uuidv7';
import { sha256Hex } from '../crypto/sha256';
import { SYNCED_TABLES } from '../sync/tables';
import { generateCampaign, type Campaign } from './campaign';
import { chinaWallClock } from './dates';

const TODAY = '2026-03-10';
const small = { width: 96, height: 64 };

function eventsByIssue(c: Campaign): Map<string, IssueEvent[]> {
  const out = new Map<string, IssueEvent[]>();
  for (const e of c.issueEvents) {
    const list = out.get(e.issueId);
    if (list) list.push(e);
    else out.set(e.issueId, [e]);
  }
  return out;
}

describe('the default sample campaign', () => {
  let c: Campaign;
  beforeAll(async () => {
    c = await generateCampaign({ today: TODAY });
  });

  it('has every record valid against its table schema', () => {
    for (const table of SYNCED_TABLES) {
      const rows = c[table] as unknown[];
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        const result = RECORD_SCHEMAS[table].safeParse(row);
        expect(result.success, `${table}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      }
    }
  });

  it('has unique UUIDv7 ids and nothing created after today 18:00 China time', () => {
    const ids = SYNCED_TABLES.filter((t) => t !== 'checklistTemplates').flatMap((t) =>
      (c[t] as { id: string }[]).map((r) => r.id),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    for (const table of SYNCED_TABLES) {
      for (const row of c[table] as { createdAt: string; updatedAt: string }[]) {
        expect(row.createdAt <= row.updatedAt).toBe(true);
        expect(row.updatedAt <= '2026-03-10T10:00:00.000Z').toBe(true);
      }
    }
  });

  it('holds the named projects and places of the speeches', () => {
    const byName = new Map(c.projects.map((p) => [p.name, p]));
    const sewage = byName.get('思茅主城区污水处理厂二期及配套管网工程');
    expect(sewage?.completedTotal).toBe(parseWan('3422.5'));
    expect(byName.get('宁洱县城镇生活垃圾处理场')?.completedTotal).toBe(parseWan('835'));
    expect(byName.get('景谷县城镇生活垃圾处理工程')?.completedTotal).toBe(parseWan('1940'));
    const jinxiu = byName.get('锦绣花园经济适用住房项目');
    expect(jinxiu?.scale.households).toBe(1115);
    expect(jinxiu?.scale.description).toContain('1970');
    expect(byName.get('新领秀·东方明珠二期廉租住房项目')?.scale.areaM2).toBe(40_000);
    const chaoqiang = c.projects.find((p) => p.name.includes('超强实业'));
    expect(chaoqiang?.totalInvestment).toBe(parseWan('15000'));
    expect(chaoqiang?.scale.landMu).toBe(110);
    const lowRent = c.projects.filter((p) => /^(思茅区|宁洱县|景谷县)廉租住房/.test(p.name));
    expect(lowRent.reduce((sum, p) => sum + (p.scale.areaM2 ?? 0), 0)).toBe(98_062);
    for (const name of ['峰峰集团煤化工二期', '金隅集团', '新奥集团', '雨润集团10万头生猪']) {
      expect(
        c.projects.some((p) => p.name.includes(name)),
        name,
      ).toBe(true);
    }
    const regionNames = c.regions.map((r) => r.name);
    for (const place of ['普洱市', '思茅区', '宁洱县', '景谷县', '东川区', '峰峰矿区'])
      expect(regionNames).toContain(place);
    const chaoqiangIssues = c.issues
      .filter((i) => i.projectId === chaoqiang?.id)
      .map((i) => i.title)
      .join('|');
    expect(chaoqiangIssues).toMatch(/50千伏安/);
    expect(chaoqiangIssues).toMatch(/孟蒋线/);
    expect(chaoqiangIssues).toMatch(/水/);
  });

  it('has consistent references between records', () => {
    const ids = (rows: { id: string }[]): Set<string> => new Set(rows.map((r) => r.id));
    const regions = ids(c.regions);
    const units = ids(c.units);
    const people = ids(c.people);
    const projects = ids(c.projects);
    const visits = ids(c.visits);
    const issues = ids(c.issues);
    const blobs = new Set(c.photoBlobs.map((b) => b.sha256));
    for (const r of c.regions) if (r.parentId !== null) expect(regions.has(r.parentId)).toBe(true);
    for (const p of c.projects) {
      expect(regions.has(p.regionId)).toBe(true);
      for (const u of p.responsibleUnitIds) expect(units.has(u)).toBe(true);
      if (p.leaderId !== null) expect(people.has(p.leaderId)).toBe(true);
    }
    for (const v of c.visits) {
      expect(projects.has(v.projectId)).toBe(true);
      for (const m of v.memberIds) expect(people.has(m)).toBe(true);
      for (const i of v.reinspectedIssueIds) expect(issues.has(i)).toBe(true);
      for (const s of v.signatures) expect(blobs.has(s.imageSha256)).toBe(true);
      expect(v.signatures.length).toBe(v.status === 'finalized' ? 2 : 0);
    }
    for (const r of c.checklistResults) expect(visits.has(r.visitId)).toBe(true);
    for (const p of c.photos) {
      expect(projects.has(p.projectId)).toBe(true);
      if (p.visitId !== null) expect(visits.has(p.visitId)).toBe(true);
      if (p.issueId !== null) expect(issues.has(p.issueId)).toBe(true);
      expect(blobs.has(p.sha256)).toBe(true);
    }
    for (const e of c.issueEvents) for (const h of e.evidencePhotoSha256) expect(blobs.has(h)).toBe(true);
  });

  it('amends a finalized visit with a valid chain, and marks a photo without touching it', async () => {
    const [amendment] = c.visitAmendments;
    const visit = c.visits.find((v) => v.id === amendment?.visitId);
    expect(visit?.status).toBe('finalized');
    expect(amendment?.changes).toEqual([
      { field: 'workersOnSite', before: (visit?.workersOnSite ?? 0) - 12, after: visit?.workersOnSite },
    ]);
    expect(await amendmentChain.verifyChain(c.visitAmendments)).toEqual({ ok: true });
    const [annotation] = c.photoAnnotations;
    const photo = c.photos.find((p) => p.id === annotation?.photoId);
    expect(photo?.sha256).toBe(annotation?.sha256);
    expect(annotation?.shapes.every((s) => s.color === DEFAULT_ANNOTATION_COLOR)).toBe(true);
  });

  it('has issues at every lifecycle status, with extensions, sent-back histories and deadlines on both sides of today', () => {
    const statuses = new Set(c.issues.map((i) => i.status));
    for (const s of ISSUE_STATUSES) expect(statuses.has(s), s).toBe(true);
    const kinds = new Set(c.issueEvents.map((e) => e.kind));
    for (const k of [
      'extensionRequested',
      'extensionGranted',
      'extensionRefused',
      'sentBack',
      'closed',
    ] as const) {
      expect(kinds.has(k), k).toBe(true);
    }
    expect(c.issues.some((i) => i.deadline < TODAY && i.status !== 'closed')).toBe(true); // overdue
    expect(c.issues.some((i) => i.deadline > TODAY)).toBe(true);
    expect(c.issues.some((i) => i.deadline !== i.originalDeadline && i.deadline > i.originalDeadline)).toBe(
      true,
    );
    expect(c.issues.some((i) => i.needsCoordination)).toBe(true);
    expect(c.issues.some((i) => !i.needsCoordination)).toBe(true);
    for (const i of c.issues) {
      expect(i.noticeNumber === null).toBe(i.status === 'draft');
      if (i.noticeNumber !== null) expect(i.noticeNumber).toMatch(/^督查(专)?〔2026〕\d+号$/);
      expect(i.closedAt === null).toBe(i.status !== 'closed');
    }
    expect(c.visits.some((v) => v.type === 'reinspection' && v.reinspectedIssueIds.length > 0)).toBe(true);
  });

  it("has a valid hash chain for every issue, ending in the issue's status", async () => {
    const byIssue = eventsByIssue(c);
    expect(byIssue.size).toBe(c.issues.length);
    for (const issue of c.issues) {
      const events = byIssue.get(issue.id) ?? [];
      expect(await verifyChain(events)).toEqual({ ok: true });
      const sorted = [...events].sort((a, b) => a.seq - b.seq);
      expect(sorted[0]?.kind).toBe('created');
      expect(sorted.at(-1)?.toStatus).toBe(issue.status);
      for (let k = 1; k < sorted.length; k++) {
        expect(sorted[k]?.fromStatus).toBe(sorted[k - 1]?.toStatus);
        expect((sorted[k]?.at ?? '') > (sorted[k - 1]?.at ?? '')).toBe(true);
      }
      const granted = sorted.filter((e) => e.kind === 'extensionGranted');
      if (granted.length > 0) expect(granted.at(-1)?.newDeadline).toBe(issue.deadline);
    }
  });

  it('breaks verification at the tampered event', async () => {
    const [issueId, events] = [...eventsByIssue(c)].find(([, evs]) => evs.length >= 5) ?? ['', []];
    expect(issueId).not.toBe('');
    const copy = events.map((e) => ({ ...e }));
    const target = copy.find((e) => e.seq === 3);
    if (!target) throw new Error('no seq 3');
    target.note = '整改已全部完成。'; // rewriting history
    expect(await verifyChain(copy)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('has real JPEG photos whose hashes, EXIF time and GPS match their records', async () => {
    expect(c.photos.length).toBe(36);
    const blobs = new Map(c.photoBlobs.map((b) => [b.sha256, b]));
    const visits = new Map(c.visits.map((v) => [v.id, v]));
    for (const b of c.photoBlobs) expect(await sha256Hex(b.bytes)).toBe(b.sha256);
    for (const p of c.photos) {
      expect(blobs.get(p.sha256)?.bytes.length).toBe(p.byteLength);
      expect(p.takenAt).toMatch(/:\d{2}\.000Z$/); // whole seconds, as EXIF records them
      if (p.visitId !== null && p.takenAt !== null) {
        expect(chinaWallClock(Date.parse(p.takenAt)).date).toBe(visits.get(p.visitId)?.date);
      }
    }
    expect(c.photos.some((p) => p.caption.endsWith('（整改前）'))).toBe(true);
    expect(c.photos.some((p) => p.caption.endsWith('（整改后）'))).toBe(true);

    const photo = c.photos.find((p) => p.visitId !== null && p.gps !== null);
    const bytes = photo ? blobs.get(photo.sha256)?.bytes : undefined;
    if (!photo?.gps || !photo.takenAt || !bytes) throw new Error('no photo to check');
    const tags = (await exifr.parse(bytes, { reviveValues: false })) as Record<string, unknown>;
    const wall = chinaWallClock(Date.parse(photo.takenAt));
    expect(tags.DateTimeOriginal).toBe(`${wall.date.replaceAll('-', ':')} ${wall.hhmmss}`);
    expect(tags.OffsetTimeOriginal).toBe('+08:00');
    expect(Math.abs((tags.latitude as number) - photo.gps.lat)).toBeLessThan(0.0001);
    expect(Math.abs((tags.longitude as number) - photo.gps.lng)).toBeLessThan(0.0001);
    expect(visits.get(photo.visitId ?? '')?.location).not.toBeNull();
  });

  it('fills dust-control checklists, with a "no" where a dust problem was found and site photos attached', () => {
    const dust = c.checklistResults.filter((r) => r.templateKey === DUST_CONTROL_TEMPLATE_KEY);
    expect(dust.length).toBeGreaterThan(5);
    const template = c.checklistTemplates.find((t) => t.key === DUST_CONTROL_TEMPLATE_KEY);
    for (const r of dust) {
      expect(r.templateId).toBe(template?.id);
      for (const item of template?.sections.flatMap((s) => s.items) ?? [])
        expect(r.answers[item.id]?.kind).toBe(item.answerKind);
    }
    expect(
      dust.some((r) => Object.values(r.answers).some((a) => a.kind === 'photo' && a.value.length > 0)),
    ).toBe(true);
    const photoIds = new Set(c.photos.filter((p) => p.checklistItemId === 'sitePhoto').map((p) => p.sha256));
    for (const r of dust) {
      const answer = r.answers.sitePhoto;
      if (answer?.kind === 'photo') for (const h of answer.value) expect(photoIds.has(h)).toBe(true);
    }
  });
});

describe('generateCampaign', () => {
  it('is deterministic: same seed and options give deep-equal campaigns, photo bytes included', async () => {
    const a = await generateCampaign({ seed: 7, today: TODAY, photoSize: small });
    const b = await generateCampaign({ seed: 7, today: TODAY, photoSize: small });
    expect(b).toEqual(a);
    const other = await generateCampaign({ seed: 8, today: TODAY, photoSize: small });
    expect(other.issues.map((i) => i.id)).not.toEqual(a.issues.map((i) => i.id));
    expect(other.photoBlobs.map((p) => p.sha256)).not.toEqual(a.photoBlobs.map((p) => p.sha256));
  });

  it('follows `today`', async () => {
    const c = await generateCampaign({ today: '2031-07-01', scale: { photos: 2 }, photoSize: small });
    expect(c.projects.every((p) => p.planYear === 2031)).toBe(true);
    expect(c.visits.every((v) => v.date <= '2031-07-01' && v.date >= '2031-04-01')).toBe(true);
  });

  it('makes exactly the asked numbers of records at scale, with valid references', async () => {
    const c = await generateCampaign({
      today: TODAY,
      scale: { projects: 200, visits: 2000, issues: 5000, photos: 0 },
    });
    expect([c.projects.length, c.visits.length, c.issues.length, c.photos.length]).toEqual([
      200, 2000, 5000, 0,
    ]);
    const projects = new Map(c.projects.map((p) => [p.id, p]));
    const regions = new Set(c.regions.map((r) => r.id));
    const units = new Set(c.units.map((u) => u.id));
    const visits = new Set(c.visits.map((v) => v.id));
    expect(
      c.projects.some((p) =>
        /^.+(县|区)(污水处理|垃圾处理|廉租住房|经济适用住房|棚户区改造|园区基础设施|产业|道路|其他)项目\d+$/.test(
          p.name,
        ),
      ),
    ).toBe(true);
    for (const v of c.visits) expect(projects.has(v.projectId)).toBe(true);
    for (const i of c.issues) {
      expect(projects.get(i.projectId)?.regionId).toBe(i.regionId);
      expect(regions.has(i.regionId)).toBe(true);
      for (const u of i.responsibleUnitIds) expect(units.has(u)).toBe(true);
      if (i.visitId !== null) expect(visits.has(i.visitId)).toBe(true);
    }
    const statuses = new Set(c.issues.map((i) => i.status));
    expect(statuses.size).toBe(ISSUE_STATUSES.length);
    for (const table of ['projects', 'visits', 'issues', 'issueEvents', 'checklistResults'] as const) {
      for (const row of c[table]) expect(RECORD_SCHEMAS[table].safeParse(row).success, table).toBe(true);
    }
  });

  it('imports issues beyond the full-history budget with a single event in their status', async () => {
    const c = await generateCampaign({
      today: TODAY,
      scale: { projects: 30, visits: 120, issues: 400, photos: 0, fullHistories: 100 },
    });
    const byIssue = eventsByIssue(c);
    let imported = 0;
    for (const issue of c.issues) {
      const events = byIssue.get(issue.id) ?? [];
      expect(await verifyChain(events)).toEqual({ ok: true });
      expect(events.at(-1)?.toStatus).toBe(issue.status);
      if (events.length === 1 && issue.status !== 'draft') imported++;
    }
    expect(imported).toBeGreaterThan(200);
    expect(c.issues.slice(0, 100).every((i) => (byIssue.get(i.id)?.length ?? 0) >= 1)).toBe(true);
  });

  it('makes no photos, visits or issues when asked for none', async () => {
    const c = await generateCampaign({
      today: TODAY,
      scale: { projects: 3, visits: 0, issues: 0, photos: 0 },
    });
    expect([
      c.projects.length,
      c.visits.length,
      c.issues.length,
      c.issueEvents.length,
      c.photos.length,
    ]).toEqual([3, 0, 0, 0, 0]);
  });

  it('rejects bad options', async () => {
    await expect(generateCampaign({ today: '2026-02-30' })).rejects.toThrow(RangeError);
    await expect(generateCampaign({ today: TODAY, scale: { issues: -1 } })).rejects.toThrow(RangeError);
    await expect(generateCampaign({ today: TODAY, scale: { projects: 0, visits: 3 } })).rejects.toThrow(
      RangeError,
    );
  });
});
