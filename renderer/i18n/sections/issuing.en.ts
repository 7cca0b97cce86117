// Who acts and how a notice is given out, in English.
import type { IssuingMessages } from './issuing.zh-CN';

export const issuingEn: IssuingMessages = {
  actor: {
    noPerson: 'No one is chosen as this laptop’s user: type the name of who handled it, or',
    choosePerson: 'choose the person in Organization',
  },
  notice: {
    number: 'Notice number',
    numberHelp: 'The next number of the team’s sequence; the rectification notice is made when it is issued',
    deadline: 'Rectification deadline',
    deadlinePast:
      'The deadline {{deadline}} has already passed. Set a later one with “New deadline” first, then issue the notice.',
    shortReason: 'Reason for the short deadline',
    shortReasonHelp:
      'The deadline is sooner than the team’s minimum of {{days}} days (before {{earliest}}): state the reason',
    noTeam:
      'No supervision team is set up yet, so no notice can be issued. Set the team’s name and document number prefix in Organization first.',
    setUpTeam: 'Go to Organization',
    issued: 'Rectification notice {{number}} issued',
    bulkNumbers: 'Rectification notices issued: {{numbers}}',
    open: 'Open the rectification notice',
    pdfFailed:
      'The notice was issued ({{number}}) but its PDF could not be made: {{reason}}. You can make it again on the Reports page.',
  },
  bulkRefusal: {
    deadlinePast: 'the deadline has already passed; set a new deadline first',
    shortDeadlineReasonRequired:
      'the deadline is sooner than the team’s minimum; issue it from its own page and state the reason',
  },
  errors: {
    deadlinePast:
      'the deadline {{deadline}} has already passed ({{titles}}); change the deadline before issuing',
    shortDeadlineReasonRequired:
      'the deadline {{deadline}} is sooner than the team’s minimum ({{titles}}); state the reason for the short deadline',
    recordGone:
      'the record no longer exists (it may have been deleted on another laptop); reload and try again',
  },
};
