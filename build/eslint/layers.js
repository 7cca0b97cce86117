// The layer rules of ARCHITECTURE.md, as lint: imports point down only.
// Each entry: which files, and what they must not import (regexes over the import specifier).

// Our folders are reached by relative imports; a package's subpath (react-dom/server) is not ours.
const folder = (name) => `^\\.\\.?/(.*/)?${name}(/|$)`;

const rule = (files, bans) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: bans.map(([regex, message, importNames]) => ({ regex, message, importNames })),
      },
    ],
  },
});

const NO_NODE = ['^node:', 'This code runs in the page: no Node built-ins.'];
const NO_DEXIE = ['^dexie', 'Only renderer/db touches Dexie; use a repository or a hook from renderer/db.'];
// The audited crypto libraries are imported in shared/crypto only, so the app has one SHA-256 and one
// base64 to review, and no second hand-written or half-wrapped copy grows elsewhere.
const NO_CRYPTO_LIBRARIES = [
  ['^@noble/hashes(/|$)', 'Hashes come from shared/crypto (sha256.ts), the one importer of @noble/hashes.'],
  ['^@scure/base(/|$)', 'Base64 comes from shared/crypto (base64.ts), the one importer of @scure/base.'],
];
const SHARED_BANS = [
  [folder('renderer'), 'shared/ imports nothing of ours: it is the bottom layer.'],
  [folder('electron'), 'shared/ imports nothing of ours: it is the bottom layer.'],
  [folder('server'), 'shared/ imports nothing of ours: it is the bottom layer.'],
  ['^electron$', 'shared/ must not depend on Electron.'],
  ['^react', 'shared/ is pure TypeScript, no React.'],
  NO_DEXIE,
  NO_NODE,
];
// Outside renderer/db, the data layer is reached through its index (or ./start, for start-up) only.
const DB_INDEX_ONLY = [
  '^\\.\\.?/(.*/)?db/(?!start$).+',
  'Reach the data layer through its index (renderer/db), or renderer/db/start for start-up only.',
];
// Icons come decorative from renderer/ui/icons.tsx, so no button's name starts with an icon's ("plus").
const NO_RAW_ICONS = [
  '^@ant-design/icons(/|$)',
  'Import icons from renderer/ui/icons: they are decorative there (aria-hidden), so a button is named by its text.',
];
// Number fields come from renderer/ui/InputNumber, whose step arrows are not announced in English.
const NO_RAW_INPUT_NUMBER = [
  '^antd$',
  "Import InputNumber from renderer/ui/InputNumber: antd's own names its step arrows 'Increase Value' in every language.",
  ['InputNumber'],
];
const PAGE_BANS = [
  [folder('electron'), 'The page reaches the host only through the contract (renderer/host).'],
  ['^electron$', 'No Node or Electron in the page.'],
  [folder('server'), 'The page talks to the server over the sync protocol, not by import.'],
  NO_NODE,
  NO_RAW_ICONS,
  NO_RAW_INPUT_NUMBER,
];
// The app sees domain records; clocks, tombstones and derived index fields are the data layer's own.
const NO_STORED_ROWS = [
  folder('db'),
  "Stored rows are renderer/db's own: ask the data layer for domain records (it filters tombstones).",
  ['Stored'],
];
const BOOKKEEPING = '/^_(clocks|deleted|grams)$/';
const BOOKKEEPING_MESSAGE =
  'Clocks, tombstones and derived fields stay inside renderer/db: it hands out live domain records.';
const BASE64_GLOBAL =
  'Base64 comes from shared/crypto/base64.ts (strict, and native where the engine has it).';

export const layerRules = [
  // Every file first; the layer entries below replace this option for their files (a later flat-config
  // entry wins), so each of them lists NO_CRYPTO_LIBRARIES again.
  rule(['**/*.{ts,tsx,js,mjs,cjs}'], NO_CRYPTO_LIBRARIES),
  rule(['shared/**/*.{ts,tsx}'], [...SHARED_BANS, ...NO_CRYPTO_LIBRARIES]),
  rule(['shared/crypto/**/*.{ts,tsx}'], SHARED_BANS),
  rule(['renderer/**/*.{ts,tsx}'], [...PAGE_BANS, ...NO_CRYPTO_LIBRARIES]),
  rule(
    ['renderer/db/**/*.{ts,tsx}'],
    [
      ...PAGE_BANS,
      [folder('features'), 'renderer/db is below the features: it never imports them.'],
      [folder('app'), 'renderer/db is below the app shell: it never imports it.'],
      [folder('stores'), 'renderer/db never imports the UI stores.'],
      [folder('ui'), 'renderer/db never imports the shared UI.'],
      ...NO_CRYPTO_LIBRARIES,
    ],
  ),
  rule(
    ['renderer/{app,features,stores,i18n,host,ui}/**/*.{ts,tsx}', 'renderer/*.{ts,tsx}'],
    [...PAGE_BANS, NO_DEXIE, NO_STORED_ROWS, DB_INDEX_ONLY, ...NO_CRYPTO_LIBRARIES],
  ),
  rule(
    ['renderer/ui/**/*.{ts,tsx}'],
    [
      ...PAGE_BANS,
      NO_DEXIE,
      NO_STORED_ROWS,
      DB_INDEX_ONLY,
      [folder('features'), 'renderer/ui holds what features share: it never imports a feature.'],
      [folder('app'), 'renderer/ui holds what features share: it never imports the app shell.'],
      ...NO_CRYPTO_LIBRARIES,
    ],
  ),
  rule(
    ['renderer/ui/icons.tsx', 'renderer/ui/InputNumber.tsx'],
    [
      ...PAGE_BANS.filter((ban) => ban !== NO_RAW_ICONS && ban !== NO_RAW_INPUT_NUMBER),
      [folder('features'), 'renderer/ui holds what features share: it never imports a feature.'],
      ...NO_CRYPTO_LIBRARIES,
    ],
  ),
  {
    // Reading a row's bookkeeping outside the data layer: by name, by string key, or in a type.
    files: [
      'renderer/{app,features,stores,i18n,host,ui}/**/*.{ts,tsx}',
      'renderer/*.{ts,tsx}',
      'shared/figures/**/*.ts',
      'shared/reports/**/*.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `MemberExpression[property.name=${BOOKKEEPING}]`, message: BOOKKEEPING_MESSAGE },
        { selector: `MemberExpression[property.value=${BOOKKEEPING}]`, message: BOOKKEEPING_MESSAGE },
        { selector: `Property[key.name=${BOOKKEEPING}]`, message: BOOKKEEPING_MESSAGE },
        { selector: `Property[key.value=${BOOKKEEPING}]`, message: BOOKKEEPING_MESSAGE },
        { selector: `TSPropertySignature[key.name=${BOOKKEEPING}]`, message: BOOKKEEPING_MESSAGE },
      ],
    },
  },
  rule(
    ['electron/**/*.ts'],
    [
      [folder('renderer'), 'electron/ must not import the page.'],
      [folder('server'), 'electron/ must not import the server.'],
      ...NO_CRYPTO_LIBRARIES,
    ],
  ),
  rule(
    ['electron/host/**/*.ts', 'electron/browser/**/*.ts'],
    [
      [folder('renderer'), 'electron/ must not import the page.'],
      [folder('server'), 'electron/ must not import the server.'],
      ['^electron$', 'Host services are plain Node so the browser host can run them.'],
      [folder('main'), 'Host services must not depend on the Electron main process.'],
      ...NO_CRYPTO_LIBRARIES,
    ],
  ),
  rule(
    ['server/**/*.ts'],
    [
      [folder('renderer'), 'server/ must not import the page.'],
      [folder('electron'), 'server/ must not import the desktop shell.'],
      ...NO_CRYPTO_LIBRARIES,
    ],
  ),
  {
    // atob/btoa would be a second codec: they go by way of binary strings and accept what base64.ts
    // refuses (whitespace, missing padding), so a key could be read in two spellings.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['shared/crypto/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'atob', message: BASE64_GLOBAL },
        { name: 'btoa', message: BASE64_GLOBAL },
      ],
    },
  },
];
