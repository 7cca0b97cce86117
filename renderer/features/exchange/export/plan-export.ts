// What goes into an export folder, prepared before a byte is written (so the free space can be
// checked first): the bundle's operations, the photo originals by project and visit, the ledgers and
// the bulletin, the import receipts, and the leader's index.html.
import type { TFunction } from 'i18next';
import { encodeOperations } from '../../../../shared/bundle/operations-ndjson';
import { OPERATIONS_PATH, type Knowledge } from '../../../../shared/bundle/manifest';
import type { HostApi } from '../../../../shared/contract';
import { i18next, type Language } from '../../../i18n';
import { typicalProblems } from '../../../../shared/reports/bulletin-figures';
import type { exchangeActions, ExportSnapshot, reportActions } from '../../../db';
import { printPdf } from '../../../host/print-pdf';
import { bulletinReport } from '../../reports';
import { leaderPage } from './leader-page';
import { photoPaths } from './photo-paths';
import type { ExportFile } from './write-export';

export interface ExportChoices {
  /** null: everything; otherwise only what this device is not known to hold. */
  readonly since: Knowledge | null;
  readonly reports: boolean;
  readonly today: string;
  readonly timeZone: string;
  /** The leader's page's language (the reports and ledgers stay Chinese documents). */
  readonly pageLanguage: Language;
}

export interface PlannedExport {
  readonly files: ExportFile[];
  readonly snapshot: ExportSnapshot;
}

export type PlanStep = 'records' | 'ledgers' | 'bulletin' | 'page';

const encoder = new TextEncoder();
const extensionOf = (mimeType: string): string =>
  mimeType === 'image/png' ? '.png' : mimeType === 'image/jpeg' ? '.jpg' : '';
const bytesFile = (path: string, role: ExportFile['role'], bytes: Uint8Array): ExportFile => ({
  path,
  role,
  size: bytes.byteLength,
  content: () => Promise.resolve(bytes),
});

export async function planExport(
  sources: { exchange: ReturnType<typeof exchangeActions>; reports: ReturnType<typeof reportActions> },
  api: Pick<HostApi, 'printPdf'>,
  choices: ExportChoices,
  t: TFunction,
  onStep: (step: PlanStep) => void,
): Promise<PlannedExport> {
  onStep('records');
  const snapshot = await sources.exchange.snapshot(choices.since);
  const page = await sources.exchange.leaderPage();
  const names = {
    projects: new Map(page.projects.map((p) => [p.id, p.name])),
    visitDates: new Map(page.visits.map((v) => [v.id, v.date])),
    issueTitles: new Map(page.issues.map((i) => [i.id, i.title])),
  };
  const paths = photoPaths(snapshot.photos, names);
  const files: ExportFile[] = [
    bytesFile(OPERATIONS_PATH, 'operations', encoder.encode(encodeOperations(snapshot.operations))),
  ];
  for (const photo of snapshot.photos)
    files.push({
      path: paths.get(photo.sha256) ?? `photos/${photo.sha256}`,
      role: 'blob',
      size: photo.byteLength,
      mimeType: photo.mimeType,
      sha256: photo.sha256,
      content: async () => (await sources.exchange.photoOriginal(photo.sha256)) ?? new Uint8Array(),
    });
  for (const blob of snapshot.otherBlobs)
    files.push({
      path: `bundle/blobs/${blob.sha256}${extensionOf(blob.mimeType)}`,
      role: 'blob',
      size: blob.byteLength,
      mimeType: blob.mimeType,
      sha256: blob.sha256,
      content: async () => (await sources.exchange.photoOriginal(blob.sha256)) ?? new Uint8Array(),
    });

  if (choices.reports) {
    onStep('ledgers');
    const regionNames = page.organization.regionNames;
    const ledgerNames = {
      regions: regionNames,
      units: page.organization.unitNames,
      people: page.organization.personNames,
    };
    const year = Number(choices.today.slice(0, 4));
    const [issueExcel, projectExcel] = await Promise.all([
      import('../../reports/excel'),
      import('../../projects/excel'),
    ]);
    const issueTitle = `${String(year)}年${t('reports.ledgers.issues')}`;
    const issueBook = await issueExcel.exportIssueLedger(
      page.issues,
      { ...ledgerNames, projects: names.projects },
      { title: issueTitle, today: choices.today, timeZone: choices.timeZone },
    );
    files.push(bytesFile(`ledgers/${issueTitle}.xlsx`, 'ledger', new Uint8Array(issueBook)));
    const projectTitle = t('excel.exportTitle', { year });
    const projectBook = await projectExcel.exportLedger(page.projects, ledgerNames, {
      title: projectTitle,
      year,
    });
    files.push(bytesFile(`ledgers/${projectTitle}.xlsx`, 'ledger', new Uint8Array(projectBook)));

    onStep('bulletin');
    const from = page.visits[0]?.date ?? choices.today;
    const source = await sources.reports.bulletin({
      from,
      to: choices.today,
      regionIds: null,
      sitePhotos: false,
      timeZone: choices.timeZone,
      typicalIssues: (found) => typicalProblems(found),
    });
    const bulletin = await bulletinReport(
      source,
      {
        from,
        to: choices.today,
        today: choices.today,
        timeZone: choices.timeZone,
        countyId: null,
        edition: `${choices.today.slice(0, 4)}年`,
        nextSteps: '',
        senderName: page.teamName,
        // A copy for whoever gets the stick, not a document sent out: no 版记.
        copyTo: '',
        printedBy: '',
      },
      t,
    );
    const pdf = await printPdf(api, bulletin.html('print'), bulletin.title);
    files.push(bytesFile(`reports/${bulletin.fileName}`, 'report', pdf.bytes));
  }

  const receipts = await sources.exchange.receipts();
  if (receipts.length > 0)
    files.push(
      bytesFile(
        'receipts/import-receipts.json',
        'receipt',
        encoder.encode(`${JSON.stringify(receipts, null, 2)}\n`),
      ),
    );

  onStep('page');
  const identity = await sources.exchange.identity();
  const html = leaderPage(
    {
      source: page,
      photoPaths: paths,
      photos: snapshot.photos,
      today: choices.today,
      createdAt: new Date().toISOString(),
      timeZone: choices.timeZone,
      language: choices.pageLanguage,
      deviceName: identity.name,
      files,
    },
    i18next.getFixedT(choices.pageLanguage),
  );
  files.push(bytesFile('index.html', 'page', encoder.encode(html)));
  return { files, snapshot };
}
