// The template editor: name, sections and items; saving makes a new version and leaves older ones alone.
import { ArrowLeftOutlined, PlusOutlined } from '../../ui/icons';
import { Alert, App, Button, Input, Tag, theme, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  draftOf,
  firstVersion,
  isUnchanged,
  itemCount,
  maxScore,
  newTemplateKey,
  nextVersion,
  type TemplateDraft,
  validateDraft,
} from '../../../shared/checklists/template-edit';
import type { ChecklistTemplate } from '../../../shared/domain/checklist';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { checklistActions, TemplateVersionConflictError, useDatabase } from '../../db';
import { editPath } from './ChecklistTemplatesPage';
import {
  editorReducer,
  fieldId,
  type FocusRequest,
  fromEditor,
  problemsByField,
  toEditor,
} from './editor-model';
import { FieldProblems, problemProps } from './FieldProblems';
import { SectionEditor } from './SectionEditor';
import { VersionHistory } from './VersionHistory';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

export interface TemplateEditorProps {
  /** The version being edited; null for a template not saved yet. */
  opened: ChecklistTemplate | null;
  /** The name of the template a new one is copied from. */
  copyOf?: string;
  versions: readonly ChecklistTemplate[];
  initial: TemplateDraft;
}

function focusFirst(ids: readonly string[]): void {
  for (const id of ids) {
    const element = document.getElementById(id);
    if (element && !(element as HTMLButtonElement).disabled) {
      element.focus();
      return;
    }
  }
}

export function TemplateEditor({ opened, copyOf, versions, initial }: TemplateEditorProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const actions = checklistActions(useDatabase());
  const [draft, dispatch] = useReducer(editorReducer, initial, toEditor);
  // The version edits build on; it moves on with each save here, not with saves made elsewhere.
  const [base, setBase] = useState(opened);
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  const pendingFocus = useRef<FocusRequest | null>(null);

  useEffect(() => {
    const request = pendingFocus.current;
    if (request === null) return;
    pendingFocus.current = null;
    focusFirst(typeof request === 'function' ? request(draft) : request);
  });
  const requestFocus = (request: FocusRequest) => {
    pendingFocus.current = request;
  };

  const plain = fromEditor(draft);
  const problems = showProblems ? problemsByField(draft, validateDraft(plain)) : new Map();
  const total = maxScore(plain);

  const save = async () => {
    if (saving) return;
    const found = validateDraft(plain);
    const first = found[0];
    if (first) {
      setShowProblems(true);
      focusFirst([fieldId(draft, first.path)]);
      void message.error(t('checklistTemplates.invalid'));
      return;
    }
    if (base && isUnchanged(base, plain)) {
      void message.info(t('checklistTemplates.unchanged'));
      return;
    }
    const at = new Date().toISOString();
    const template = base
      ? nextVersion(base, plain, { id: uuidv7(), at })
      : firstVersion(plain, { id: uuidv7(), at, key: newTemplateKey() });
    setSaving(true);
    try {
      await actions.saveVersion(template);
      setShowProblems(false);
      if (base) {
        setBase(template);
        // Items added in this edit now have ids; the next save must keep them.
        dispatch({ type: 'reset', draft: draftOf(template) });
        void message.success(t('checklistTemplates.saved', { version: template.version }));
      } else {
        void message.success(t('checklistTemplates.created'));
        void navigate(editPath(template.key), { replace: true });
      }
    } catch (error) {
      void message.error(
        error instanceof TemplateVersionConflictError
          ? t('checklistTemplates.conflict', { version: error.latestVersion })
          : errorContent(describeFailure(error, t, 'checklistTemplates.saveFailed')),
      );
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };

  return (
    <section aria-labelledby="template-editor-title" onKeyDown={onKeyDown}>
      <Button
        type="link"
        icon={<ArrowLeftOutlined aria-hidden />}
        style={{ paddingInline: 0, marginBottom: 4 }}
        onClick={() => void navigate('/checklists')}
      >
        {t('checklistTemplates.backToList')}
      </Button>
      <div
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 3,
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          columnGap: 12,
          margin: '0 -24px',
          padding: '8px 24px',
          background: token.colorBgLayout,
        }}
      >
        <Typography.Title level={3} id="template-editor-title" style={{ margin: 0 }}>
          {base ? t('checklistTemplates.editTitle') : t('checklistTemplates.newTitle')}
        </Typography.Title>
        {base && (
          <Tag color="blue" data-testid="template-version">
            {t('checklistTemplates.version', { version: base.version })}
          </Tag>
        )}
        {copyOf && (
          <Typography.Text type="secondary">
            {t('checklistTemplates.duplicateOf', { name: copyOf })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ marginLeft: 'auto' }} data-testid="template-summary">
          {t('checklistTemplates.itemCount', { count: itemCount(plain) })}
          {' · '}
          {total === null ? t('checklistTemplates.notScored') : t('checklistTemplates.maxScore', { total })}
        </Typography.Text>
        <Button onClick={() => void navigate('/checklists')}>{t('checklistTemplates.cancel')}</Button>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          {base ? t('checklistTemplates.save') : t('checklistTemplates.create')}
        </Button>
      </div>
      <Alert
        type="info"
        showIcon
        title={t('checklistTemplates.versionNote')}
        style={{ marginTop: 8, marginBottom: 16 }}
      />

      <div style={{ marginBottom: 16, maxWidth: 640 }}>
        <label htmlFor="template-name" style={{ display: 'block', marginBottom: 4, fontWeight: 600 }}>
          {t('checklistTemplates.name')}
        </label>
        <Input
          id="template-name"
          value={draft.name}
          onChange={(e) => dispatch({ type: 'rename', name: e.target.value })}
          {...problemProps('template-name', problems)}
        />
        <FieldProblems ids={['template-name']} problems={problems} />
      </div>

      {draft.sections.map((section, i) => (
        <SectionEditor
          key={section.uid}
          section={section}
          index={i}
          count={draft.sections.length}
          neighbours={{
            before: draft.sections[i - 1]?.uid ?? null,
            after: draft.sections[i + 1]?.uid ?? null,
          }}
          problems={problems}
          dispatch={dispatch}
          requestFocus={requestFocus}
        />
      ))}
      <Button
        id="template-add-section"
        type="dashed"
        block
        icon={<PlusOutlined aria-hidden />}
        onClick={() => {
          dispatch({
            type: 'addSection',
            title: t('checklistTemplates.defaultSectionTitle', { n: draft.sections.length + 1 }),
          });
          requestFocus((next) => {
            const added = next.sections.at(-1);
            return added ? [`section-${added.uid}-title`] : [];
          });
        }}
      >
        {t('checklistTemplates.section.add')}
      </Button>
      <FieldProblems ids={['template-add-section']} problems={problems} />
      <div style={{ height: 24 }} />

      {versions.length > 0 && <VersionHistory versions={versions} />}
    </section>
  );
}
