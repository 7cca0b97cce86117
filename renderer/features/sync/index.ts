// The sync feature's public face: its page, the header's indicator and a leader's read-only frame.
export { SyncIndicator } from './SyncIndicator';
export { RecordConflicts } from './RecordConflicts';
export { ReadOnlyBoundary, ReadOnlyTag } from './ReadOnlyBoundary';
