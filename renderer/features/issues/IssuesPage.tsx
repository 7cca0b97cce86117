// The issue list (问题清单): up to 200,000 issues in a virtual table, filtered and sorted from the
// address, searched in Chinese, with saved filters, bulk actions on ticked rows and "New issue". On the
// city office's laptop (enrolled for every team, so holding several) each issue shows its team, and the
// list can be narrowed to one team.
import { PlusOutlined } from '../../ui/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Issue } from '../../../shared/domain/issue';
import { VirtualTable } from '../../ui/virtual-table/VirtualTable';
import { useActorName } from '../../ui/ActorField';
import {
  type Organization,
  useIssueList,
  useIssueTeams,
  useOrganization,
  useProjects,
  useSyncState,
} from '../../db';
import { ReadAction } from '../../ui/ReadAction';
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
  const listed = useIssueList(address.filter, address.sort, today, timeZone);
  const teams = useTeamOfIssues(organization);
  const teamId = address.team;
  const issues = useMemo(
    () =>
      teamId === null || !teams || !listed
        ? listed
        : listed.filter((issue) => teams.ids.get(issue.id) === teamId),
    [listed, teams, teamId],
  );
  const rows = issues ?? EMPTY;
  const selection = useSelection(rows, address.query);
  const [bulk, setBulk] = useState<BulkStep | null>(null);
  const [creating, setCreating] = useState(false);
  const projects = useProjects();
  const projectNames = useMemo(() => new Map((projects ?? []).map((p) => [p.id, p.name])), [projects]);
  const columns = useMemo(
    () => issueColumns(t, organization, today, timeZone, projectNames, teams?.names ?? null),
    [t, organization, today, timeZone, projectNames, teams],
  );
  const filtered = Object.keys(address.filter).length > 0 || teamId !== null;

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
      <ReadAction>
        {teams && (
          <Select<string>
            aria-label={t('issue.list.team')}
            placeholder={t('issue.list.team')}
            allowClear
            style={{ width: 200 }}
            value={teamId ?? undefined}
            options={teams.options}
            onChange={(id) => address.setTeam(id ?? null)}
          />
        )}
        <IssueFilters
          filter={address.filter}
          organization={organization}
          onChange={address.setFilter}
          onClear={address.clear}
        />
      </ReadAction>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <ReadAction>
          <SavedFilters query={address.query} onOpen={(query) => void navigate(`/issues?${query}`)} />
        </ReadAction>
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
 * Each issue's team and the teams to choose from, on a laptop enrolled for every team (the office's or
 * a leader's) that holds more than one; null elsewhere (no column, no choice).
 */
function useTeamOfIssues(organization: Organization | undefined) {
  const enrollment = useSyncState()?.enrollment;
  const several = enrollment?.teamId === null && (organization?.teams.length ?? 0) > 1;
  const ids = useIssueTeams(several);
  return useMemo(() => {
    if (!several || !ids || !organization) return null;
    const teamName = new Map(organization.teams.map((team) => [team.id, team.name]));
    const names = new Map<string, string>();
    for (const [issueId, teamId] of ids) names.set(issueId, teamName.get(teamId) ?? '');
    const options = organization.teams.map((team) => ({ value: team.id, label: team.name }));
    return { ids, names, options };
  }, [several, ids, organization]);
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
