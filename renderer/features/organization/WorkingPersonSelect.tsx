// Who works on this laptop now (当前经办人): one of the team's active people. The choice stays on this
// laptop; the person chosen is the actor of what is done here.
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/domain/organization';
import { organizationActions, useDatabase, useOrganization, useWorkingContext } from '../../db';
import { useFailureText } from './failure-text';

/** The team's own active people; every active person when none is marked as the team's. */
export function teamPeople(people: readonly Person[], team: { id: string; memberIds: string[] } | null) {
  if (!team) return [...people];
  const own = people.filter((p) => p.teamId === team.id || team.memberIds.includes(p.id));
  return own.length > 0 ? own : [...people];
}

interface Props {
  width?: number;
  /** The accessible name; the header's is 当前经办人 / Working as. */
  label?: string;
}

export function WorkingPersonSelect({ width = 150, label }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = organizationActions(useDatabase());
  const org = useOrganization();
  const working = useWorkingContext();
  const failureText = useFailureText();
  const people = org && working ? teamPeople(org.people, working.team) : [];
  const choose = (id: string) => {
    actions.choosePerson(id).catch((e: unknown) => void message.error(failureText(e)));
  };
  return (
    <Select
      aria-label={label ?? t('organization.working.label')}
      data-testid="working-person"
      style={{ width }}
      value={working?.person?.id ?? null}
      placeholder={t('organization.working.choose')}
      notFoundContent={t('organization.working.none')}
      onChange={choose}
      options={people.map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}
