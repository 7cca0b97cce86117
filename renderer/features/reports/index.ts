// The reports feature's public face: building the bulletin, which a USB export includes as a PDF. Its
// spreadsheets are a public module of their own (./excel), loaded on demand.
export { type BulletinOptions, bulletinReport } from './build-reports';
