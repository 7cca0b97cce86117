// Under a chosen folder or drive: what interrupted exports left there (hidden temporary folders the
// host writes an export under until it is complete), with a button that removes them. Shown only
// when there are some; an export being written now is never among them (the host knows which).
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../ui/host-context';
import { formatBytes } from '../../ui/format-bytes';
import { faultMessage } from './problem-text';

interface Found {
  readonly grant: string;
  readonly count: number;
  readonly bytes: number;
}

export function LeftoversNotice({ grant }: { grant: string }) {
  const { t } = useTranslation();
  const { api } = useHost();
  const [found, setFound] = useState<Found | null>(null);
  const [outcome, setOutcome] = useState<{ grant: string; text: string; ok: boolean } | null>(null);
  const [removing, setRemoving] = useState(false);

  useEffect(() => {
    let live = true;
    void api
      .exchangeLeftovers({ grant })
      .then((reply) => {
        if (live && reply.status === 'listed')
          setFound({
            grant,
            count: reply.leftovers.length,
            bytes: reply.leftovers.reduce((sum, l) => sum + l.bytes, 0),
          });
      })
      // Only an offer: a folder that cannot be listed says so where it is used.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, grant]);

  const remove = async () => {
    setRemoving(true);
    try {
      const reply = await api.exchangeRemoveLeftovers({ grant });
      setOutcome(
        reply.status === 'removed'
          ? {
              grant,
              ok: true,
              text: t('exchange.leftovers.removed', { count: reply.removed, size: formatBytes(reply.bytes) }),
            }
          : {
              grant,
              ok: false,
              text: t('exchange.leftovers.failed', { reason: faultMessage(reply, t).message }),
            },
      );
      if (reply.status === 'removed') setFound({ grant, count: 0, bytes: 0 });
    } finally {
      setRemoving(false);
    }
  };

  const shownOutcome = outcome?.grant === grant ? outcome : null;
  const shownFound = found?.grant === grant && found.count > 0 ? found : null;
  if (shownOutcome)
    return (
      <Alert
        type={shownOutcome.ok ? 'success' : 'error'}
        showIcon
        data-testid="leftovers-outcome"
        title={shownOutcome.text}
        style={{ marginTop: 12 }}
      />
    );
  if (!shownFound) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="leftovers"
      title={t('exchange.leftovers.found', { count: shownFound.count, size: formatBytes(shownFound.bytes) })}
      action={
        <Button size="small" loading={removing} onClick={() => void remove()}>
          {t('exchange.leftovers.remove')}
        </Button>
      }
      style={{ marginTop: 12 }}
    />
  );
}
