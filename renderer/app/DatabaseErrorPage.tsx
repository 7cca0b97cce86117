// Shown instead of the app when the database cannot be used: what happened and what to do.
import { Button, Collapse, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatabaseState } from '../stores/database';

type Problem = Exclude<DatabaseState, { status: 'ready' } | { status: 'opening' }>;

export function DatabaseErrorPage({ state }: { state: Problem }) {
  const { t } = useTranslation();
  const reason = state.status === 'failed' ? state.failure.kind : state.status;
  const waiting = state.status === 'blocked';
  return (
    <Result
      status={waiting ? 'warning' : 'error'}
      title={t('dbError.title')}
      subTitle={
        <span data-testid="db-error-reason" data-reason={reason}>
          {t(`dbError.${reason}`)}
        </span>
      }
      extra={
        waiting ? null : (
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('dbError.reload')}
          </Button>
        )
      }
    >
      {state.status === 'failed' && (
        <Collapse
          ghost
          items={[
            {
              key: 'detail',
              label: t('dbError.detail'),
              children: <Typography.Text code>{state.failure.detail}</Typography.Text>,
            },
          ]}
        />
      )}
    </Result>
  );
}
