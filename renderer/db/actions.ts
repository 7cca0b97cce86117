// What components may ask of the data layer beyond reading: the commands, bound to the open database.
import type { Campaign } from '../../shared/sample/campaign';
import type { DuchaDatabase } from './database';
import type { Project } from '../../shared/domain/project';
import { createProject, updateProject } from './repositories/projects';
import { loadCampaign, startEmpty } from './repositories/setup';

export const setupActions = (db: DuchaDatabase) => ({
  startEmpty: () => startEmpty(db),
  loadSampleCampaign: (campaign: Campaign) => loadCampaign(db, campaign),
});

export const projectActions = (db: DuchaDatabase) => ({
  create: (project: Project) => createProject(db, project),
  update: (id: string, changes: Partial<Project>) => updateProject(db, id, changes),
});
