// One visit (督查记录): its record, checklists and findings; finalizing locks it.
import { ArrowLeftOutlined, LockOutlined, FileTextOutlined } from '../../ui/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Project } from '../../../shared/domain/project';
import type { Visit } from '../../../shared/domain/visit';
import { useDatabase, useOrganization, useProject, useVisit, visitActions } from '../../db';
import { formatInstant } from '../../ui/format-instant';
import { useSession } from '../../stores/session';
import { PhotoPanel } from '../photos';
import { AmendmentHistory } from './AmendmentHistory';
import { ChecklistsSection } from './ChecklistsSection';
import { DeleteDraftVisitButton } from './DeleteDraftVisitButton';
import { type FindingsHandle, FindingsSection } from './FindingsSection';
import { ReinspectedIssues } from './reinspection/ReinspectedIssues';
import { SignOffSection } from './sign-off/SignOffSection';
import { VisitForm } from './VisitForm';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

export function VisitPage() {
  const { id = '' } = useParams();
  const visit = useVisit(id);
  const { t } = useTranslation();
  if (visit === undefined) return <Spin />;
  if (visit === null) return <Typography.Paragraph>{t('visits.notFound')}</Typography.Paragraph>;
  return <VisitWithProject visit={visit} />;
}

function VisitWithProject({ visit }: { visit: Visit }) {
  const project = useProject(visit.projectId);
  if (project === undefined) return <Spin />;
  if (project === null) return null;
  return <VisitView visit={visit} project={project} />;
}

function VisitView({ visit, project }: { visit: Visit; project: Project }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const organization = useOrganization();
  const actions = visitActions(useDatabase());
  const locked = visit.status === 'finalized';
  const inspectorSigned = visit.signatures.some((s) => s.role === 'inspector');
  const language = useSession((s) => s.language);
  // A checklist item answered 否 opens the findings' dialog with the item in it.
  const findings = useRef<FindingsHandle>(null);

  const finalize = async () => {
    try {
      await actions.finalize(visit.id);
      void message.success(t('visits.finalized'));
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'visits.saveFailed')));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1200 }}>
      <div>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingLeft: 0 }}
          onClick={() => void navigate(`/projects/${project.id}`)}
        >
          {project.name}
        </Button>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('visits.title', { date: visit.date, type: t(`visitType.${visit.type}`) })}
          </Typography.Title>
          <Space>
            <Tag color={locked ? 'green' : 'gold'} data-testid="visit-status">
              {t(`visits.status.${visit.status}`)}
            </Tag>
            {!locked && !inspectorSigned && (
              <Typography.Text type="secondary" data-testid="finalize-needs-signature">
                {t('signOff.needInspector')}
              </Typography.Text>
            )}
            <Button
              icon={<FileTextOutlined aria-hidden />}
              onClick={() => void navigate(`/reports?doc=visit&visit=${encodeURIComponent(visit.id)}`)}
            >
              {t('reports.tabs.visit')}
            </Button>
            {!locked && <DeleteDraftVisitButton visit={visit} projectId={project.id} />}
            {!locked && (
              <Popconfirm
                disabled={!inspectorSigned}
                title={t('visits.finalizeConfirm')}
                okText={t('visits.finalize')}
                cancelText={t('projects.cancel')}
                onConfirm={() => void finalize()}
              >
                <Button type="primary" icon={<LockOutlined />} disabled={!inspectorSigned}>
                  {t('visits.finalize')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Space>
      </div>
      {locked && (
        <Alert
          type="info"
          showIcon
          title={t('visits.lockedNote', {
            at: visit.finalizedAt ? formatInstant(visit.finalizedAt, language) : '',
          })}
        />
      )}
      <VisitForm key={`${visit.id}-${visit.status}`} visit={visit} organization={organization} />
      <AmendmentHistory visit={visit} organization={organization} />
      {(visit.type === 'reinspection' || visit.reinspectedIssueIds.length > 0) && (
        <ReinspectedIssues visit={visit} organization={organization} />
      )}
      <Card title={t('photos.title')}>
        <PhotoPanel link={{ projectId: project.id, visitId: visit.id }} readOnly={locked} />
      </Card>
      <ChecklistsSection visit={visit} onRecordFinding={(item) => findings.current?.recordFrom(item)} />
      <FindingsSection ref={findings} visit={visit} project={project} organization={organization} />
      <SignOffSection visit={visit} organization={organization} />
    </Space>
  );
}
