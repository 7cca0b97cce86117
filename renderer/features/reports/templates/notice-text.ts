// The rectification notice's words, as both its PDF (RectificationNotice.tsx) and its Word file
// (word/notice-docx.ts) print them: one source, so the two never say different things.
import type { TFunction } from 'i18next';
import type { Issue } from '../../../../shared/domain/issue';
import { chineseNumber } from '../../../../shared/reports/chinese-date';
import { chineseDate } from './parts';

/** （一） in a Chinese document; the index past 九十九 (never seen on one notice) as a figure. */
export const ordinal = (index: number): string => (index <= 99 ? chineseNumber(index) : String(index));

interface NoticeWordsModel {
  readonly unitId: string;
  readonly issues: readonly Issue[];
  readonly projectNames: ReadonlyMap<string, string>;
  readonly unitNames: ReadonlyMap<string, string>;
}

/** A problem's （n） heading: its project and title. */
export const problemHeading = (model: NoticeWordsModel, issue: Issue, index: number, t: TFunction): string =>
  t('reports.notice.problemHeading', {
    n: ordinal(index),
    index,
    project: model.projectNames.get(issue.projectId) ?? '',
    title: issue.title,
  });

/** A problem's line: its severity and deadline, and the units it shares with the addressee. */
export function problemLine(model: NoticeWordsModel, issue: Issue, t: TFunction): string {
  const others = issue.responsibleUnitIds.filter((u) => u !== model.unitId);
  const line = t('reports.notice.problemLine', {
    severity: t(`severity.${issue.severity}`),
    deadline: chineseDate(issue.deadline),
  });
  if (others.length === 0) return line;
  return (
    line + t('reports.notice.jointly', { units: others.map((u) => model.unitNames.get(u) ?? u).join('、') })
  );
}

/** 二、整改要求: each requirement's lead (set in 楷体) and its text; the second names the earliest deadline. */
export function noticeRequirements(
  model: Pick<NoticeWordsModel, 'issues'>,
  t: TFunction,
): { lead: string; text: string }[] {
  const earliest = model.issues.reduce<string | null>(
    (min, i) => (min === null || i.deadline < min ? i.deadline : min),
    null,
  );
  const leads = [
    t('reports.notice.requirement1Lead'),
    t('reports.notice.requirement2Lead'),
    t('reports.notice.requirement3Lead'),
  ];
  const texts = [
    t('reports.notice.requirement1'),
    t('reports.notice.requirement2', { date: earliest ? chineseDate(earliest) : '—' }),
    t('reports.notice.requirement3'),
  ];
  return leads.map((lead, i) => ({
    lead: t('reports.notice.requirementLead', { n: ordinal(i + 1), index: i + 1, lead }),
    text: texts[i] ?? '',
  }));
}
