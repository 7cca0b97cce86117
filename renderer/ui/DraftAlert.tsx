// The offer of a draft left from before, above the form it belongs to: when it was kept, and the two
// choices. Also says so when what is typed could not be kept as a draft (e.g. the disk is full).
import { Alert, Button, ConfigProvider, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from './format-instant';
import { useSession } from '../stores/session';
import { describeError } from './user-error';

interface Props {
  /** The offered draft (null or undefined: none to offer). */
  offer: { savedAt: string } | null | undefined;
  onRestore: () => void;
  onDiscard: () => void;
  /** A draft that could not be stored. */
  problem?: unknown;
  /** The sentence that names what the draft is; the form's own by default. */
  text?: (at: string) => string;
}

export function DraftAlert({ offer, onRestore, onDiscard, problem, text }: Props) {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  return (
    <>
      {offer && (
        <Alert
          type="info"
          showIcon
          data-testid="draft-offer"
          style={{ marginBottom: 16 }}
          title={
            text
              ? text(formatInstant(offer.savedAt, language))
              : t('drafts.offer', { at: formatInstant(offer.savedAt, language) })
          }
          description={t('drafts.offerDetail')}
          action={
            // Inside a form kept read-only until the person chooses, the two choices stay usable.
            <ConfigProvider componentDisabled={false}>
              <Space direction="vertical">
                <Button type="primary" size="small" onClick={onRestore}>
                  {t('drafts.restore')}
                </Button>
                <Button size="small" danger onClick={onDiscard}>
                  {t('drafts.discard')}
                </Button>
              </Space>
            </ConfigProvider>
          }
        />
      )}
      {problem !== null && problem !== undefined && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('drafts.keepFailed', { reason: describeError(problem, t).message })}
        />
      )}
    </>
  );
}
