// Who handled a step (经办人): the one field every step, re-inspection, result and notice dialog asks
// for, with the same label, length and id wiring everywhere. The person signed in for sync, else the
// person chosen as this laptop's user, is the default (useActorName); with neither the field stays
// empty and required, and says where to choose — never the app's name.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSyncState, useWorkingContext } from '../db';

/**
 * The name to prefill as the actor: the person signed in for sync on this laptop (several people may
 * share one laptop; the one signed in answers for what it writes), else the person chosen as this
 * laptop's user, '' when neither (or not yet loaded).
 */
export function useActorName(): string {
  const signedIn = useSyncState()?.signIn?.person.name;
  const working = useWorkingContext()?.person?.name;
  return signedIn ?? working ?? '';
}

export function ActorField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const context = useWorkingContext();
  const noPerson = context !== undefined && context.person === null;
  return (
    <Form.Item
      label={t('issue.dialog.actor')}
      htmlFor={id}
      extra={
        noPerson ? (
          <span data-testid="actor-hint">
            {t('issuing.actor.noPerson')} <Link to="/organization">{t('issuing.actor.choosePerson')}</Link>
          </span>
        ) : undefined
      }
    >
      <Input id={id} maxLength={50} value={value} onChange={(e) => onChange(e.target.value)} />
    </Form.Item>
  );
}
