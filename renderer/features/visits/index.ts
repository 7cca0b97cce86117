// The visits feature's public face: starting a visit from a project, and drafting a re-inspection visit
// from an issue.
export { draftReinspection, teamLeaderName } from './reinspection/reinspection-model';
export { StartVisitButton } from './StartVisitButton';
// How an amended field and its values read: the visit record's footnotes say it the same way.
export { fieldLabel, formatAmendedValue } from './amendment-format';
