// An issue's re-inspections (复查): the visits that carried it, and "Start re-inspection" once the
// rectification is reported — which records the "Re-inspect" step first when it is still due, and
// opens the draft re-inspection already carrying the issue rather than making a second one.
import { AuditOutlined } from '../../ui/icons';
import { App, Button, Card, Form, Modal, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Issue } from '../../../shared/domain/issue';
import {
  canStartReinspection,
  IssueStepRefusedError,
  visitActions,
  useDatabase,
  useIssueReinspections,
  useOrganization,
  useWorkingContext,
} from '../../db';
import { today, useClock, useTimeZone } from '../../stores/clock';
import { draftReinspection, teamLeaderName } from '../visits';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';
import { ActorField, useActorName } from '../../ui/ActorField';

export function IssueReinspections({ issue }: { issue: Issue }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const actions = visitActions(useDatabase());
  const visits = useIssueReinspections(issue);
  const organization = useOrganization();
  const timeZone = useTimeZone();
  const [asking, setAsking] = useState(false);
  const [actor, setActor] = useState('');
  const chosenActor = useActorName();
  const [problem, setProblem] = useState<ReactNode>(null);
  const [starting, setStarting] = useState(false);
  const startable = canStartReinspection(issue.status);
  const team = useWorkingContext()?.team ?? undefined;

  if (!startable && (visits?.length ?? 0) === 0) return null;

  const start = async (actorName: string) => {
    setStarting(true);
    setProblem(null);
    try {
      const draft = draftReinspection(issue, team, useClock.getState().now, today(), timeZone);
      const started = await actions.startReinspection(issue.id, draft, actorName);
      void message.success(t(`reinspection.opened.${started.how}`));
      void navigate(`/visits/${started.visitId}`);
    } catch (error) {
      const failure = errorContent(describeFailure(error, t, 'reinspection.startFailed'));
      // In the dialog that asks for the name, a refusal is said as it is, like the dialog's own checks.
      if (asking && error instanceof IssueStepRefusedError) setProblem(t(`issue.refusal.${error.refusal}`));
      else if (asking) setProblem(failure);
      else void message.error(failure);
    } finally {
      setStarting(false);
    }
  };

  const onStart = () => {
    // The "Re-inspect" step is recorded with the start, so it needs a name: ask, offering the leader's.
    if (issue.status === 'rectificationReported') {
      setActor(chosenActor || teamLeaderName(team, organization?.personNames));
      setProblem(null);
      setAsking(true);
    } else void start('');
  };

  return (
    <Card
      title={t('reinspection.visits')}
      data-testid="issue-reinspections"
      extra={
        startable && (
          <Button type="primary" icon={<AuditOutlined />} loading={starting && !asking} onClick={onStart}>
            {t('reinspection.start')}
          </Button>
        )
      }
    >
      {startable && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('reinspection.startHint')}
        </Typography.Paragraph>
      )}
      {visits && visits.length === 0 ? (
        <Typography.Text type="secondary">{t('reinspection.noVisits')}</Typography.Text>
      ) : (
        <Space direction="vertical" size={4}>
          {(visits ?? []).map((visit) => (
            <Space key={visit.id} size="small">
              <Link to={`/visits/${visit.id}`}>{t('reinspection.visitLine', { date: visit.date })}</Link>
              <Tag color={visit.status === 'finalized' ? 'green' : 'gold'}>
                {t(`visits.status.${visit.status}`)}
              </Tag>
            </Space>
          ))}
        </Space>
      )}
      <Modal
        open={asking}
        title={t('reinspection.startDialog.title')}
        okText={t('reinspection.startDialog.confirm')}
        cancelText={t('issue.dialog.cancel')}
        confirmLoading={starting}
        onOk={() => void start(actor)}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('reinspection.startDialog.intro')}</Typography.Paragraph>
        <Form layout="vertical" onFinish={() => void start(actor)}>
          <ActorField id="reinspection-actor" value={actor} onChange={setActor} />
        </Form>
        {problem && (
          <div role="alert" style={{ color: '#cf1322' }}>
            {problem}
          </div>
        )}
      </Modal>
    </Card>
  );
}
