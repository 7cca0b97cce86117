// Re-inspection: starting one from an issue, the before and after photos, and its result.
import type { ReinspectionMessages } from './reinspection.zh-CN';

export const reinspectionEn: ReinspectionMessages = {
  start: 'Start re-inspection',
  startDialog: {
    title: 'Start re-inspection',
    intro:
      'The responsible unit has reported the rectification. Starting the re-inspection first records the “Re-inspect” step (the issue then awaits re-inspection), then opens the re-inspection visit.',
    confirm: 'Start re-inspection',
  },
  opened: {
    created: 'Re-inspection visit created',
    reopened: 'Opened this issue’s re-inspection visit that is still a draft',
    joined: 'Added this issue to today’s re-inspection visit of the project',
  },
  startFailed: 'Could not start the re-inspection: {{reason}}',
  visits: 'Re-inspections',
  noVisits: 'No re-inspection yet.',
  visitLine: 'Re-inspection on {{date}}',
  startHint:
    'On site, photograph the same spots again and compare them with the before photos one by one, then close the issue out or send it back.',
  section: 'Issues re-inspected',
  none: 'This re-inspection carries no issue yet. Use “Start re-inspection” on an issue’s page to bring it here.',
  issueMissing: 'This issue could not be found (it may not have synced to this computer yet).',
  before: 'Before',
  after: 'After',
  beforeHint: 'Photos of this issue taken or sent in earlier',
  afterHint: 'Photos of the same spots taken on this re-inspection',
  noBefore: 'No before photo',
  noAfter: 'No after photo yet',
  dropAfter: 'Drop photos here, or use “Add after photos”',
  dropNow: 'Release to add these as after photos',
  addAfter: 'Add after photos',
  pairs: 'Before and after photos side by side',
  compare: 'Compare',
  compareRow: 'Compare pair {{n}}',
  compareTitle: 'Before and after',
  position: '{{index}} of {{total}}',
  previous: 'Previous',
  next: 'Next',
  result: 'Result',
  closeOut: 'Close out',
  sendBack: 'Send back',
  closeOutHint:
    'Rectified: close the issue out with this re-inspection’s after photos as evidence. The re-inspection must be signed and finalized first.',
  sendBackHint: 'Not rectified: give the reason; the issue goes back to In progress.',
  evidence: 'Evidence: {{count}} after photos of this re-inspection',
  noEvidence: 'This re-inspection has no after photos yet.',
  remarks: 'Remarks',
  evidencePhoto: 'Evidence photo {{n}}',
  reason: 'Reason',
  done: {
    closed: 'Closed out',
    sentBack: 'Sent back for rectification',
  },
  refusal: {
    afterPhotosRequired:
      'This re-inspection has no after photos, so the issue cannot be closed out. Add the photos taken on this re-inspection under “After” first.',
    visitLocked: 'This re-inspection visit is finalized and takes no more results.',
  },
  blocked: {
    closed: 'The issue is closed out; its re-inspection is done.',
    visitFinalized:
      'This re-inspection visit is finalized and takes no more results. To re-inspect again, use “Start re-inspection” on the issue’s page.',
    notAwaiting:
      'The issue is “{{status}}”: only an issue awaiting re-inspection can be closed out or sent back.',
  },
};
