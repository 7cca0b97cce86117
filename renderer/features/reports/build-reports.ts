// From the records of renderer/db to the documents of templates/: names looked up, photos prepared,
// figures computed (shared/reports), each document a PreparedReport.
import type { TFunction } from 'i18next';
import { createElement } from 'react';
import type { BulletinSource, CloseOutSource, NoticeSource, VisitRecordSource } from '../../db';
import { localDate } from '../../../shared/domain/dates';
import { bulletinFigures } from '../../../shared/reports/bulletin-figures';
import { bulletinTables } from './bulletin-tables-data';
import type { DocumentSigner } from './document-signer';
import type { BulletinTables } from './excel';
import { type PreparedReport, safeFileName } from './prepared-report';
import { photoProblems, toPrintPhoto, toPrintPhotos } from './print-photos';
import { renderReport } from './render-report';
import { Bulletin } from './templates/Bulletin';
import { CloseOutRecord } from './templates/CloseOutRecord';
import type { PrintPhoto } from './templates/parts';
import { RectificationNotice } from './templates/RectificationNotice';
import { VisitRecord } from './templates/VisitRecord';
import { amendmentNotes } from './templates/amendment-notes';
import { fieldLabel, formatAmendedValue } from '../visits';

export type Progress = (done: number, total: number) => void;

function counter(total: number, onProgress: Progress) {
  let done = 0;
  onProgress(0, total);
  return () => onProgress((done += 1), total);
}

export async function visitRecordReport(
  source: VisitRecordSource,
  t: TFunction,
  timeZone: string,
  onProgress: Progress = () => {},
  /** The working team, for a visit that names no team of its own. */
  signer: DocumentSigner | null = null,
): Promise<PreparedReport> {
  const step = counter(source.photos.length + source.signatures.size, onProgress);
  const photos = await toPrintPhotos(source.photos, step);
  const signatures = new Map<string, PrintPhoto>();
  for (const [sha256, blob] of source.signatures) {
    signatures.set(sha256, await toPrintPhoto({ photo: { sha256, caption: '', fileName: '' }, blob }, 600));
    step();
  }
  const { organization: org, visit, project } = source;
  const model = {
    visit,
    project,
    regionName: org.regionNames.get(project.regionId) ?? '',
    teamName: source.team?.name ?? signer?.teamName ?? '',
    memberNames: visit.memberIds.map((id) => org.personNames.get(id) ?? '').filter(Boolean),
    checklists: source.checklists,
    findings: source.findings,
    unitNames: org.unitNames,
    photos,
    signatures,
    timeZone,
    amendmentNotes: amendmentNotes(source.amendments, {
      label: (field) => fieldLabel(t, field),
      value: (field, value) => formatAmendedValue(t, field, value, (id) => org.personNames.get(id) ?? id),
    }),
  };
  const title = `${t('reports.visitRecord.title')} ${project.name} ${visit.date}`;
  return {
    title,
    fileName: safeFileName(title, 'pdf'),
    html: (mode) => renderReport(createElement(VisitRecord, { model, t, mode })),
    problems: photoProblems(photos),
  };
}

export function noticeReport(
  source: NoticeSource,
  t: TFunction,
  unitId: string | null,
  signer: DocumentSigner,
  timeZone: string,
): PreparedReport {
  const org = source.organization;
  // The unit it goes to: the one chosen, else the first unit all its issues share, else the first named.
  const shared = source.issues[0]?.responsibleUnitIds.find((u) =>
    source.issues.every((i) => i.responsibleUnitIds.includes(u)),
  );
  const to = unitId ?? shared ?? source.issues[0]?.responsibleUnitIds[0] ?? '';
  const unit = org.units.find((u) => u.id === to);
  const issuedAt = [...source.issuedAt.values()].sort()[0];
  const model = {
    number: source.number,
    unitId: to,
    unitName: unit?.name ?? org.unitNames.get(to) ?? '',
    issues: source.issues,
    projectNames: new Map([...source.projects].map(([id, p]) => [id, p.name])),
    unitNames: org.unitNames,
    issuedOn: issuedAt ? localDate(Date.parse(issuedAt), timeZone) : localDate(Date.now(), timeZone),
    senderName: signer.sender,
    copyTo: signer.copyTo,
    printedBy: signer.printedBy,
  };
  const title = `${t('reports.notice.title')} ${source.number}`;
  return {
    title,
    fileName: safeFileName(title, 'pdf'),
    html: (mode) => renderReport(createElement(RectificationNotice, { model, t, mode })),
    problems: [],
    // docx is loaded only when a Word file is asked for: most sessions never save one.
    word: async () => (await import('./word')).noticeDocx(model, t),
  };
}

export async function closeOutReport(
  source: CloseOutSource,
  t: TFunction,
  timeZone: string,
  onProgress: Progress = () => {},
  signer: DocumentSigner | null = null,
): Promise<PreparedReport> {
  const step = counter(source.before.length + source.after.length, onProgress);
  const before = await toPrintPhotos(source.before, step);
  const after = await toPrintPhotos(source.after, step);
  const org = source.organization;
  const model = {
    issue: source.issue,
    projectName: source.project.name,
    regionName: org.regionNames.get(source.issue.regionId) ?? '',
    unitNames: source.issue.responsibleUnitIds.map((u) => org.unitNames.get(u) ?? u),
    history: source.history,
    reinspectionDate: source.reinspection?.date ?? null,
    before,
    after,
    timeZone,
    senderName: signer?.sender ?? '',
  };
  const title = `${t('reports.closeOut.title')} ${source.project.name} ${source.issue.title}`;
  return {
    title,
    fileName: safeFileName(title, 'pdf'),
    html: (mode) => renderReport(createElement(CloseOutRecord, { model, t, mode })),
    problems: photoProblems([...before, ...after]),
  };
}

export interface BulletinOptions {
  from: string;
  to: string;
  today: string;
  timeZone: string;
  countyId: string | null;
  edition: string;
  nextSteps: string;
  senderName: string;
  /** 抄送 and 印发机关 of the 版记, from the team's settings; '' when none. */
  copyTo: string;
  printedBy: string;
}

export interface PreparedBulletin extends PreparedReport {
  /** The bulletin's tables for its spreadsheet. */
  tables: BulletinTables;
}

export async function bulletinReport(
  source: BulletinSource,
  options: BulletinOptions,
  t: TFunction,
  onProgress: Progress = () => {},
): Promise<PreparedBulletin> {
  const org = source.organization;
  const figures = bulletinFigures(source.issues, org.regions, {
    from: options.from,
    to: options.to,
    today: options.today,
    timeZone: options.timeZone,
    countyId: options.countyId,
  });
  const visitPhotos = [...source.photosByVisit.values()].reduce((n, list) => n + list.length, 0);
  const issuePhotos = figures.typical.reduce((n, i) => n + (source.photosByIssue.get(i.id)?.length ?? 0), 0);
  const step = counter(visitPhotos + issuePhotos, onProgress);
  const typicalPhotos = new Map<string, PrintPhoto[]>();
  for (const issue of figures.typical)
    typicalPhotos.set(issue.id, await toPrintPhotos(source.photosByIssue.get(issue.id) ?? [], step));
  const sitePhotos: { label: string; photos: PrintPhoto[] }[] = [];
  for (const visit of source.visits) {
    const photos = source.photosByVisit.get(visit.id) ?? [];
    if (photos.length === 0) continue;
    sitePhotos.push({
      label: `${visit.date} ${source.projects.get(visit.projectId)?.name ?? ''}`,
      photos: await toPrintPhotos(photos, step),
    });
  }
  const areaName =
    options.countyId === null
      ? t('reports.bulletin.allAreas')
      : (org.regionNames.get(options.countyId) ?? options.countyId);
  const model = {
    edition: options.edition,
    from: options.from,
    to: options.to,
    today: options.today,
    areaName,
    senderName: options.senderName,
    copyTo: options.copyTo,
    printedBy: options.printedBy,
    visits: source.visits.length,
    projects: new Set(source.visits.map((v) => v.projectId)).size,
    figures,
    regionNames: org.regionNames,
    unitNames: org.unitNames,
    projectNames: new Map([...source.projects].map(([id, p]) => [id, p.name])),
    typicalPhotos,
    nextSteps: options.nextSteps,
    sitePhotos,
  };
  const title = `${t('reports.bulletin.title')} ${areaName} ${options.edition}`;
  return {
    title,
    fileName: safeFileName(title, 'pdf'),
    html: (mode) => renderReport(createElement(Bulletin, { model, t, mode })),
    problems: photoProblems([...[...typicalPhotos.values()].flat(), ...sitePhotos.flatMap((s) => s.photos)]),
    word: async () => (await import('./word')).bulletinDocx(model, t),
    tables: bulletinTables(
      figures,
      { regions: org.regionNames, units: org.unitNames, projects: model.projectNames },
      { from: options.from, to: options.to },
      areaName,
      t('dashboard.rankingRule'),
    ),
  };
}
