// The Chinese labels the spreadsheets print: offices file their tables in Chinese whatever language
// the app is shown in. Taken from the app's own Chinese messages, so that a label is written once.
import type { IssueCategory, IssueStatus, Severity } from '../../../../shared/domain/issue';
import type { CardColour } from '../../../../shared/issues/colour-card';
import { zhCN } from '../../../i18n/zh-CN';

export const STATUS_LABELS: Readonly<Record<IssueStatus, string>> = zhCN.issue.status;
export const CATEGORY_LABELS: Readonly<Record<IssueCategory, string>> = zhCN.issueCategory;
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = zhCN.severity;

/** The 亮牌 column says only the colour: its header already says 牌. */
export const CARD_LABELS: Readonly<Record<CardColour, string>> = { red: '红', yellow: '黄', green: '绿' };
