// An honest empty state for the sections later work fills.
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePendingOperationCount } from '../../db';

type Section = 'sync';

export function PlaceholderPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  const pending = usePendingOperationCount();
  const showPending = pending !== undefined;
  return (
    <section aria-labelledby="section-title">
      <Typography.Title level={3} id="section-title">
        {t(`nav.${section}`)}
      </Typography.Title>
      <Empty
        description={
          <>
            <Typography.Paragraph>{t(`placeholder.${section}`)}</Typography.Paragraph>
            <Typography.Text type="secondary">{t('placeholder.comingLater')}</Typography.Text>
            {showPending && (
              <Typography.Paragraph data-testid="pending-ops">
                {t('placeholder.pendingOps', { count: pending })}
              </Typography.Paragraph>
            )}
          </>
        }
      />
    </section>
  );
}
