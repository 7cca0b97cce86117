// The hash chain of a finalized visit's amendments: see linked-chain.ts for what is hashed.
import { VisitAmendmentSchema, type VisitAmendment } from '../domain/visit-amendment';
import { defineChain } from './linked-chain';

export const amendmentChain = defineChain<VisitAmendment>(VisitAmendmentSchema, 'visitId');
