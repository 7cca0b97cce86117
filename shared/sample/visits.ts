// Inspection visits (督查记录): a few per project in the weeks before `today`, of varied types, with
// 形象进度, percent complete and reported investment rising towards the ledger's latest figures, and
// the sign-off of the inspector and the site's representative. Today's visits are still drafts.
import { fen } from '../domain/money';
import type { Visit, VisitType } from '../domain/visit';
import type { GenContext } from './context';
import { chinaMs, chinaWallClock, dateOfDay, isoInstant } from './dates';
import type { Organization, TeamInfo } from './organization';
import type { ProjectInfo } from './projects';
import { progressNarrative, WEATHER } from './texts';

export interface VisitInfo {
  visit: Visit;
  projectIndex: number;
  startMs: number;
  /** When the team left the site. */
  endMs: number;
  team: TeamInfo;
  isDraft: boolean;
}

const FIRST_VISIT_TYPES: readonly (readonly [VisitType, number])[] = [
  ['scheduled', 50],
  ['unscheduled', 15],
  ['special', 15],
  ['unannounced', 12],
  ['observation', 8],
];
const LATER_VISIT_TYPES: readonly (readonly [VisitType, number])[] = [
  ...FIRST_VISIT_TYPES,
  ['reinspection', 25],
];

/** How many visits each project gets: every project one before any gets a second. */
function visitsPerProject(ctx: GenContext, projects: number, visits: number | undefined): number[] {
  const rng = ctx.rng.fork('visits:count');
  if (visits === undefined) return Array.from({ length: projects }, () => rng.int(2, 4));
  if (visits > 0 && projects === 0) throw new RangeError('visits need at least one project');
  const counts = Array.from({ length: projects }, (_, i): number => (i < visits ? 1 : 0));
  for (let v = projects; v < visits; v++) {
    const i = rng.int(0, projects - 1);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

export type SignatureLookup = (personId: string) => string;

export function buildVisits(
  ctx: GenContext,
  org: Organization,
  projects: readonly ProjectInfo[],
  requested: number | undefined,
  signatureOf: SignatureLookup,
): VisitInfo[] {
  const rng = ctx.rng.fork('visits');
  const visitId = ctx.ids('visits');
  const counts = visitsPerProject(ctx, projects.length, requested);
  const total = counts.reduce((a, b) => a + b, 0);
  // Visits fall in the weeks before today: about a week apart per project, 8 weeks at least.
  const windowDays = Math.min(365, Math.max(56, Math.round((total / Math.max(1, projects.length)) * 7)));
  const out: VisitInfo[] = [];

  projects.forEach((info, projectIndex) => {
    const k = counts[projectIndex] ?? 0;
    if (k === 0) return;
    const days = Array.from({ length: k }, () => ctx.todayDay - rng.int(1, windowDays)).sort((a, b) => a - b);
    if (projectIndex === 1 || rng.chance(0.12)) days[k - 1] = ctx.todayDay; // an inspection under way today
    const final = info.percentComplete;
    const step = rng.int(1, 6);
    const { project } = info;

    days.forEach((day, j) => {
      const isDraft = day === ctx.todayDay;
      const startMs = chinaMs(day, 8 * 60 + 30 + 15 * rng.int(0, 26));
      const endMs = startMs + 60_000 * rng.int(60, 180);
      const team = rng.pick(org.teams);
      const others = rng.shuffle(team.members.slice(1)).slice(0, rng.int(1, 2));
      const members = [team.members[0], ...others].filter((m) => m !== undefined);
      const type = rng.weighted(j === 0 ? FIRST_VISIT_TYPES : LATER_VISIT_TYPES);

      const percent = Math.max(0, final - (k - 1 - j) * step);
      // The latest visit reports the ledger's figure; earlier ones proportionally less (to 100 元).
      const reported =
        j === k - 1 || final === 0
          ? project.completedTotal
          : fen(Math.round((project.completedTotal * percent) / final / 10_000) * 10_000);
      const busy = project.phase === 'underConstruction' || project.phase === 'continuing';
      const workers = busy ? rng.int(20, 260) : rng.int(0, 15);
      const machines = busy ? rng.int(3, 25) : rng.int(0, 4);

      const finalizedMs = isDraft ? null : endMs + 60_000 * rng.int(10, 60);
      const leader = members[0];
      const visit: Visit = {
        id: visitId(startMs),
        createdAt: isoInstant(startMs),
        updatedAt: isoInstant(finalizedMs ?? endMs),
        projectId: project.id,
        type,
        date: dateOfDay(day),
        startTime: chinaWallClock(startMs).hhmm,
        teamId: team.team.id,
        memberIds: members.map((m) => m.id),
        location: null, // set once the photos are known
        weather: rng.pick(WEATHER),
        progressNarrative: progressNarrative(
          rng,
          project.category,
          project.phase,
          percent,
          workers,
          machines,
        ),
        percentComplete: percent,
        reportedInvestment: reported,
        workersOnSite: workers,
        machinesOnSite: machines,
        reinspectedIssueIds: [],
        signatures:
          finalizedMs === null || leader === undefined
            ? []
            : [
                {
                  role: 'inspector',
                  name: leader.name,
                  signedAt: isoInstant(endMs),
                  imageSha256: signatureOf(leader.id),
                },
                {
                  role: 'siteRepresentative',
                  name: info.siteRep.name,
                  signedAt: isoInstant(endMs + 120_000),
                  imageSha256: signatureOf(info.siteRep.id),
                },
              ],
        status: isDraft ? 'draft' : 'finalized',
        finalizedAt: finalizedMs === null ? null : isoInstant(finalizedMs),
      };
      out.push({ visit, projectIndex, startMs, endMs, team, isDraft });
    });
  });
  return out;
}
