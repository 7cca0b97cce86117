// The checklists filled on this visit; each keeps the template version it was filled with.
import { App, Button, Card, Input, Radio, Select, Space, Typography } from 'antd';
import { InputNumber } from '../../ui/InputNumber';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, ChecklistResult, ChecklistTemplate } from '../../../shared/domain/checklist';
import type { ChecklistItemRef } from '../../../shared/domain/issue';
import type { Visit } from '../../../shared/domain/visit';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { checklistScore } from '../../../shared/checklists/score';
import { useChecklistTemplates, useDatabase, useDraft, useVisitChecklists, checklistActions } from '../../db';
import { DraftAlert } from '../../ui/DraftAlert';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';
import { ChecklistItemPhotos } from './ChecklistItemPhotos';

type Answers = ChecklistResult['answers'];

export function ChecklistsSection({
  visit,
  onRecordFinding,
}: {
  visit: Visit;
  /** An item answered 否: record it as a finding (FindingsSection's dialog). */
  onRecordFinding: (item: ChecklistItemRef) => void;
}) {
  const { t } = useTranslation();
  const templates = useChecklistTemplates();
  const filled = useVisitChecklists(visit.id);
  const actions = checklistActions(useDatabase());
  const [choice, setChoice] = useState<string | null>(null);
  const locked = visit.status === 'finalized';
  const used = new Set((filled ?? []).map((f) => f.result.templateKey));

  const attach = async () => {
    const template = templates?.find((tpl) => tpl.id === choice);
    if (!template) return;
    const at = new Date().toISOString();
    await actions.save({
      id: uuidv7(),
      createdAt: at,
      updatedAt: at,
      visitId: visit.id,
      templateId: template.id,
      templateKey: template.key,
      templateVersion: template.version,
      answers: {},
    });
    setChoice(null);
  };

  return (
    <Card title={t('visits.sections.checklists')}>
      {!locked && (
        <Space style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('visits.chooseChecklist')}
            placeholder={t('visits.chooseChecklist')}
            style={{ minWidth: 280 }}
            value={choice}
            onChange={setChoice}
            options={(templates ?? [])
              .filter((tpl) => !used.has(tpl.key))
              .map((tpl) => ({ value: tpl.id, label: tpl.name }))}
          />
          <Button onClick={() => void attach()} disabled={!choice}>
            {t('visits.addChecklist')}
          </Button>
        </Space>
      )}
      {(filled ?? []).length === 0 && (
        <Typography.Text type="secondary">{t('visits.noChecklist')}</Typography.Text>
      )}
      {(filled ?? []).map(({ result, template }) =>
        template ? (
          <ChecklistCard
            key={result.id}
            visit={visit}
            result={result}
            template={template}
            locked={locked}
            onRecordFinding={onRecordFinding}
          />
        ) : (
          <Typography.Paragraph key={result.id} type="danger">
            {t('visits.templateMissing', { key: result.templateKey })}
          </Typography.Paragraph>
        ),
      )}
    </Card>
  );
}

function ChecklistCard({
  visit,
  result,
  template,
  locked,
  onRecordFinding,
}: {
  visit: Visit;
  result: ChecklistResult;
  template: ChecklistTemplate;
  locked: boolean;
  onRecordFinding: (item: ChecklistItemRef) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = checklistActions(useDatabase());
  const [answers, setAnswers] = useState<Answers>(result.answers);
  const [dirty, setDirty] = useState(false);
  // The answers typed are kept as a local draft until saved; the base is the answers the card opened
  // with, so a save writes only the items answered here.
  const draft = useDraft<Answers, Answers>('checklist', result.id, result.answers, result.answers);
  const set = (itemId: string, answer: Answer) => {
    const next = { ...answers, [itemId]: { ...answer, note: answers[itemId]?.note ?? '' } };
    setAnswers(next);
    setDirty(true);
    if (!locked) draft.keep(next);
  };
  const restoreDraft = () => {
    const taken = draft.restore();
    if (!taken) return;
    setAnswers(taken.values);
    setDirty(true);
    void message.info(t('drafts.restored'));
  };
  const save = async () => {
    try {
      const stored = await actions.saveAnswers(result.id, { base: draft.base, edited: answers });
      setAnswers(stored);
      await draft.saved(stored, stored);
      setDirty(false);
      void message.success(t('visits.saved'));
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'visits.saveFailed')));
    }
  };
  const score = checklistScore(template, answers);
  const scored = score !== null;

  return (
    <Card
      type="inner"
      title={`${template.name} · v${result.templateVersion}`}
      style={{ marginBottom: 12 }}
      extra={
        <Space>
          {scored && (
            <Typography.Text data-testid="checklist-score">{t('visits.score', { score })}</Typography.Text>
          )}
          {!locked && (
            <Button type="primary" size="small" disabled={!dirty} onClick={() => void save()}>
              {t('visits.saveChecklist')}
            </Button>
          )}
        </Space>
      }
    >
      {!locked && (
        <DraftAlert
          offer={draft.offer}
          problem={draft.problem}
          onRestore={restoreDraft}
          onDiscard={() => void draft.discard()}
        />
      )}
      {template.sections.map((section) => (
        <fieldset key={section.title} style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
          <legend style={{ fontWeight: 600, fontSize: 14 }}>{section.title}</legend>
          {section.items.map((item) => {
            const answer = answers[item.id];
            return (
              <div
                key={item.id}
                role="group"
                aria-label={item.text}
                style={{
                  display: 'flex',
                  gap: 16,
                  alignItems: 'center',
                  padding: '6px 0',
                  borderBottom: '1px solid #f5f5f5',
                }}
              >
                <span style={{ flex: 1 }}>{item.text}</span>
                {item.answerKind === 'yesNoNa' &&
                  answer?.kind === 'yesNoNa' &&
                  answer.value === 'no' &&
                  !locked && (
                    <Button
                      size="small"
                      onClick={() =>
                        onRecordFinding({ resultId: result.id, itemKey: item.id, text: item.text })
                      }
                    >
                      {t('evidence.recordAsFinding')}
                    </Button>
                  )}
                {item.answerKind === 'yesNoNa' && (
                  <Radio.Group
                    disabled={locked}
                    value={answer?.kind === 'yesNoNa' ? answer.value : undefined}
                    onChange={(e) =>
                      set(item.id, { kind: 'yesNoNa', value: e.target.value as 'yes' | 'no' | 'na' })
                    }
                    options={[
                      { value: 'yes', label: t('visits.answer.yes') },
                      { value: 'no', label: t('visits.answer.no') },
                      { value: 'na', label: t('visits.answer.na') },
                    ]}
                  />
                )}
                {item.answerKind === 'number' && (
                  <InputNumber
                    disabled={locked}
                    aria-label={item.text}
                    suffix={item.unit ?? undefined}
                    value={answer?.kind === 'number' ? answer.value : null}
                    onChange={(v) => v !== null && set(item.id, { kind: 'number', value: v })}
                  />
                )}
                {item.answerKind === 'text' && (
                  <Input
                    disabled={locked}
                    aria-label={item.text}
                    style={{ maxWidth: 360 }}
                    value={answer?.kind === 'text' ? answer.value : ''}
                    onChange={(e) => set(item.id, { kind: 'text', value: e.target.value })}
                  />
                )}
                {item.answerKind === 'photo' && (
                  <ChecklistItemPhotos
                    visit={visit}
                    item={item}
                    value={answer?.kind === 'photo' ? answer.value : []}
                    onChange={(value) => set(item.id, { kind: 'photo', value })}
                    locked={locked}
                  />
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
    </Card>
  );
}
