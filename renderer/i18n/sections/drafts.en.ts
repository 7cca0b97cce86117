// Drafts and conflicts: what is typed is kept as a local draft until saved; a field changed elsewhere
// while it was being edited is shown side by side before anything is saved; a mistaken draft visit is deleted.
import type { DraftsMessages } from './drafts.zh-CN';

export const draftsEn: DraftsMessages = {
  offer: 'There is an unsaved draft (kept automatically at {{at}}).',
  offerDetail:
    'Restore it to go on where you left off, or discard it. Typing without choosing keeps what you type as the draft instead.',
  findingOffer: 'There is an unsaved draft finding (kept automatically at {{at}}).',
  amendOffer: 'There is an unsaved draft amendment (kept automatically at {{at}}).',
  restore: 'Restore draft',
  discard: 'Discard draft',
  restored: 'Draft restored',
  discarded: 'Draft discarded',
  keepFailed: 'What you type could not be kept as a draft: {{reason}}. Save the form before leaving it.',
  leave: {
    title: 'Leave this page?',
    body: 'The signature has not been saved and will be lost.',
    stay: 'Stay',
    leave: 'Leave',
  },
  conflict: {
    title: 'Changed while you were editing',
    intro:
      'These fields were changed elsewhere after you opened the form. Choose, field by field, which value to keep; nothing is overwritten until you do.',
    field: 'Field',
    theirs: 'Theirs',
    yours: 'Yours',
    choice: 'Keep',
    by: '{{who}} · {{at}}',
    thisLaptop: 'another window on this laptop',
    unknownWho: 'unknown',
    keepTheirs: 'Keep theirs',
    useMine: 'Use mine',
    save: 'Save',
    cancel: 'Cancel',
    empty: '(empty)',
    saved: 'Saved',
  },
  deleteVisit: {
    button: 'Delete draft visit',
    title: 'Delete this draft visit?',
    body: 'The visit of {{date}}, its {{photos}} photos and {{checklists}} checklists are deleted, on this laptop and on every laptop it exchanges data with. Findings already recorded stay in the issue list. This cannot be undone.',
    confirm: 'Delete',
    cancel: 'Cancel',
    deleted: 'Draft visit deleted',
    failed: 'Could not delete: {{reason}}',
  },
};
