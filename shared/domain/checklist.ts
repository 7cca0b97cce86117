// Checklist templates (检查表) and the answers a visit gives to one version of a template.
import { z } from 'zod';
import { IdSchema, RecordBase, Sha256Schema } from './common';

export const ANSWER_KINDS = ['yesNoNa', 'number', 'text', 'photo'] as const;

export const ChecklistItemSchema = z.object({
  id: z.string().min(1).max(40),
  text: z.string().min(1).max(500),
  answerKind: z.enum(ANSWER_KINDS),
  unit: z.string().max(20).nullable(),
  /** Points the item is worth when answered yes; null when the template is not scored. */
  score: z.number().nonnegative().nullable(),
  required: z.boolean(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const ChecklistTemplateSchema = z.object({
  ...RecordBase,
  /** Stable across versions: all versions of one template share it. */
  key: z.string().min(1).max(60),
  version: z.number().int().positive(),
  name: z.string().min(1).max(100),
  builtIn: z.boolean(),
  sections: z.array(z.object({ title: z.string().min(1).max(100), items: z.array(ChecklistItemSchema) })),
});
export type ChecklistTemplate = z.infer<typeof ChecklistTemplateSchema>;

export const AnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yesNoNa'), value: z.enum(['yes', 'no', 'na']) }),
  z.object({ kind: z.literal('number'), value: z.number() }),
  z.object({ kind: z.literal('text'), value: z.string().max(2000) }),
  z.object({ kind: z.literal('photo'), value: z.array(Sha256Schema) }),
]);
export type Answer = z.infer<typeof AnswerSchema>;

export const ChecklistResultSchema = z.object({
  ...RecordBase,
  visitId: IdSchema,
  templateId: IdSchema,
  templateKey: z.string(),
  /** The version the visit was filled with; a later edit of the template does not change it. */
  templateVersion: z.number().int().positive(),
  answers: z.record(z.string(), AnswerSchema.and(z.object({ note: z.string().max(1000) }))),
});
export type ChecklistResult = z.infer<typeof ChecklistResultSchema>;
