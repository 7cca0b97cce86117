// Starts a visit of a project: the draft is stored at once, then opened.
import { FileAddOutlined } from '../../ui/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDatabase, useTeams, visitActions } from '../../db';
import { draftVisit } from './new-visit';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

export function StartVisitButton({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const actions = visitActions(useDatabase());
  const teams = useTeams();
  const start = async () => {
    const visit = draftVisit(projectId, teams?.[0], Date.now());
    try {
      await actions.create(visit);
      void navigate(`/visits/${visit.id}`);
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'visits.saveFailed')));
    }
  };
  return (
    <Button type="primary" icon={<FileAddOutlined />} onClick={() => void start()}>
      {t('visits.start')}
    </Button>
  );
}
