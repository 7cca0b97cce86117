// One issue on a re-inspection visit: what it is and where it stands, its before and after photos
// side by side, and the result — close out or send back — while the issue awaits re-inspection.
import { CheckCircleOutlined, RollbackOutlined } from '../../../ui/icons';
import { Alert, Button, Card, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Issue } from '../../../../shared/domain/issue';
import type { Visit } from '../../../../shared/domain/visit';
import {
  type Organization,
  type ReinspectionResult,
  useBeforeAndAfterPhotos,
  useIssue,
  useTeams,
} from '../../../db';
import { useToday } from '../../../stores/clock';
import { ColourCard } from '../../../ui/ColourCard';
import { useActorName } from '../../../ui/ActorField';
import { BeforeAfterPhotos } from './BeforeAfterPhotos';
import { inspectorOf, resultBlocker } from './reinspection-model';
import { ResultDialog } from './ResultDialog';

interface Props {
  visit: Visit;
  issueId: string;
  organization: Organization | undefined;
}

export function ReinspectionSection({ visit, issueId, organization }: Props) {
  const { t } = useTranslation();
  const issue = useIssue(issueId);
  if (issue === undefined) return <Spin />;
  if (issue === null)
    return (
      <Alert type="warning" showIcon title={t('reinspection.issueMissing')} data-testid="reinspected-issue" />
    );
  return <IssueOnVisit visit={visit} issue={issue} organization={organization} />;
}

function IssueOnVisit({ visit, issue, organization }: Omit<Props, 'issueId'> & { issue: Issue }) {
  const { t } = useTranslation();
  const today = useToday();
  const teams = useTeams();
  const actorName = useActorName();
  const photos = useBeforeAndAfterPhotos(visit.id, issue.id);
  const [result, setResult] = useState<ReinspectionResult['kind'] | null>(null);
  const blocker = resultBlocker(issue);
  const units = issue.responsibleUnitIds
    .map((id) => organization?.unitNames.get(id) ?? t('shell.unknownName'))
    .join('、');
  const afterShots = new Set(photos?.after.map((p) => p.sha256)).size;

  return (
    <Card
      data-testid="reinspected-issue"
      title={
        <Space wrap>
          <Link to={`/issues/${issue.id}`}>{issue.title}</Link>
          <Tag data-testid="reinspected-status">{t(`issue.status.${issue.status}`)}</Tag>
          <ColourCard issue={issue} today={today} />
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {units} · {t('issue.fields.deadline')} {issue.deadline}
          {issue.description && ` · ${issue.description}`}
        </Typography.Text>
        {photos === undefined ? (
          <Spin />
        ) : (
          <BeforeAfterPhotos
            link={{ projectId: visit.projectId, visitId: visit.id, issueId: issue.id }}
            before={photos.before}
            after={photos.after}
            readOnly={visit.status === 'finalized' || issue.status === 'closed'}
          />
        )}
        <div>
          <Typography.Title level={5}>{t('reinspection.result')}</Typography.Title>
          {blocker === null ? (
            <Space wrap>
              <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setResult('closed')}>
                {t('reinspection.closeOut')}
              </Button>
              <Button danger icon={<RollbackOutlined />} onClick={() => setResult('sentBack')}>
                {t('reinspection.sendBack')}
              </Button>
            </Space>
          ) : (
            <Alert
              type={blocker === 'closed' ? 'success' : 'info'}
              showIcon
              data-testid="result-blocked"
              title={t(`reinspection.blocked.${blocker}`, { status: t(`issue.status.${issue.status}`) })}
            />
          )}
        </div>
      </Space>
      <ResultDialog
        visitId={visit.id}
        issueId={issue.id}
        kind={result}
        defaultActor={actorName || inspectorOf(visit, teams, organization?.personNames)}
        afterCount={afterShots}
        onClose={() => setResult(null)}
      />
    </Card>
  );
}
