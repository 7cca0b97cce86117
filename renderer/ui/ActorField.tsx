// Who handled a step (经办人): the one field every step, re-inspection, result and notice dialog asks
// for, with the same label, length and id wiring everywhere. The person chosen as this laptop's user
// is the default (useActorName); with no one chosen the field stays empty and required, and says
// where to choose — never the app's name.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkingContext } from '../db';

/** The name to prefill as the actor: the person working on this laptop, '' when none is chosen (or yet loaded). */
export function useActorName(): string {
  return useWorkingContext()?.person?.name ?? '';
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
