// Search and filters over the ledger.
import { Button, Input, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_CATEGORIES, PROJECT_PHASES } from '../../../../shared/domain/project';
import type { Organization } from '../../../db';
import { useLedgerView } from './ledger-view-store';

/** Option lists longer than this scroll virtually. */
const VIRTUAL_FROM = 50;

export function LedgerToolbar({ organization }: { organization: Organization | undefined }) {
  const { t } = useTranslation();
  const { filter, setFilter, clearFilter } = useLedgerView();
  // The same option lists from one render to the next, so that a filter change does not make every
  // select rebuild its options (the people and units number in the hundreds).
  const options = useMemo(
    () => ({
      region: (organization?.regions ?? [])
        .filter((r) => r.level !== 'city')
        .map((r) => ({ value: r.id, label: organization?.regionNames.get(r.id) ?? r.name })),
      category: PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
      phase: PROJECT_PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) })),
      leader: (organization?.people ?? []).map((p) => ({ value: p.id, label: p.name })),
      unit: (organization?.units ?? []).map((u) => ({ value: u.id, label: u.shortName })),
    }),
    [organization, t],
  );
  const select = (
    label: string,
    value: string | null,
    choices: { value: string; label: string }[],
    onChange: (v: string | null) => void,
  ) => (
    <Select
      aria-label={label}
      placeholder={label}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 150 }}
      value={value}
      options={choices}
      // A short list is rendered whole: the virtual list measures its rows after every change, which a
      // pick from ten categories does not need. The lists of people and units stay virtual.
      virtual={choices.length > VIRTUAL_FROM}
      onChange={(v: string | undefined) => onChange(v ?? null)}
    />
  );
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        aria-label={t('projects.search')}
        placeholder={t('projects.search')}
        allowClear
        style={{ width: 260 }}
        value={filter.search}
        onChange={(e) => setFilter({ search: e.target.value })}
      />
      {select(t('projects.columns.region'), filter.regionId, options.region, (regionId) =>
        setFilter({ regionId }),
      )}
      {select(t('projects.columns.category'), filter.category, options.category, (v) =>
        setFilter({ category: (v as (typeof PROJECT_CATEGORIES)[number] | null) ?? null }),
      )}
      {select(t('projects.columns.phase'), filter.phase, options.phase, (v) =>
        setFilter({ phase: (v as (typeof PROJECT_PHASES)[number] | null) ?? null }),
      )}
      {select(t('projects.fields.leader'), filter.leaderId, options.leader, (leaderId) =>
        setFilter({ leaderId }),
      )}
      {select(t('projects.fields.responsibleUnits'), filter.unitId, options.unit, (unitId) =>
        setFilter({ unitId }),
      )}
      <Button onClick={clearFilter}>{t('projects.clearFilters')}</Button>
    </Space>
  );
}
