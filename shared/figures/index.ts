// Derived figures of the project ledger (DOMAIN.md, "Derived figures the leaders ask for") and of the
// dashboard (统计): rectification per county and unit, the ranking, the trend, projects against targets.
export * from './investment';
export * from './funding';
export * from './milestones';
export * from './start-rate';
export * from './investment-trend';
export * from './zone-days';
export * from './closed-on-time';
export * from './counties';
export * from './rectification';
export * from './issue-trend';
export * from './issue-figures';
export * from './ranking';
export * from './project-figures';
