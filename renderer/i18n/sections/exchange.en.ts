// Exchange — hand-over by USB.
import type { Messages } from '../zh-CN';

export const exchangeEn: Messages['exchange'] = {
  title: 'Exchange',
  intro:
    'Hand data to other laptops or the office on a USB stick: an export folder holds the reports, ledgers, photos, a page leaders can open directly, and a signed data bundle.',
  tabs: { export: 'Export', import: 'Import', receipts: 'Import receipts' },
  device: {
    label: 'This laptop’s name',
    hint: 'What other laptops see when they import',
    key: 'This laptop’s key fingerprint: {{fingerprint}}',
    save: 'Save name',
  },
  leftovers: {
    found:
      'An export here was interrupted (a stick pulled, a laptop shut) and left {{count}} unfinished folder(s), {{size}}, hidden on the drive. They are not exports; removing them frees the space.',
    remove: 'Remove unfinished exports',
    removed: 'Removed {{count}} unfinished export folder(s), {{size}}.',
    failed: 'The unfinished exports could not be removed: {{reason}}',
  },
  target: {
    title: 'Export to',
    drives: 'Removable drives',
    noDrives: 'No USB stick or removable drive found. Plug one in and wait a moment, or choose a folder.',
    listFailed: 'Could not list removable drives ({{problem}}); choose a folder.',
    listUnavailable: 'Could not list removable drives; choose a folder.',
    use: 'Export here',
    chosen: 'Target: {{path}}',
    none: 'No export target chosen yet',
    free: '{{free}} free',
    fileSystem: 'file system {{fs}}',
  },
  chooseFolder: 'Choose folder',
  folder: {
    title: 'Choose folder',
    path: 'Folder path',
    open: 'Open',
    up: 'Up one level',
    places: 'Places',
    empty: 'This folder has no subfolders',
    use: 'Use this folder',
    failed: 'Cannot open this folder: {{reason}}',
  },
  options: {
    kind: 'What to export',
    full: 'Everything',
    incremental: 'Only what the other laptop does not have (incremental)',
    recipient: 'Receiving laptop',
    noRecipients: 'Nothing has been imported from another laptop yet, so only a full export is possible.',
    reports: 'Also export the reports (bulletin PDF) and ledgers (Excel)',
    pageLanguage: "Language of the leader's page (index.html)",
  },
  export: 'Export',
  cancel: 'Cancel',
  steps: {
    records: 'Gathering the records…',
    ledgers: 'Making the ledgers…',
    bulletin: 'Making the bulletin…',
    page: 'Making the page…',
    writing: 'Writing',
    verifying: 'Checking the written files…',
  },
  progress: '{{done}} of {{total}}, {{speed}}/s, about {{left}} left',
  progressStarting: '{{done}} of {{total}}',
  exported: 'Export complete: {{files}} files, {{bytes}}, written and each checked.',
  exportedPath: 'Folder: {{path}}',
  exportCancelled:
    'Export cancelled. No incomplete folder was left on the stick; nothing on this laptop changed.',
  exportFailed: 'Export failed: {{reason}}',
  missingPhotos:
    '{{count}} photos have only their records on this laptop, not the originals; those originals were not exported.',
  faults: {
    notFound:
      'The target folder or drive is not there; the stick may have been pulled out. Plug it in and choose again',
    notAFolder: 'What was chosen is not a folder; choose a folder',
    readOnly: "The target is read-only. Turn off the stick's write-protect switch, or use another stick",
    noSpace: 'Not enough space: {{need}} needed, {{free}} free. Free some space or use a larger stick',
    noSpaceUnknown: 'The target is full. Free some space or use a larger stick',
    fileTooLarge:
      "A file is larger than the target's file system allows (4 GB on FAT32). Use a stick formatted as exFAT or NTFS",
    exists: 'A folder of that name is already there. Export again in a minute, or choose another place',
    removed:
      'The stick was pulled out or disconnected while in use. Plug it in and try again; eject it safely before pulling it out',
    verifyFailed:
      'The files read differ from what they should be: the stick may be failing, or a file changed while it was read. Try again; if it happens again, use another stick',
    unsafePath:
      'An unsafe file name (leaving the folder, absolute, or a link) was refused. Ask the sender for a new export',
    notABundle: 'This folder holds no bundle (bundle/manifest.json). Choose a folder that Ducha exported',
    tooLarge: 'The bundle is beyond the size limits. Ask the sender to export in parts, or only what is new',
    unknownSession: 'The export was interrupted. Export again',
    unknownGrant: 'This folder was chosen before the app was restarted. Choose it again',
    io: 'Reading or writing a file failed. Try again; if it fails again, give the details to support',
  },
  import: {
    source: 'Import from',
    chosen: 'Folder: {{path}}',
    none: 'Choose a USB stick or an export folder',
    use: 'Import from here',
    verify: 'Verify',
    apply: 'Apply import',
    candidates: 'There are several export folders here; choose one:',
    noCandidates: 'There is no export folder here.',
    verified: 'The bundle is complete and its signature is valid',
    from: 'From: {{device}} ({{kind}}, {{created}})',
    kindFull: 'everything',
    kindIncremental: 'incremental',
    unknownDevice:
      'This laptop has never imported from that one. Compare the key fingerprint shown on the other laptop: {{fingerprint}}',
    trust: 'I have compared it and trust this laptop',
    trustNeeded: 'Confirm that you trust this laptop first',
    preview: 'Import preview',
    newRows: 'New records',
    changedRows: 'Changed records',
    conflicts: 'Conflicting fields',
    unchangedRows: 'Unchanged',
    newPhotos: 'New photos',
    knownPhotos: 'Photos already here',
    nothingNew: 'This laptop already holds everything in this bundle; importing it changes nothing.',
    earlier: 'This bundle was imported on {{when}}; importing it again changes nothing.',
    conflictTable: 'Fields both laptops changed (the later change wins)',
    record: 'Record',
    field: 'Field',
    local: 'This laptop',
    incoming: 'Bundle',
    winner: 'Kept',
    invalid:
      '{{count}} records of the bundle would be incomplete after merging, so nothing was imported and nothing on this laptop changed.',
    readingPhotos: 'Reading photos {{done}} of {{total}}',
    applied:
      'Import complete: {{newRows}} new and {{changedRows}} changed records, {{newPhotos}} new photos.',
    appliedConflicts:
      'Fields both laptops changed: {{count}}. The later change stands; the import receipt keeps both values.',
    failed: 'Import failed; nothing on this laptop changed: {{reason}}',
    unlisted: '{{count}} files in the folder are not in the manifest and were ignored.',
    keyChanged:
      'The key of "{{device}}" differs from the one on record: the bundle may be forged, so it was refused. Compare the key fingerprint shown on that laptop in person or by phone; if Ducha was reinstalled there, have an administrator confirm it before importing.',
  },
  problems: {
    tooLargeManifest:
      "The bundle's manifest (bundle/manifest.json) is {{actual}}, beyond the limit of {{limit}}: not a bundle Ducha makes. Ask the sender for a new export.",
    tooLargeFiles:
      'The files the manifest lists add up to {{actual}}, beyond the limit of {{limit}}. Ask the sender to export in parts, or only what is new.',
    notJson:
      "The bundle's manifest (bundle/manifest.json) is not valid JSON: the file is damaged or cut short. Ask the sender for a new export, and eject the stick safely before pulling it out.",
    repeatedKey:
      "In the {{place}} of the bundle's manifest, the field {{key}} appears twice, so which value counts is unclear; the bundle was refused. Ask the sender for a new export from Ducha.",
    placeTop: 'top level',
    placeNamed: 'part {{field}}',
    notABundle:
      'The bundle/manifest.json in this folder is not the manifest of a Ducha bundle. Check that you chose a folder Ducha exported.',
    futureVersion:
      "The bundle is in format version {{version}}, newer than this laptop's Ducha can read. Update Ducha on this laptop first, then import.",
    unsigned:
      'The bundle is not signed, so which laptop made it cannot be confirmed; it was refused. Ask the sender for a new export from Ducha.',
    badSignature:
      'The signature does not match the manifest: the bundle was changed after it was signed, and was refused. Ask the sender for a new export, and hand the stick over in person.',
    unsafePath:
      'The file name {{path}} in the bundle is unsafe (it may leave the folder, or is not valid on Windows); the bundle was refused. Ask the sender for a new export.',
    link: "{{path}} in the bundle's folder is {{kind}}, not a regular file; Ducha does not open it, and the bundle was refused. Delete it, or ask the sender for a new export.",
    missingFile:
      'The file {{path}} listed in the manifest is missing; the copy may be incomplete. Copy the whole export folder again, or ask the sender for a new export.',
    sizeMismatch:
      'The file {{path}} is {{actual}}, the manifest says {{expected}}: it is incomplete or was changed. Copy the whole export folder again, or ask the sender for a new export.',
    hashMismatch:
      'The content of the file {{path}} differs from the manifest (changed or damaged). Copy the whole export folder again, or ask the sender for a new export.',
    duplicatePath:
      'The manifest lists {{path}} and another file under one name (ignoring case), which would overwrite each other on a stick. Ask the sender for a new export.',
    operationsMissing:
      "The bundle's data file {{path}} is missing. Copy the whole export folder again, or ask the sender for a new export.",
    clockAhead:
      "A time in the bundle, {{time}}, is about {{hours}} hours ahead of this laptop's clock. Check the date, time and time zone on both laptops, correct them, and export again.",
    incrementalGapOther:
      'This bundle was made for "{{recipient}}", not for this laptop. Ask {{sender}} for a full bundle.',
    incrementalGapThis:
      'This bundle was made for this laptop, but this laptop holds less than the sender thought (it may have been restored from a backup). Ask {{sender}} for a full bundle.',
    senderNamed: '"{{name}}"',
    senderUnknown: 'the laptop that made it',
  },
  notAFile: {
    link: 'a symbolic link',
    fifo: 'a named pipe (FIFO)',
    socket: 'a socket',
    device: 'a device file',
    special: 'a special file',
  },
  manifestRules: {
    missing: "The bundle's manifest lacks {{subject}}. Ask the sender for a new export from Ducha.",
    unknownField:
      "The bundle's manifest has {{subject}}, which the format does not define. It may come from a newer Ducha: update Ducha on this laptop, or ask the sender for a new export.",
    wrongType:
      "In the bundle's manifest, {{subject}} is of the wrong type. Ask the sender for a new export from Ducha.",
    badFormat:
      "In the bundle's manifest, {{subject}} is not in the right form. Ask the sender for a new export from Ducha.",
    outOfRange:
      "In the bundle's manifest, {{subject}} is beyond what is allowed. Ask the sender for a new export from Ducha.",
    tooDeep:
      "In the bundle's manifest, {{subject}} is nested too deep: not a manifest Ducha writes. Ask the sender for a new export from Ducha.",
    inconsistent:
      "In the bundle's manifest, {{subject}} contradicts other fields. Ask the sender for a new export from Ducha.",
  },
  manifestSubject: {
    named: '{{what}} ({{field}})',
    bare: 'the field {{field}}',
    whole: 'the whole structure',
  },
  manifestFields: {
    format: 'the format mark',
    formatVersion: 'the format version',
    createdAt: 'the export time',
    app: 'the software version',
    source: 'the source laptop',
    sourceNode: "the source laptop's device id",
    sourceName: "the source laptop's name",
    sourcePublicKey: "the source laptop's public key",
    team: 'the team',
    teamId: "the team's id",
    teamName: "the team's name",
    kind: 'the kind of export',
    recipient: 'the receiving laptop',
    recipientNode: "the receiving laptop's device id",
    recipientName: "the receiving laptop's name",
    since: 'what the receiving laptop holds',
    sinceEntry: 'a clock of what the receiving laptop holds',
    knowledge: 'what the source laptop holds',
    knowledgeEntry: 'a clock of what the source laptop holds',
    clockRange: 'the clock range of the data',
    clockRangeFrom: 'the earliest clock of the data',
    clockRangeTo: 'the latest clock of the data',
    operations: 'the data file',
    operationsPath: "the data file's path",
    operationsCount: 'the number of data lines',
    files: 'the list of files',
    file: 'file {{n}}',
    filePath: 'the path of file {{n}}',
    fileSha256: 'the SHA-256 of file {{n}}',
    fileSize: 'the size of file {{n}}',
    fileRole: 'the role of file {{n}}',
    fileMimeType: 'the type of file {{n}}',
    signature: 'the signature',
    signatureAlgorithm: "the signature's algorithm",
    signatureValue: "the signature's value",
  },
  operationsProblems: {
    notUtf8:
      'The data file {{file}} is not UTF-8 text: it is damaged or not written by Ducha. Ask the sender for a new export.',
    blankLine:
      'Line {{line}} of the data file {{file}} is empty: the file was changed. Ask the sender for a new export.',
    noFinalNewline:
      'The last line of the data file {{file}} (line {{line}}) does not end with a line break: the file may be cut short. Ask the sender for a new export.',
    lineTooLong:
      'Line {{line}} of the data file {{file}} is longer than 1 MB: not data Ducha writes. Ask the sender for a new export.',
    notJson:
      'Line {{line}} of the data file {{file}} is not valid JSON: the file is damaged. Ask the sender for a new export.',
    repeatedKey:
      'Line {{line}} of the data file {{file}} names the field {{key}} twice, so which value counts is unclear. Ask the sender for a new export from Ducha.',
    repeatedKeyUnnamed:
      'Line {{line}} of the data file {{file}} names one field twice, so which value counts is unclear. Ask the sender for a new export from Ducha.',
    tooDeep:
      'Line {{line}} of the data file {{file}} holds a value nested too deep: not data Ducha writes. Ask the sender for a new export.',
    invalidOperation:
      'Line {{line}} of the data file {{file}} is not a valid change. Ask the sender for a new export from Ducha.',
    unknownField:
      'Line {{line}} of the data file {{file}} changes the field {{field}}, which the table {{table}} does not have. It may come from a newer Ducha: update Ducha on this laptop, or ask the sender for a new export.',
    invalidValue:
      'Line {{line}} of the data file {{file}} gives the field {{field}} of the table {{table}} a value it does not allow. Ask the sender for a new export from Ducha.',
    outOfOrder:
      'Line {{line}} of the data file {{file}} is out of order: the file was changed. Ask the sender for a new export.',
    outsideClockRange:
      'The clock of line {{line}} of the data file {{file}} is outside the range the manifest gives. Ask the sender for a new export.',
    countMismatch:
      'The data file {{file}} does not hold as many lines as the manifest says (found at line {{line}}): it is incomplete or was changed. Ask the sender for a new export.',
  },
  receipts: {
    empty: 'Nothing has been imported yet.',
    when: 'Imported',
    from: 'From',
    kind: 'Kind',
    counts: 'New / changed / conflicts',
    photos: 'New photos',
    folder: 'Folder',
    save: 'Export receipts',
  },
  page: {
    title: 'Supervision data summary',
    madeBy: 'Exported by {{device}} at {{time}}. This page needs no software to view.',
    figures: 'Key figures',
    projects: 'Projects',
    visits: 'Visits',
    issues: 'Issues',
    open: 'Open',
    closed: 'Closed',
    rate: 'Rectification rate',
    red: 'Red cards',
    documents: 'Reports and ledgers',
    projectList: 'Projects',
    project: 'Project',
    region: 'Area',
    category: 'Category',
    phase: 'Phase',
    issueList: 'Issues',
    issue: 'Issue',
    units: 'Responsible units',
    deadline: 'Deadline',
    status: 'Status',
    card: 'Card',
    photos: 'Site photos',
  },
};
