// The hash chain of an issue's history (its IssueEvents): see linked-chain.ts for what is hashed.
import { IssueEventSchema, type IssueEvent } from '../domain/issue';
import { defineChain } from './linked-chain';

export type { ChainVerdict } from './linked-chain';
export type ChainEntry = Omit<IssueEvent, 'hash'>;

export const issueChain = defineChain<IssueEvent>(IssueEventSchema, 'issueId');
export const { chainText, hashEntry, hashEntrySync, verifyChain, sealChain } = issueChain;
