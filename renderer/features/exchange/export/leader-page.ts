// index.html of an export folder: one page a leader opens in any browser, with no app and no network —
// the figures, the projects, the issues with their cards, and the photos (links into the folder).
// In the language chosen at export (the app's, by default), unlike the reports and ledgers, which
// are Chinese documents for the office files: the page is for whoever opens the stick. Its time is
// the team's local time, as the folder's name is, never a raw UTC instant.
import type { TFunction } from 'i18next';
import { colourCard } from '../../../../shared/issues/colour-card';
import type { ExportPhoto, LeaderPageSource } from '../../../db';
import type { Language } from '../../../i18n';
import { formatInstant } from '../../../ui/format-instant';

const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

/** A path inside the folder as a relative URL (Chinese names and spaces escaped, slashes kept). */
const href = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

export interface LeaderPageInput {
  readonly source: LeaderPageSource;
  /** sha256 → path of the original in the folder. */
  readonly photoPaths: ReadonlyMap<string, string>;
  readonly photos: readonly ExportPhoto[];
  readonly today: string;
  /** When the export was made, an ISO 8601 instant; the page shows it on the team's clock. */
  readonly createdAt: string;
  /** The team's time zone (Settings). */
  readonly timeZone: string;
  /** The page's language; `t` must speak it. */
  readonly language: Language;
  readonly deviceName: string;
  readonly files: readonly { path: string; role: string }[];
}

const CSS = `body{font-family:"Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#1f1f1f}
h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:2px solid #c00;padding-bottom:4px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #bbb;padding:4px 6px;text-align:left}
th{background:#f2f2f2}.figures{display:flex;flex-wrap:wrap;gap:12px}.figure{border:1px solid #ddd;padding:8px 14px;min-width:120px}
.figure b{display:block;font-size:22px}.red{color:#fff;background:#cf1322}.yellow{background:#fadb14}.green{color:#fff;background:#389e0d}
.card{padding:1px 6px;border-radius:3px;white-space:nowrap}.photos{display:flex;flex-wrap:wrap;gap:8px}.photos figure{margin:0;width:220px}
.photos img{width:220px;height:165px;object-fit:cover;border:1px solid #ccc}figcaption{font-size:12px}`;

export function leaderPage(input: LeaderPageInput, t: TFunction): string {
  const { source, today } = input;
  const { organization } = source;
  const projectName = new Map(source.projects.map((p) => [p.id, p.name]));
  const open = source.issues.filter((i) => i.status !== 'closed');
  const closed = source.issues.length - open.length;
  const red = open.filter((i) => colourCard(i, today) === 'red').length;
  const rate = source.issues.length === 0 ? '—' : `${((closed / source.issues.length) * 100).toFixed(1)}%`;
  const figure = (label: string, value: string | number) =>
    `<div class="figure">${esc(label)}<b>${esc(String(value))}</b></div>`;
  const visitsOf = new Map<string, number>();
  for (const v of source.visits) visitsOf.set(v.projectId, (visitsOf.get(v.projectId) ?? 0) + 1);
  const openOf = new Map<string, number>();
  for (const i of open) openOf.set(i.projectId, (openOf.get(i.projectId) ?? 0) + 1);

  const projectRows = source.projects
    .map(
      (p) =>
        `<tr><td>${esc(p.name)}</td><td>${esc(organization.regionNames.get(p.regionId) ?? '')}</td><td>${esc(
          t(`category.${p.category}`),
        )}</td><td>${esc(t(`phase.${p.phase}`))}</td><td>${String(visitsOf.get(p.id) ?? 0)}</td><td>${String(
          openOf.get(p.id) ?? 0,
        )}</td></tr>`,
    )
    .join('');
  const issueRows = source.issues
    .map((i) => {
      const card = colourCard(i, today);
      const units = i.responsibleUnitIds.map((u) => organization.unitNames.get(u) ?? u).join('、');
      return `<tr><td>${esc(i.title)}</td><td>${esc(projectName.get(i.projectId) ?? '')}</td><td>${esc(
        units,
      )}</td><td>${esc(i.deadline)}</td><td>${esc(t(`issue.status.${i.status}`))}</td><td>${
        card ? `<span class="card ${card}">${esc(t(`issue.card.${card}`))}</span>` : ''
      }</td></tr>`;
    })
    .join('');
  const photoSections = source.projects
    .map((p) => {
      const photos = input.photos.filter((ph) => ph.projectId === p.id && input.photoPaths.has(ph.sha256));
      if (photos.length === 0) return '';
      const items = photos
        .map((ph) => {
          const path = href(input.photoPaths.get(ph.sha256) ?? '');
          const caption = ph.visitId
            ? `${source.visits.find((v) => v.id === ph.visitId)?.date ?? ''} ${ph.fileName}`
            : ph.fileName;
          return `<figure><a href="${path}"><img loading="lazy" src="${path}" alt="${esc(caption)}"></a><figcaption>${esc(caption)}</figcaption></figure>`;
        })
        .join('');
      return `<h3>${esc(p.name)}</h3><div class="photos">${items}</div>`;
    })
    .join('');
  const documents = input.files
    .filter((f) => f.role === 'report' || f.role === 'ledger')
    .map((f) => `<li><a href="${href(f.path)}">${esc(f.path.split('/').at(-1) ?? f.path)}</a></li>`)
    .join('');
  const l = (key: string) => esc(t(`exchange.page.${key}`));
  return `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'">
<title>${l('title')}</title><style>${CSS}</style></head><body>
<h1>${l('title')}</h1><p>${esc(t('exchange.page.madeBy', { device: input.deviceName, time: formatInstant(input.createdAt, input.language, input.timeZone) }))}</p>
<h2>${l('figures')}</h2><div class="figures">${figure(t('exchange.page.projects'), source.projects.length)}${figure(
    t('exchange.page.visits'),
    source.visits.length,
  )}${figure(t('exchange.page.issues'), source.issues.length)}${figure(t('exchange.page.open'), open.length)}${figure(
    t('exchange.page.closed'),
    closed,
  )}${figure(t('exchange.page.rate'), rate)}${figure(t('exchange.page.red'), red)}</div>
${documents ? `<h2>${l('documents')}</h2><ul>${documents}</ul>` : ''}
<h2>${l('projectList')}</h2><table><thead><tr><th>${l('project')}</th><th>${l('region')}</th><th>${l('category')}</th><th>${l(
    'phase',
  )}</th><th>${l('visits')}</th><th>${l('open')}</th></tr></thead><tbody>${projectRows}</tbody></table>
<h2>${l('issueList')}</h2><table><thead><tr><th>${l('issue')}</th><th>${l('project')}</th><th>${l('units')}</th><th>${l(
    'deadline',
  )}</th><th>${l('status')}</th><th>${l('card')}</th></tr></thead><tbody>${issueRows}</tbody></table>
${photoSections ? `<h2>${l('photos')}</h2>${photoSections}` : ''}
</body></html>`;
}
