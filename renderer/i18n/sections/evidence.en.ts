// Evidence and issues: a finding's photos and checklist item, the checklist's offer to record a
// finding, a required-photo item's own photos, a project's issues and "New visit" on the Visits page.
import type { EvidenceMessages } from './evidence.zh-CN';

export const evidenceEn: EvidenceMessages = {
  photos: 'Photos of the problem',
  photosHint: 'Tick the photos of this visit that show the problem, or add new ones.',
  photoN: 'Photo {{n}}',
  noVisitPhotos: 'This visit has no photos yet.',
  photosChosen: '{{count}} chosen',
  fromItem: 'From checklist item: {{text}}',
  recordAsFinding: 'Record as a finding',
  pickPhoto: 'Pick photo',
  itemPhotos: 'Photos of this item: {{count}}',
  itemNoPhoto: 'No photo yet: take or pick one.',
  itemPhotoHint:
    'A photo taken or picked here joins this visit’s photos and is recorded for this item once the checklist is saved.',
  projectIssues: 'Issues',
  projectIssuesEmpty: 'No issues have been found on this project.',
  projectIssuesCount: '{{count}} issues',
  newVisit: 'New visit',
  newVisitHint: 'Choose the project to visit. A draft visit record is made and opened.',
  project: 'Project',
  nearest: 'The project nearest to this laptop is chosen: {{name}} (about {{km}} km)',
  startVisit: 'Start visit',
  amendedMark: '※',
  amendedNote: 'Amended; was {{was}}; reason: {{reason}}',
};
