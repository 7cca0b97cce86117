// The issues feature's public face: the fields of a finding, which a visit records as a new issue.
export { IssueFormFields } from './IssueFormFields';
// A finding's or a checklist item's photos, small, by hash.
export { EvidencePhotos } from './EvidencePhotos';
