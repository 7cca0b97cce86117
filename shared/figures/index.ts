// Derived figures of the project ledger (DOMAIN.md, "Derived figures the leaders ask for").
export * from './investment';
export * from './funding';
export * from './milestones';
export * from './start-rate';
export * from './investment-trend';
