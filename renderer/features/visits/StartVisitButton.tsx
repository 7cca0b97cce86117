// Starts a visit of a project: the draft is stored at once, then opened.
import { FileAddOutlined } from '../../ui/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStartVisit } from './use-start-visit';

export function StartVisitButton({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const start = useStartVisit();
  return (
    <Button type="primary" icon={<FileAddOutlined />} onClick={() => void start(projectId)}>
      {t('visits.start')}
    </Button>
  );
}
