// A leader reads every team's records and writes none. While a leader is signed in, every antd control
// of the page (buttons, fields, uploads, switches) is disabled at once, so no write is offered anywhere,
// with the reason as the tooltip; controls that only read opt back in (renderer/ui/ReadAction.tsx), and
// the pages of sync itself stay usable (signing out, syncing). The data layer refuses a leader's write
// anyway (renderer/db/repositories/sync/read-only.ts); this is what the person sees.
import { ConfigProvider, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadOnly, useSyncState } from '../../db';

/** Pages used as they are by a leader: signing out and syncing are not writes of records. */
const USABLE_READ_ONLY = ['/sync'];

function useReadOnlyReason(): string | null {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const name = useSyncState()?.signIn?.person.name ?? '';
  return readOnly === true ? t('sync.readOnly.why', { name }) : null;
}

export function ReadOnlyBoundary({ path, children }: { path: string; children: ReactNode }) {
  const reason = useReadOnlyReason();
  if (reason === null || USABLE_READ_ONLY.some((p) => path.startsWith(p))) return children;
  return (
    <ConfigProvider componentDisabled>
      {/* The title is the tooltip of every disabled control inside that has none of its own. */}
      <div title={reason} data-testid="read-only-page">
        {children}
      </div>
    </ConfigProvider>
  );
}

/** The header's tag while a leader is signed in: "只读（领导）", the reason on hover and to readers. */
export function ReadOnlyTag() {
  const { t } = useTranslation();
  const reason = useReadOnlyReason();
  if (reason === null) return null;
  return (
    <Tooltip title={reason}>
      <Tag
        color="blue"
        role="status"
        data-testid="read-only-tag"
        aria-label={`${t('sync.readOnly.tag')}: ${reason}`}
      >
        {t('sync.readOnly.tag')}
      </Tag>
    </Tooltip>
  );
}
