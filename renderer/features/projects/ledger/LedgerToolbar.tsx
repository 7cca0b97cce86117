// Search and filters over the ledger.
import { Button, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROJECT_CATEGORIES, PROJECT_PHASES } from '../../../../shared/domain/project';
import type { Organization } from '../../../db';
import { useLedgerView } from './ledger-view-store';

export function LedgerToolbar({ organization }: { organization: Organization | undefined }) {
  const { t } = useTranslation();
  const { filter, setFilter, clearFilter } = useLedgerView();
  const regionOptions = (organization?.regions ?? [])
    .filter((r) => r.level !== 'city')
    .map((r) => ({ value: r.id, label: organization?.regionNames.get(r.id) ?? r.name }));
  const select = (
    label: string,
    value: string | null,
    options: { value: string; label: string }[],
    onChange: (v: string | null) => void,
  ) => (
    <Select
      aria-label={label}
      placeholder={label}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 150 }}
      value={value}
      options={options}
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
      {select(t('projects.columns.region'), filter.regionId, regionOptions, (regionId) =>
        setFilter({ regionId }),
      )}
      {select(
        t('projects.columns.category'),
        filter.category,
        PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
        (v) => setFilter({ category: (v as (typeof PROJECT_CATEGORIES)[number] | null) ?? null }),
      )}
      {select(
        t('projects.columns.phase'),
        filter.phase,
        PROJECT_PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) })),
        (v) => setFilter({ phase: (v as (typeof PROJECT_PHASES)[number] | null) ?? null }),
      )}
      {select(
        t('projects.fields.leader'),
        filter.leaderId,
        (organization?.people ?? []).map((p) => ({ value: p.id, label: p.name })),
        (leaderId) => setFilter({ leaderId }),
      )}
      {select(
        t('projects.fields.responsibleUnits'),
        filter.unitId,
        (organization?.units ?? []).map((u) => ({ value: u.id, label: u.shortName })),
        (unitId) => setFilter({ unitId }),
      )}
      <Button onClick={clearFilter}>{t('projects.clearFilters')}</Button>
    </Space>
  );
}
