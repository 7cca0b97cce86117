// The 公文 as Word files, loaded on demand (import('./word')): docx is large and most sessions never
// save one.
export { bulletinDocx } from './bulletin-docx';
export { noticeDocx } from './notice-docx';
