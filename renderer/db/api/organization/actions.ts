// Commands of the team's own setup (组织): its regions, units, people and teams, and who works on this
// laptop.
import type { Person, Region, Team, Unit } from '../../../../shared/domain/organization';
import type { DuchaDatabase } from '../../database';
import {
  addPerson,
  addRegion,
  addTeam,
  addUnit,
  updatePerson,
  updateRegion,
  updateTeam,
  updateUnit,
} from '../../repositories/organization-edit';
import { importLists, type ListsToImport } from '../../repositories/organization-import';
import { chooseWorkingPerson, chooseWorkingTeam } from '../../repositories/working-context';

type NewOf<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt'>;

export const organizationActions = (db: DuchaDatabase) => ({
  addRegion: (fields: NewOf<Region>) => addRegion(db, fields),
  updateRegion: (id: string, changes: Partial<NewOf<Region>>) => updateRegion(db, id, changes),
  addUnit: (fields: NewOf<Unit>) => addUnit(db, fields),
  updateUnit: (id: string, changes: Partial<NewOf<Unit>>) => updateUnit(db, id, changes),
  addPerson: (fields: NewOf<Person>) => addPerson(db, fields),
  updatePerson: (id: string, changes: Partial<NewOf<Person>>) => updatePerson(db, id, changes),
  addTeam: (fields: NewOf<Team>) => addTeam(db, fields),
  updateTeam: (id: string, changes: Partial<NewOf<Team>>) => updateTeam(db, id, changes),
  /** The new entries of a lists workbook, all in one transaction. */
  importLists: (lists: ListsToImport) => importLists(db, lists),
  /** This laptop's choices; never synced. */
  chooseTeam: (teamId: string | null) => chooseWorkingTeam(db, teamId),
  choosePerson: (personId: string | null) => chooseWorkingPerson(db, personId),
});
