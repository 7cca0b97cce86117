// Start-up, in two steps so that the database opens while the rest of the app loads. This module holds
// little beyond the data layer: it opens the database with the first screen's reads queued to go the
// moment it is open. app/start.tsx (the pages, React, antd, the host, the language) loads and runs
// meanwhile, and renders when the first screen has what it shows.
import { openDatabase, startFirstScreenReads } from './db/start';
import { setDatabaseState } from './stores/database';

// The ledger is the home page: it shows at #/projects and when the address has no page at all.
const ledger = /^\/?(projects\/?)?$/.test(window.location.hash.replace(/^#/, '').split('?')[0] ?? '');
const opening = openDatabase({
  onBlocked: () => setDatabaseState({ status: 'blocked' }),
  onReplaced: () => setDatabaseState({ status: 'replaced' }),
  startReads: (db) => startFirstScreenReads(db, { ledger }),
});

void import('./app/start').then(({ start }) => start(opening));
