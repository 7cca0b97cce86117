// "Choose folder": the system's dialog in the desktop app; on the browser host (which has none) a
// small folder browser over the host's file system — a path to type, places to start from, subfolders.
// Either way what comes back is a grant: the host's word for the folder the person chose.
import { Alert, Button, Input, List, Modal, Space, Typography } from 'antd';
import { FolderOutlined } from '../../ui/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeFailure, FolderListing, Place, ResponseOf } from '../../../shared/contract';
import { useHost } from '../../ui/host-context';
import { errorContent } from '../../ui/ErrorDetails';
import type { UserError } from '../../ui/user-error';
import { faultMessage } from './problem-text';

type BrowseReply = ResponseOf<'exchangeBrowse'>;

interface Props {
  readonly purpose: 'export' | 'import';
  readonly onChosen: (place: Place) => void;
}

export function ChooseFolderButton({ purpose, onChosen }: Props) {
  const { t } = useTranslation();
  const { api } = useHost();
  const [browsing, setBrowsing] = useState(false);
  const choose = async () => {
    const chosen = await api.exchangeChooseFolder({ purpose });
    if (chosen.native) {
      if (chosen.chosen) onChosen(chosen.chosen);
      return;
    }
    setBrowsing(true);
  };
  return (
    <>
      <Button icon={<FolderOutlined aria-hidden />} onClick={() => void choose()}>
        {t('exchange.chooseFolder')}
      </Button>
      {browsing && (
        <FolderBrowser
          onCancel={() => setBrowsing(false)}
          onChosen={(place) => {
            setBrowsing(false);
            onChosen(place);
          }}
        />
      )}
    </>
  );
}

function FolderBrowser({ onCancel, onChosen }: { onCancel: () => void; onChosen: (place: Place) => void }) {
  const { t } = useTranslation();
  const { api } = useHost();
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<UserError | null>(null);

  const showFailure = useCallback(
    (failure: ExchangeFailure) => {
      const fault = faultMessage(failure, t);
      setProblem({ ...fault, message: t('exchange.folder.failed', { reason: fault.message }) });
    },
    [t],
  );
  const show = useCallback(
    (reply: BrowseReply) => {
      if (reply.status === 'failed') {
        showFailure(reply);
        return;
      }
      setProblem(null);
      setListing(reply);
      setTyped(reply.path);
    },
    [showFailure],
  );
  const open = async (path: string | null): Promise<BrowseReply> => {
    const reply = await api.exchangeBrowse({ path });
    show(reply);
    return reply;
  };
  // The host grants the folder only if it could list it; its refusal shows here, the chooser open.
  const grant = async (path: string) => {
    const reply = await api.exchangeGrant({ path });
    if (reply.status === 'failed') showFailure(reply);
    else onChosen({ grant: reply.grant, path: reply.path });
  };
  // A path typed and not yet opened is the one meant: it is opened first, and taken only if it is a
  // folder the host can list, so a typo shows its problem here instead of becoming the target.
  const use = async () => {
    if (!listing) return;
    const wanted = typed.trim();
    if (wanted === '' || wanted === listing.path) {
      await grant(listing.path);
      return;
    }
    const reply = await open(wanted);
    if (reply.status !== 'failed') await grant(reply.path);
  };
  useEffect(() => {
    // The home folder first; the reply arrives after this effect, as any external listing does.
    let live = true;
    void api.exchangeBrowse({ path: null }).then((reply) => {
      if (live) show(reply);
    });
    return () => {
      live = false;
    };
  }, [api, show]);

  return (
    <Modal
      open
      title={t('exchange.folder.title')}
      onCancel={onCancel}
      okText={t('exchange.folder.use')}
      okButtonProps={{ disabled: !listing }}
      onOk={() => void use()}
      width={640}
    >
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input
          aria-label={t('exchange.folder.path')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onPressEnter={() => void open(typed.trim() || null)}
        />
        <Button onClick={() => void open(typed.trim() || null)}>{t('exchange.folder.open')}</Button>
      </Space.Compact>
      {problem && (
        <Alert type="error" showIcon message={errorContent(problem)} style={{ marginBottom: 12 }} />
      )}
      {listing && (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('exchange.folder.places')}</Typography.Text>
            {listing.places.map((place) => (
              <Button key={place.path} size="small" onClick={() => void open(place.path)}>
                {place.label}
              </Button>
            ))}
            {listing.parent && (
              <Button size="small" onClick={() => void open(listing.parent)}>
                {t('exchange.folder.up')}
              </Button>
            )}
          </Space>
          <List
            size="small"
            bordered
            style={{ maxHeight: 320, overflow: 'auto' }}
            locale={{ emptyText: t('exchange.folder.empty') }}
            dataSource={listing.folders}
            renderItem={(name) => (
              <List.Item>
                <Button
                  type="link"
                  icon={<FolderOutlined aria-hidden />}
                  onClick={() => void open(joinPath(listing.path, name))}
                >
                  {name}
                </Button>
              </List.Item>
            )}
          />
        </>
      )}
    </Modal>
  );
}

/** The host's own separator: a Windows path has backslashes. */
function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}
