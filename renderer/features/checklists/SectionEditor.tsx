// One section of a template being edited: its title, its place, and its items.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '../../ui/icons';
import { Button, Card, Input, Space, Tooltip, Typography } from 'antd';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftProblem } from '../../../shared/checklists/template-edit';
import type { EditorAction, EditorSection, FocusRequest } from './editor-model';
import { FieldProblems, problemProps } from './FieldProblems';
import { ITEM_COLUMNS, ItemEditor } from './ItemEditor';

export interface SectionEditorProps {
  section: EditorSection;
  index: number;
  count: number;
  /** The uids of the sections before and after this one, where focus goes when it is removed. */
  neighbours: { before: string | null; after: string | null };
  problems: ReadonlyMap<string, DraftProblem[]>;
  dispatch: Dispatch<EditorAction>;
  requestFocus: (request: FocusRequest) => void;
}

export function SectionEditor({
  section,
  index,
  count,
  neighbours,
  problems,
  dispatch,
  requestFocus,
}: SectionEditorProps) {
  const { t } = useTranslation();
  const names = { n: index + 1 };
  const id = (field: string) => `section-${section.uid}-${field}`;
  const move = (delta: -1 | 1) => {
    dispatch({ type: 'moveSection', section: index, delta });
    requestFocus(delta < 0 ? [id('up'), id('down')] : [id('down'), id('up')]);
  };
  const remove = () => {
    dispatch({ type: 'removeSection', section: index });
    const next = neighbours.after ?? neighbours.before;
    requestFocus(next ? [`section-${next}-title`] : ['template-add-section']);
  };
  const addItem = () => {
    dispatch({ type: 'addItem', section: index });
    // The new item's uid is made by the reducer: it is the last item of this section.
    requestFocus((draft) => {
      const added = draft.sections.find((s) => s.uid === section.uid)?.items.at(-1);
      return added ? [`item-${added.uid}-text`] : [];
    });
  };

  return (
    <Card
      size="small"
      role="group"
      aria-label={t('checklistTemplates.section.heading', names)}
      style={{ marginBottom: 16 }}
      title={
        <Space size={8} style={{ fontWeight: 'normal' }}>
          <Typography.Text strong>{t('checklistTemplates.section.heading', names)}</Typography.Text>
          <Input
            id={id('title')}
            aria-label={t('checklistTemplates.section.title', names)}
            style={{ width: 320 }}
            value={section.title}
            onChange={(e) => dispatch({ type: 'retitleSection', section: index, title: e.target.value })}
            {...problemProps(id('title'), problems)}
          />
        </Space>
      }
      extra={
        <Space size={0}>
          <Tooltip title={t('checklistTemplates.section.moveUp', names)}>
            <Button
              id={id('up')}
              type="text"
              icon={<ArrowUpOutlined aria-hidden />}
              aria-label={t('checklistTemplates.section.moveUp', names)}
              disabled={index === 0}
              onClick={() => move(-1)}
            />
          </Tooltip>
          <Tooltip title={t('checklistTemplates.section.moveDown', names)}>
            <Button
              id={id('down')}
              type="text"
              icon={<ArrowDownOutlined aria-hidden />}
              aria-label={t('checklistTemplates.section.moveDown', names)}
              disabled={index === count - 1}
              onClick={() => move(1)}
            />
          </Tooltip>
          <Tooltip title={t('checklistTemplates.section.remove', names)}>
            <Button
              id={id('remove')}
              type="text"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('checklistTemplates.section.remove', names)}
              disabled={count === 1}
              onClick={remove}
            />
          </Tooltip>
        </Space>
      }
    >
      <FieldProblems ids={[id('title')]} problems={problems} />
      <div
        aria-hidden
        style={{
          display: 'flex',
          gap: 8,
          color: '#666666',
          fontSize: 12,
          paddingBottom: 2,
          flexWrap: 'wrap',
        }}
      >
        <span style={{ width: ITEM_COLUMNS.number }} />
        <span style={{ flex: 1, minWidth: 220 }}>{t('checklistTemplates.item.textPlaceholder')}</span>
        <span style={{ width: ITEM_COLUMNS.kind }}>{t('checklistTemplates.columns.answerKind')}</span>
        <span style={{ width: ITEM_COLUMNS.unit }}>{t('checklistTemplates.item.unitPlaceholder')}</span>
        <span style={{ width: ITEM_COLUMNS.score }}>{t('checklistTemplates.columns.score')}</span>
        <span style={{ width: ITEM_COLUMNS.required + 3 * 32 + 3 * 8 }} />
      </div>
      {section.items.map((item, i) => (
        <ItemEditor
          key={item.uid}
          item={item}
          sectionIndex={index}
          index={i}
          count={section.items.length}
          problems={problems}
          dispatch={dispatch}
          requestFocus={requestFocus}
          onRemove={() => {
            dispatch({ type: 'removeItem', section: index, item: i });
            const next = section.items[i + 1] ?? section.items[i - 1];
            requestFocus(next ? [`item-${next.uid}-text`] : [id('add-item')]);
          }}
        />
      ))}
      <Button
        id={id('add-item')}
        type="dashed"
        icon={<PlusOutlined aria-hidden />}
        aria-label={t('checklistTemplates.section.addItemLabel', names)}
        style={{ marginTop: 8, marginLeft: ITEM_COLUMNS.number + 8 }}
        onClick={addItem}
      >
        {t('checklistTemplates.section.addItem')}
      </Button>
      <FieldProblems ids={[id('add-item')]} problems={problems} indent={ITEM_COLUMNS.number + 8} />
    </Card>
  );
}
