// Which schema validates the rows of each synced table.
import type { z } from 'zod';
import type { SyncedTable } from '../sync/tables';
import { ChecklistResultSchema, ChecklistTemplateSchema } from './checklist';
import { IssueEventSchema, IssueSchema } from './issue';
import { PersonSchema, RegionSchema, TeamSchema, UnitSchema } from './organization';
import { PhotoSchema } from './photo';
import { PhotoAnnotationSchema } from './photo-annotation';
import { ProjectSchema } from './project';
import { TargetsSchema } from './targets';
import { VisitSchema } from './visit';
import { VisitAmendmentSchema } from './visit-amendment';

export const RECORD_SCHEMAS = {
  regions: RegionSchema,
  units: UnitSchema,
  people: PersonSchema,
  teams: TeamSchema,
  projects: ProjectSchema,
  visits: VisitSchema,
  checklistTemplates: ChecklistTemplateSchema,
  checklistResults: ChecklistResultSchema,
  issues: IssueSchema,
  issueEvents: IssueEventSchema,
  photos: PhotoSchema,
  visitAmendments: VisitAmendmentSchema,
  photoAnnotations: PhotoAnnotationSchema,
  targets: TargetsSchema,
} as const satisfies Record<SyncedTable, z.ZodType>;

export type RecordOf<T extends SyncedTable> = z.infer<(typeof RECORD_SCHEMAS)[T]>;
