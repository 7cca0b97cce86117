// A draft visit started by mistake is deleted, after a confirmation that names what goes with it; the
// deletion is a tombstone that travels to the other laptops. A finalized visit has no such button
// (and the data layer refuses it): it is corrected by an amendment.
import { DeleteOutlined } from '../../ui/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Visit } from '../../../shared/domain/visit';
import { useDatabase, visitActions } from '../../db';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

export function DeleteDraftVisitButton({ visit, projectId }: { visit: Visit; projectId: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const actions = visitActions(useDatabase());

  const remove = async () => {
    try {
      await actions.deleteDraft(visit.id);
      void message.success(t('drafts.deleteVisit.deleted'));
      void navigate(`/projects/${projectId}`);
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'drafts.deleteVisit.failed')));
    }
  };

  const ask = async () => {
    const contents = await actions.draftContents(visit.id);
    void modal.confirm({
      title: t('drafts.deleteVisit.title'),
      content: t('drafts.deleteVisit.body', { date: visit.date, ...contents }),
      okText: t('drafts.deleteVisit.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('drafts.deleteVisit.cancel'),
      onOk: remove,
    });
  };

  if (visit.status !== 'draft') return null;
  return (
    <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => void ask()}>
      {t('drafts.deleteVisit.button')}
    </Button>
  );
}
