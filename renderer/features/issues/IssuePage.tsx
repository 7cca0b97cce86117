// One issue (问题): what was found, where and by whom it must be fixed, its colour card, the steps
// the lifecycle allows next, its history and its photos.
import { ArrowLeftOutlined } from '../../ui/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordConflicts } from '../sync';
import { useNavigate, useParams } from 'react-router';
import type { Issue } from '../../../shared/domain/issue';
import { allowedSteps, type StepKind } from '../../../shared/issues/lifecycle';
import { formatInstant } from '../../ui/format-instant';
import { useIssue, useOrganization, useProject } from '../../db';
import { useToday } from '../../stores/clock';
import { useSession } from '../../stores/session';
import { PhotoPanel } from '../photos';
import { ColourCard } from '../../ui/ColourCard';
import { useActorName } from '../../ui/ActorField';
import { ReadAction } from '../../ui/ReadAction';
import { NoticeDocument } from '../reports';
import { IssueHistory } from './IssueHistory';
import { IssueReinspections } from './IssueReinspections';
import { type Decision, StepDialog } from './StepDialog';

export function IssuePage() {
  const { id = '' } = useParams();
  const issue = useIssue(id);
  const { t } = useTranslation();
  if (issue === undefined) return <Spin />;
  if (issue === null) return <Typography.Paragraph>{t('issue.notFound')}</Typography.Paragraph>;
  return <IssueView issue={issue} />;
}

function IssueView({ issue }: { issue: Issue }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = useToday();
  const language = useSession((s) => s.language);
  const project = useProject(issue.projectId);
  const organization = useOrganization();
  const [step, setStep] = useState<StepKind | null>(null);
  const [decided, setDecided] = useState<Decision | null>(null);
  const actorName = useActorName();
  // The notice just given out from this page: its document is made (and saved as PDF) at once.
  const [issuedNow, setIssuedNow] = useState<string | null>(null);
  const noticeUnit = issue.responsibleUnitIds[0] ?? null;
  const steps = allowedSteps(issue.status, issue.needsCoordination);
  const unitNames = issue.responsibleUnitIds.map(
    (id) => organization?.unitNames.get(id) ?? t('shell.unknownName'),
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1200 }}>
      <div>
        {issue.visitId && (
          <ReadAction>
            <Button
              type="link"
              icon={<ArrowLeftOutlined />}
              style={{ paddingLeft: 0 }}
              onClick={() => void navigate(`/visits/${issue.visitId ?? ''}`)}
            >
              {t('issue.backToVisit')}
            </Button>
          </ReadAction>
        )}
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {issue.title}
          </Typography.Title>
          <Space>
            <Tag data-testid="issue-status">{t(`issue.status.${issue.status}`)}</Tag>
            <ColourCard issue={issue} today={today} />
          </Space>
        </Space>
      </div>
      <RecordConflicts table="issues" rowId={issue.id} />
      {issue.closedAt && (
        <Alert
          type="success"
          showIcon
          title={t('issue.closedNote', { at: formatInstant(issue.closedAt, language) })}
        />
      )}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('issue.fields.project')}>
            {project ? (
              <Typography.Link onClick={() => void navigate(`/projects/${project.id}`)}>
                {project.name}
              </Typography.Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('issue.fields.units')}>{unitNames.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('issue.fields.category')}>
            {t(`issueCategory.${issue.category}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('issue.fields.severity')}>
            {t(`severity.${issue.severity}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('issue.fields.deadline')}>
            <span data-testid="issue-deadline">{issue.deadline}</span>
            {issue.deadline !== issue.originalDeadline && (
              <Typography.Text type="secondary">
                {' '}
                ({t('issue.fields.originalDeadline')} {issue.originalDeadline})
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('issue.fields.notice')}>
            <span data-testid="issue-notice-number">{issue.noticeNumber ?? '—'}</span>
            {issue.noticeNumber && (
              <Typography.Link
                style={{ marginLeft: 8 }}
                onClick={() =>
                  void navigate(
                    `/reports?doc=notice&unit=${encodeURIComponent(noticeUnit ?? '')}&number=${encodeURIComponent(issue.noticeNumber ?? '')}`,
                  )
                }
              >
                {t('issuing.notice.open')}
              </Typography.Link>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('issue.fields.description')} span={2}>
            {issue.description || '—'}
          </Descriptions.Item>
        </Descriptions>
        {issue.checklistItem && (
          <Typography.Paragraph data-testid="issue-checklist-item" style={{ margin: '12px 0 0' }}>
            {t('evidence.fromItem', { text: issue.checklistItem.text })}
          </Typography.Paragraph>
        )}
      </Card>
      {steps.length > 0 && (
        <Card title={t('issue.actions')}>
          <Space wrap>
            {steps.map((kind) => (
              <Button
                key={kind}
                type={kind === 'closed' ? 'primary' : 'default'}
                onClick={() => setStep(kind)}
              >
                {t(`issue.steps.${kind}`)}
              </Button>
            ))}
          </Space>
        </Card>
      )}
      {issue.status === 'closed' && (
        <div>
          <ReadAction>
            <Button
              onClick={() => void navigate(`/reports?doc=closeOut&issue=${encodeURIComponent(issue.id)}`)}
            >
              {t('reports.tabs.closeOut')}
            </Button>
          </ReadAction>
        </div>
      )}
      {issuedNow && (
        <Card title={`${t('reports.tabs.notice')} ${issuedNow}`}>
          <NoticeDocument number={issuedNow} unitId={noticeUnit} saveOnReady />
        </Card>
      )}
      <IssueReinspections issue={issue} />
      <IssueHistory
        issueId={issue.id}
        status={issue.status}
        onDecide={(decision) => {
          setDecided(decision);
          setStep('stepsDecided');
        }}
      />
      <Card title={t('issue.photos')}>
        <PhotoPanel
          link={{ projectId: issue.projectId, issueId: issue.id }}
          readOnly={issue.status === 'closed'}
        />
      </Card>
      <StepDialog
        issue={issue}
        step={step}
        defaultActor={actorName}
        onClose={() => {
          setStep(null);
          setDecided(null);
        }}
        onIssued={setIssuedNow}
        decided={decided}
      />
    </Space>
  );
}
