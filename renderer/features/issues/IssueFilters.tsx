// The conditions of the issue list: search (Chinese words, no spaces needed), status, colour card,
// category, severity, county, project, responsible unit, deadline range and the joint-meeting flag.
// Every control shows the condition in the address, so a list opened from a figure shows its filter.
import { Button, Checkbox, Input, Select, Space } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_CATEGORIES, ISSUE_STATUSES, SEVERITIES } from '../../../shared/domain/issue';
import { CARD_COLOURS } from '../../../shared/issues/colour-card';
import type { IssueFilter } from '../../../shared/issues/issue-filter';
import { type Organization, useProjects } from '../../db';
import { DateInput } from '../../ui/DateInput';
import { labelOrName } from '../../ui/select-label';

interface Props {
  filter: IssueFilter;
  organization: Organization | undefined;
  onChange: (change: Partial<IssueFilter>, replace?: boolean) => void;
  onClear: () => void;
}

/** Typing waits this long before the list follows, so a word is searched once, not per keystroke. */
const SEARCH_DELAY_MS = 250;

export function IssueFilters({ filter, organization, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const projects = useProjects();
  const regions = organization?.regions ?? [];
  const counties = regions.filter((r) => r.level === 'county');
  const chosenCounties = counties.filter((c) => filter.regionIds?.includes(c.id)).map((c) => c.id);
  const active = Object.keys(filter).length > 0;

  return (
    <Space wrap>
      <SearchBox value={filter.search ?? ''} onSearch={(search) => onChange({ search }, true)} />
      <FilterSelect
        label={t('issue.fields.status')}
        width={170}
        value={filter.statuses}
        options={ISSUE_STATUSES.map((s) => ({ value: s, label: t(`issue.status.${s}`) }))}
        onChange={(statuses) => onChange({ statuses })}
      />
      <FilterSelect
        label={t('issue.list.card')}
        width={130}
        value={filter.cards}
        options={CARD_COLOURS.map((c) => ({ value: c, label: t(`issue.card.${c}`) }))}
        onChange={(cards) => onChange({ cards })}
      />
      <FilterSelect
        label={t('issue.fields.category')}
        width={150}
        value={filter.categories}
        options={ISSUE_CATEGORIES.map((c) => ({ value: c, label: t(`issueCategory.${c}`) }))}
        onChange={(categories) => onChange({ categories })}
      />
      <FilterSelect
        label={t('issue.fields.severity')}
        width={130}
        value={filter.severities}
        options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
        onChange={(severities) => onChange({ severities })}
      />
      <FilterSelect
        label={t('issue.list.county')}
        width={150}
        value={chosenCounties}
        options={counties.map((r) => ({ value: r.id, label: r.name }))}
        labelRender={labelOrName(organization?.regionNames, t('shell.unknownName'))}
        // A county's issues include those of its towns.
        onChange={(ids) =>
          onChange({
            regionIds: ids.flatMap((id) => [
              id,
              ...regions.filter((r) => r.parentId === id).map((r) => r.id),
            ]),
          })
        }
      />
      <Select<string>
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        aria-label={t('issue.list.project')}
        placeholder={t('issue.list.project')}
        style={{ width: 220 }}
        value={filter.projectId ?? undefined}
        options={(projects ?? []).map((p) => ({ value: p.id, label: p.name }))}
        labelRender={labelOrName(undefined, t('shell.unknownName'))}
        onChange={(projectId) => onChange({ projectId: projectId ?? null })}
      />
      <Select<string>
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        aria-label={t('issue.list.unit')}
        placeholder={t('issue.list.unit')}
        style={{ width: 170 }}
        value={filter.unitId ?? undefined}
        options={(organization?.units ?? []).map((u) => ({ value: u.id, label: u.shortName }))}
        labelRender={labelOrName(organization?.unitNames, t('shell.unknownName'))}
        onChange={(unitId) => onChange({ unitId: unitId ?? null })}
      />
      <Space.Compact>
        <Space.Addon>{t('issue.fields.deadline')}</Space.Addon>
        <DateInput
          aria-label={t('issue.list.deadlineFrom')}
          title={t('issue.list.deadlineFrom')}
          style={{ width: 150 }}
          value={filter.deadlineFrom ?? ''}
          onChange={(value) => onChange({ deadlineFrom: value || null }, true)}
        />
        <DateInput
          aria-label={t('issue.list.deadlineTo')}
          title={t('issue.list.deadlineTo')}
          style={{ width: 150 }}
          value={filter.deadlineTo ?? ''}
          onChange={(value) => onChange({ deadlineTo: value || null }, true)}
        />
      </Space.Compact>
      <Checkbox
        checked={filter.needsCoordination === true}
        onChange={(e) => onChange({ needsCoordination: e.target.checked })}
      >
        {t('issue.fields.coordination')}
      </Checkbox>
      {active && <Button onClick={onClear}>{t('issue.list.clear')}</Button>}
    </Space>
  );
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (search: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The address changed by other means (Back, a saved filter): show its search.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);
  const type = (next: string) => {
    setText(next);
    clearTimeout(timer.current ?? undefined);
    timer.current = setTimeout(() => onSearch(next), SEARCH_DELAY_MS);
  };
  return (
    <Input.Search
      allowClear
      aria-label={t('issue.list.search')}
      placeholder={t('issue.list.search')}
      style={{ width: 240 }}
      value={text}
      onChange={(e) => type(e.target.value)}
      onSearch={(q) => {
        clearTimeout(timer.current ?? undefined);
        onSearch(q);
      }}
    />
  );
}

/** A filter of the list: several values may be chosen; none chosen means no condition. */
function FilterSelect<T extends string>(props: {
  label: string;
  width: number;
  value: readonly T[] | undefined;
  options: { value: T; label: string }[];
  labelRender?: (shown: { label?: ReactNode; value: string | number }) => ReactNode;
  onChange: (values: T[]) => void;
}) {
  return (
    <Select<T[]>
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      aria-label={props.label}
      placeholder={props.label}
      style={{ minWidth: props.width }}
      value={props.value ? [...props.value] : []}
      options={props.options}
      labelRender={props.labelRender}
      onChange={props.onChange}
    />
  );
}
