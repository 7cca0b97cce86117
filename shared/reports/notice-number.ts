// 整改通知书 document numbers, e.g. 督查〔2026〕12号: the team's prefix, the year in hexagonal
// brackets (六角括号, as the national standard for official documents writes them), and a sequence
// that restarts each year. The number is what ties a notice to its issues: every issue a notice
// hands over carries it (Issue.noticeNumber), so the notice needs no record of its own.

export interface NoticeNumber {
  prefix: string;
  year: number;
  seq: number;
}

export function formatNoticeNumber({ prefix, year, seq }: NoticeNumber): string {
  return `${prefix}〔${String(year)}〕${String(seq)}号`;
}

const PATTERN = /^(.+)〔(\d{4})〕(\d+)号$/u;

/** The parts of a number this app writes; null for anything else (a number typed by hand, say). */
export function parseNoticeNumber(text: string): NoticeNumber | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [, prefix = '', year = '', seq = ''] = match;
  return { prefix, year: Number(year), seq: Number(seq) };
}

/** Every number of a prefix and year starts with this: the range to look up in an index. */
export function noticeNumberStem(prefix: string, year: number): string {
  return `${prefix}〔${String(year)}〕`;
}

/** Where a team's sequence starts in a year (Team.noticeSequenceStart): numbers given out on paper before. */
export interface SequenceStart {
  year: number;
  next: number;
}

/**
 * The next number of a prefix and year after those already given (any others are ignored). A team
 * that gave numbers out on paper this year starts at its stated next number: the larger of that and
 * one past the highest on record, so a number is never given twice either way.
 */
export function nextNoticeNumber(
  given: Iterable<string>,
  prefix: string,
  year: number,
  start: SequenceStart | null = null,
): NoticeNumber {
  let last = 0;
  for (const text of given) {
    const parsed = parseNoticeNumber(text);
    if (parsed && parsed.prefix === prefix && parsed.year === year) last = Math.max(last, parsed.seq);
  }
  const floor = start !== null && start.year === year ? start.next : 1;
  return { prefix, year, seq: Math.max(last + 1, floor) };
}

/**
 * A number given offline when the laptop's reserved numbers ran out: 临 (临时, provisional) before the
 * sequence — 督查〔2026〕临3号 — so no one reads it as final, on screen or on paper. It is not a number
 * of the sequence (parseNoticeNumber does not read it, so nextNoticeNumber skips it), and sync
 * replaces it with a final one, the history saying so.
 */
export const PROVISIONAL_MARK = '临';

export function formatProvisionalNoticeNumber({ prefix, year, seq }: NoticeNumber): string {
  return `${prefix}〔${String(year)}〕${PROVISIONAL_MARK}${String(seq)}号`;
}

const PROVISIONAL_PATTERN = /^(.+)〔(\d{4})〕临(\d+)号$/u;

/** The parts of a provisional number; null for a final one or anything else. */
export function parseProvisionalNoticeNumber(text: string): NoticeNumber | null {
  const match = PROVISIONAL_PATTERN.exec(text);
  if (!match) return null;
  const [, prefix = '', year = '', seq = ''] = match;
  return { prefix, year: Number(year), seq: Number(seq) };
}
