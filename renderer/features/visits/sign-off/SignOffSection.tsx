// Sign-off on the visit page: the inspector's and the site representative's signatures, each with
// the name and the time; signing, signing again and removing while the visit is a draft.
import { App, Button, Card, Col, Image, Popconfirm, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNER_ROLES, type Signature, type Visit } from '../../../../shared/domain/visit';
import { formatInstant } from '../../../ui/format-instant';
import { type Organization, visitActions, useDatabase, usePhotoDerivativeUrl } from '../../../db';
import { useSession } from '../../../stores/session';
import { useActorName } from '../../../ui/ActorField';
import { SignDialog } from './SignDialog';
import { errorContent } from '../../../ui/ErrorDetails';
import { describeFailure } from '../../../ui/user-error';

export function SignOffSection({
  visit,
  organization,
}: {
  visit: Visit;
  organization: Organization | undefined;
}) {
  const { t } = useTranslation();
  const [signing, setSigning] = useState<Signature['role'] | null>(null);
  const locked = visit.status === 'finalized';
  const people = new Map((organization?.people ?? []).map((p) => [p.id, p.name]));
  // The inspector who signs is, by default, the person working on this laptop; else the visit's first member.
  const chosen = useActorName();
  const inspectorName = chosen || (visit.memberIds.map((id) => people.get(id)).find(Boolean) ?? '');
  const existing = signing ? visit.signatures.find((s) => s.role === signing) : undefined;

  return (
    <Card title={t('signOff.title')}>
      <Row gutter={[16, 16]}>
        {SIGNER_ROLES.map((role) => (
          <Col xs={24} md={12} key={role}>
            <SignatureSlot
              visitId={visit.id}
              role={role}
              signature={visit.signatures.find((s) => s.role === role)}
              locked={locked}
              onSign={() => setSigning(role)}
            />
          </Col>
        ))}
      </Row>
      <SignDialog
        visitId={visit.id}
        role={signing}
        defaultName={existing?.name ?? (signing === 'inspector' ? inspectorName : '')}
        onClose={() => setSigning(null)}
      />
    </Card>
  );
}

interface SlotProps {
  visitId: string;
  role: Signature['role'];
  signature: Signature | undefined;
  locked: boolean;
  onSign: () => void;
}

function SignatureSlot({ visitId, role, signature, locked, onSign }: SlotProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useSession((s) => s.language);
  const actions = visitActions(useDatabase());
  const url = usePhotoDerivativeUrl(signature?.imageSha256 ?? null, 'thumbnail');
  const roleName = t(`signOff.${role}`);

  const remove = async () => {
    try {
      await actions.removeSignature(visitId, role);
      void message.success(t('signOff.removed'));
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'signOff.failed')));
    }
  };

  return (
    <section aria-label={roleName} data-testid={`signature-${role}`}>
      <Typography.Text strong>{roleName}</Typography.Text>
      <div
        style={{
          marginTop: 8,
          minHeight: 110,
          border: '1px solid #f0f0f0',
          borderRadius: 6,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          background: '#fafafa',
        }}
      >
        {signature && url ? (
          <Image
            src={url}
            alt={t('signOff.signatureOf', { name: signature.name })}
            height={100}
            preview={false}
            style={{ objectFit: 'contain' }}
          />
        ) : (
          <Typography.Text type="secondary">{t('signOff.notSigned')}</Typography.Text>
        )}
      </div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }} wrap>
        <Typography.Text data-testid={`signature-${role}-by`}>
          {signature
            ? t('signOff.signedAt', { name: signature.name, at: formatInstant(signature.signedAt, language) })
            : ''}
        </Typography.Text>
        {!locked && (
          <Space>
            {signature && (
              <Popconfirm title={t('signOff.remove')} onConfirm={() => void remove()}>
                <Button>{t('signOff.remove')}</Button>
              </Popconfirm>
            )}
            <Button
              type={signature ? 'default' : 'primary'}
              onClick={onSign}
              aria-label={t('signOff.signAs', { role: roleName })}
            >
              {signature ? t('signOff.resign') : t('signOff.sign')}
            </Button>
          </Space>
        )}
      </Space>
    </section>
  );
}
