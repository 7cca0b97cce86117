// The projects feature's public face: the ledger's view (its filter and sort), which the dashboard's
// project table follows.
export { useLedgerView } from './ledger/ledger-view-store';
