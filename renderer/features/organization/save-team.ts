// Saving the team form: the city it works in (a region of level 'city', made when there is none yet)
// and the team's fields. A laptop with no team yet gets this one as its working team.
import type { Organization, WorkingContext, organizationActions } from '../../db';
import { cityOf } from './city';

export interface TeamValues {
  city: string;
  issuingAuthority: string;
  name: string;
  documentPrefix: string;
  nextNumber: number | null;
  minimumDeadlineDays: number | null;
  copyTo: string;
  printedBy: string;
}

type Actions = ReturnType<typeof organizationActions>;

export async function saveTeam(
  actions: Actions,
  org: Organization,
  working: WorkingContext,
  values: TeamValues,
  year: number,
): Promise<void> {
  const city = cityOf(org, working);
  const cityName = values.city.trim();
  let cityId = city?.id ?? null;
  if (city && city.name !== cityName) await actions.updateRegion(city.id, { name: cityName });
  if (!city && cityName !== '')
    cityId = (await actions.addRegion({ name: cityName, level: 'city', parentId: null })).id;
  const fields = {
    name: values.name.trim(),
    issuingAuthority: values.issuingAuthority.trim(),
    documentPrefix: values.documentPrefix.trim(),
    cityId,
    noticeSequenceStart: values.nextNumber === null ? null : { year, next: values.nextNumber },
    minimumDeadlineDays: values.minimumDeadlineDays ?? 0,
    copyTo: values.copyTo.trim(),
    printedBy: values.printedBy.trim(),
  };
  if (working.team) {
    await actions.updateTeam(working.team.id, fields);
    return;
  }
  const team = await actions.addTeam({ ...fields, leaderId: null, memberIds: [] });
  await actions.chooseTeam(team.id);
}
