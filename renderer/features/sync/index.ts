// The sync feature's public face: its page and the header's indicator.
export { SyncIndicator } from './SyncIndicator';
export { RecordConflicts } from './RecordConflicts';
