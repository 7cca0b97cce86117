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
        patterns: bans.map(([regex, message]) => ({ regex, message })),
      },
    ],
  },
});

const NO_NODE = ['^node:', 'This code runs in the page: no Node built-ins.'];
const NO_DEXIE = ['^dexie', 'Only renderer/db touches Dexie; use a repository or a hook from renderer/db.'];

export const layerRules = [
  rule(
    ['shared/**/*.{ts,tsx}'],
    [
      [folder('renderer'), 'shared/ imports nothing of ours: it is the bottom layer.'],
      [folder('electron'), 'shared/ imports nothing of ours: it is the bottom layer.'],
      [folder('server'), 'shared/ imports nothing of ours: it is the bottom layer.'],
      ['^electron$', 'shared/ must not depend on Electron.'],
      ['^react', 'shared/ is pure TypeScript, no React.'],
      NO_DEXIE,
      NO_NODE,
    ],
  ),
  rule(
    ['renderer/**/*.{ts,tsx}'],
    [
      [folder('electron'), 'The page reaches the host only through the contract (renderer/host).'],
      ['^electron$', 'No Node or Electron in the page.'],
      [folder('server'), 'The page talks to the server over the sync protocol, not by import.'],
      NO_NODE,
    ],
  ),
  rule(
    ['renderer/{app,features,stores,i18n,host}/**/*.{ts,tsx}', 'renderer/*.{ts,tsx}'],
    [
      [folder('electron'), 'The page reaches the host only through the contract (renderer/host).'],
      ['^electron$', 'No Node or Electron in the page.'],
      [folder('server'), 'The page talks to the server over the sync protocol, not by import.'],
      NO_NODE,
      NO_DEXIE,
    ],
  ),
  rule(
    ['electron/**/*.ts'],
    [
      [folder('renderer'), 'electron/ must not import the page.'],
      [folder('server'), 'electron/ must not import the server.'],
    ],
  ),
  rule(
    ['electron/host/**/*.ts', 'electron/browser/**/*.ts'],
    [
      [folder('renderer'), 'electron/ must not import the page.'],
      [folder('server'), 'electron/ must not import the server.'],
      ['^electron$', 'Host services are plain Node so the browser host can run them.'],
      [folder('main'), 'Host services must not depend on the Electron main process.'],
    ],
  ),
  rule(
    ['server/**/*.ts'],
    [
      [folder('renderer'), 'server/ must not import the page.'],
      [folder('electron'), 'server/ must not import the desktop shell.'],
    ],
  ),
];
