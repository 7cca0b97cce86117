// The issue list (问题清单): up to 200,000 issues in a virtual table, filtered and sorted from the
// address, searched in Chinese, with saved filters, bulk actions on ticked rows and "New issue".
import { PlusOutlined } from '../../ui/icons';
import { Button, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Issue } from '../../../shared/domain/issue';
import { VirtualTable } from '../../ui/virtual-table/VirtualTable';
import { useActorName } from '../../ui/ActorField';
import { useIssueList, useOrganization, useProjects } from '../../db';
import { useTimeZone, useToday } from '../../stores/clock';
import { BulkBar, BulkDialog, type BulkStep } from './BulkActions';
import { issueColumns } from './issue-columns';
import { IssueFilters } from './IssueFilters';
import { NewIssueDialog } from './NewIssueDialog';
import { SavedFilters } from './SavedFilters';
import { useListAddress } from './use-list-address';

const EMPTY: readonly Issue[] = [];

export function IssuesPage() {
  const { t } = useTranslation();
  const actorName = useActorName();
  const navigate = useNavigate();
  const today = useToday();
  const timeZone = useTimeZone();
  const organization = useOrganization();
  const address = useListAddress();
  const issues = useIssueList(address.filter, address.sort, today, timeZone);
  const rows = issues ?? EMPTY;
  const selection = useSelection(rows, address.query);
  const [bulk, setBulk] = useState<BulkStep | null>(null);
  const [creating, setCreating] = useState(false);
  const projects = useProjects();
  const projectNames = useMemo(() => new Map((projects ?? []).map((p) => [p.id, p.name])), [projects]);
  const columns = useMemo(
    () => issueColumns(t, organization, today, timeZone, projectNames),
    [t, organization, today, timeZone, projectNames],
  );
  const filtered = Object.keys(address.filter).length > 0;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('issue.list.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('issue.create.button')}
        </Button>
      </Space>
      <IssueFilters
        filter={address.filter}
        organization={organization}
        onChange={address.setFilter}
        onClear={address.clear}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <SavedFilters query={address.query} onOpen={(query) => void navigate(`/issues?${query}`)} />
        <Typography.Text data-testid="issue-count">
          {issues === undefined ? t('app.loading') : t('issue.list.count', { count: rows.length })}
        </Typography.Text>
      </Space>
      {selection.ids.length > 0 && (
        <BulkBar count={selection.ids.length} onStep={setBulk} onClear={selection.clear} />
      )}
      <VirtualTable<Issue, typeof address.sort.key>
        label={t('issue.list.title')}
        rows={rows}
        columns={columns}
        sort={address.sort}
        onSort={address.setSort}
        onOpen={(issue) => void navigate(`/issues/${issue.id}`)}
        loading={issues === undefined}
        emptyText={filtered ? t('issue.list.noMatch') : t('issue.list.empty')}
        height={560}
        selection={{
          selected: selection.selected,
          onToggle: selection.toggle,
          onToggleAll: selection.toggleAll,
          rowLabel: (issue) => t('issue.list.selectRow', { title: issue.title }),
          allLabel: t('issue.list.selectAll', { count: rows.length }),
        }}
      />
      <BulkDialog
        step={bulk}
        issueIds={selection.ids}
        defaultActor={actorName}
        onClose={(done) => {
          setBulk(null);
          if (done) selection.clear();
        }}
      />
      <NewIssueDialog open={creating} organization={organization} onClose={() => setCreating(false)} />
    </Space>
  );
}

/**
 * The ticked rows. A new filter starts a new selection, so a bulk action only ever touches rows the
 * user can see in the list; Shift ticks the range from the last ticked row.
 */
function useSelection(rows: readonly Issue[], query: string) {
  const [state, setState] = useState<{ query: string; selected: ReadonlySet<string> }>({
    query,
    selected: new Set(),
  });
  const anchor = useRef<number | null>(null);
  const selected = useMemo(
    () => (state.query === query ? state.selected : new Set<string>()),
    [state, query],
  );
  const ids = useMemo(() => rows.filter((r) => selected.has(r.id)).map((r) => r.id), [rows, selected]);
  const update = (next: Set<string>) => setState({ query, selected: next });

  return {
    selected,
    ids,
    clear: () => update(new Set()),
    toggleAll: () => update(ids.length === rows.length ? new Set() : new Set(rows.map((r) => r.id))),
    toggle: (row: Issue, index: number, range: boolean) => {
      const next = new Set(selected);
      const tick = !selected.has(row.id);
      const from = range && anchor.current !== null ? Math.min(anchor.current, index) : index;
      const to = range && anchor.current !== null ? Math.max(anchor.current, index) : index;
      for (const r of rows.slice(from, to + 1)) {
        if (tick) next.add(r.id);
        else next.delete(r.id);
      }
      anchor.current = index;
      update(next);
    },
  };
}
