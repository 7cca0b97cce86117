// The team's own setup (组织), its first-run set-up and who works on this laptop: what the app frame uses.
export { WorkingPersonSelect } from './WorkingPersonSelect';
export { useNeedsSetup } from './setup/use-needs-setup';
