// The reports feature's public face: building the bulletin, which a USB export includes as a PDF. Its
// spreadsheets are a public module of their own (./excel), loaded on demand.
export { type BulletinOptions, bulletinReport } from './build-reports';
// The one way to give out a rectification notice and the document it makes, for the issue page's step.
export { useIssueNotice } from './use-issue-notice';
export { NoticeDocument } from './NoticeDocument';
export { ShortDeadlineReason } from './ShortDeadlineReason';
