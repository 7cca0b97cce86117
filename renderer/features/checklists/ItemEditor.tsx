// One item of a template being edited: its text, how it is answered, its unit or score, and its place.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '../../ui/icons';
import { Button, Checkbox, Input, Select, Tooltip } from 'antd';
import { InputNumber } from '../../ui/InputNumber';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { ANSWER_KINDS } from '../../../shared/domain/checklist';
import type { AnswerKind, DraftProblem } from '../../../shared/checklists/template-edit';
import type { EditorAction, EditorItem, FocusRequest } from './editor-model';
import { FieldProblems, problemProps } from './FieldProblems';

/** Widths shared with the column headings of SectionEditor, so they line up. */
export const ITEM_COLUMNS = { number: 28, kind: 170, unit: 110, score: 120, required: 90 } as const;

export interface ItemEditorProps {
  item: EditorItem;
  /** 0-based places of the section and of the item in it. */
  sectionIndex: number;
  index: number;
  count: number;
  problems: ReadonlyMap<string, DraftProblem[]>;
  dispatch: Dispatch<EditorAction>;
  /** Focus the first of these elements that exists and is enabled, once the change is on screen. */
  requestFocus: (request: FocusRequest) => void;
  onRemove: () => void;
}

export function ItemEditor({
  item,
  sectionIndex,
  index,
  count,
  problems,
  dispatch,
  requestFocus,
  onRemove,
}: ItemEditorProps) {
  const { t } = useTranslation();
  const names = { section: sectionIndex + 1, n: index + 1 };
  const id = (field: string) => `item-${item.uid}-${field}`;
  const at = { section: sectionIndex, item: index };
  const move = (delta: -1 | 1) => {
    dispatch({ type: 'moveItem', ...at, delta });
    requestFocus(delta < 0 ? [id('up'), id('down')] : [id('down'), id('up')]);
  };
  const fieldIds = ['text', 'unit', 'score'].map(id);

  return (
    <div role="group" aria-label={t('checklistTemplates.item.heading', names)} style={{ padding: '6px 0' }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <span aria-hidden style={{ width: ITEM_COLUMNS.number, color: '#666666', textAlign: 'right' }}>
          {index + 1}.
        </span>
        <Input
          id={id('text')}
          aria-label={t('checklistTemplates.item.text', names)}
          placeholder={t('checklistTemplates.item.textPlaceholder')}
          style={{ flex: 1, minWidth: 220 }}
          value={item.text}
          onChange={(e) => dispatch({ type: 'changeItem', ...at, changes: { text: e.target.value } })}
          {...problemProps(id('text'), problems)}
        />
        <Select<AnswerKind>
          id={id('answerKind')}
          aria-label={t('checklistTemplates.item.answerKind', names)}
          style={{ width: ITEM_COLUMNS.kind }}
          value={item.answerKind}
          onChange={(answerKind) => dispatch({ type: 'changeAnswerKind', ...at, answerKind })}
          options={ANSWER_KINDS.map((kind) => ({
            value: kind,
            label: t(`checklistTemplates.answerKind.${kind}`),
          }))}
        />
        <div style={{ width: ITEM_COLUMNS.unit }}>
          {item.answerKind === 'number' && (
            <Input
              id={id('unit')}
              aria-label={t('checklistTemplates.item.unit', names)}
              placeholder={t('checklistTemplates.item.unitPlaceholder')}
              value={item.unit ?? ''}
              onChange={(e) => dispatch({ type: 'changeItem', ...at, changes: { unit: e.target.value } })}
              {...problemProps(id('unit'), problems)}
            />
          )}
        </div>
        <div style={{ width: ITEM_COLUMNS.score }}>
          {item.answerKind === 'yesNoNa' && (
            <InputNumber<number>
              id={id('score')}
              aria-label={t('checklistTemplates.item.score', names)}
              placeholder={t('checklistTemplates.item.scorePlaceholder')}
              style={{ width: '100%' }}
              min={0}
              step={1}
              suffix={t('checklistTemplates.item.scoreSuffix')}
              value={item.score}
              onChange={(score) =>
                dispatch({
                  type: 'changeItem',
                  ...at,
                  changes: { score: typeof score === 'number' ? score : null },
                })
              }
              {...problemProps(id('score'), problems)}
            />
          )}
        </div>
        <Checkbox
          id={id('required')}
          aria-label={t('checklistTemplates.item.required', names)}
          style={{ width: ITEM_COLUMNS.required }}
          checked={item.required}
          onChange={(e) => dispatch({ type: 'changeItem', ...at, changes: { required: e.target.checked } })}
        >
          {t('checklistTemplates.item.requiredShort')}
        </Checkbox>
        <Tooltip title={t('checklistTemplates.item.moveUp', names)}>
          <Button
            id={id('up')}
            type="text"
            icon={<ArrowUpOutlined aria-hidden />}
            aria-label={t('checklistTemplates.item.moveUp', names)}
            disabled={index === 0}
            onClick={() => move(-1)}
          />
        </Tooltip>
        <Tooltip title={t('checklistTemplates.item.moveDown', names)}>
          <Button
            id={id('down')}
            type="text"
            icon={<ArrowDownOutlined aria-hidden />}
            aria-label={t('checklistTemplates.item.moveDown', names)}
            disabled={index === count - 1}
            onClick={() => move(1)}
          />
        </Tooltip>
        <Tooltip title={t('checklistTemplates.item.remove', names)}>
          <Button
            id={id('remove')}
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('checklistTemplates.item.remove', names)}
            // A section keeps at least one item; remove the section to drop its last one.
            disabled={count === 1}
            onClick={onRemove}
          />
        </Tooltip>
      </div>
      <FieldProblems ids={fieldIds} problems={problems} indent={ITEM_COLUMNS.number + 8} />
    </div>
  );
}
