// Errors: what went wrong, in words for the user (renderer/ui/user-error.ts picks them). Each kind is a
// clause without a final full stop: it fills the {{reason}} of the sentence at the place it happened
// ("Not saved: {{reason}}. What you entered is still in the form."), which says what was and was not done.
import type { ErrorMessages } from './errors.zh-CN';

export const errorsEn: ErrorMessages = {
  unexpected: 'something unexpected went wrong',
  details: 'Details: {{details}}',
  listSeparator: '; ',
  kinds: {
    diskFull: 'the disk is full; free some space and try again',
    invalidRecord: 'some of the data is missing or not in the right form; check it and try again',
    visitLocked: 'this visit is finalized; only an amendment can change it',
    notFinalized: 'this visit is not finalized yet, so it is edited directly, without an amendment',
    templateConflict:
      'this template was saved elsewhere (another window or a sync) as version {{version}} meanwhile',
    importConflict: 'some of the projects are in the ledger already, or appear twice in the file',
    databaseClosed:
      'the data on this computer was closed (another window may have upgraded it); reload this window',
    aborted: 'the operation was interrupted before it finished',
    duplicate: 'a record with the same number exists already',
    clock:
      'another computer’s time is more than a day ahead of this computer’s clock; check the date and time on both',
    network: 'the connection to Ducha’s local service failed',
    moduleLoad: 'part of Ducha could not be loaded; reload the window',
    hostFailed: 'Ducha’s local service could not do it',
    hostRefused: 'Ducha’s local service refused this page; restart Ducha',
    hostMismatch:
      'this window and Ducha’s local service do not understand each other (different versions?); restart Ducha',
    notAllowed: 'permission was refused (by you or by the system)',
    notFound: 'the device or file needed was not found',
    notReadable: 'the device is in use by another program, or cannot be read',
    readOnly: '{{name}} is signed in as a leader, who reads and changes nothing; nothing was changed',
  },
  when: {
    open: 'Could not open it: {{reason}}. Try again; if it keeps failing, reload the window.',
    prepare: 'The document could not be made: {{reason}}. Nothing was changed; choose again to retry.',
    verify: 'The folder could not be checked: {{reason}}. Nothing on this laptop changed.',
  },
};
