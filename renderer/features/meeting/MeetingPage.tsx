// The joint-meeting list (联席会议 / 调度会 待协调问题清单): the open issues flagged for coordination,
// grouped by responsible unit, with a filter by county, printable for the meeting.
import { PrinterOutlined } from '../../ui/icons';
import { Button, Empty, Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../shared/domain/organization';
import { groupForMeeting, meetingTotals } from '../../../shared/issues/meeting';
import { type Organization, useMeetingIssues, useOrganization, useProjects } from '../../db';
import { useToday } from '../../stores/clock';
import { useSession } from '../../stores/session';
import { ContradictedIssues } from './ContradictedIssues';
import { formatDay } from './format-day';
import { type MeetingNames, MeetingGroupTable } from './MeetingGroupTable';
import styles from './meeting.module.css';
import { ReadAction } from '../../ui/ReadAction';

/** The county of each region: a county itself, a town its parent county. */
function countiesByRegion(regions: readonly Region[]): Map<string, Region> {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const out = new Map<string, Region>();
  for (const region of regions) {
    if (region.level === 'county') out.set(region.id, region);
    const parent = region.parentId ? byId.get(region.parentId) : undefined;
    if (region.level === 'town' && parent?.level === 'county') out.set(region.id, parent);
  }
  return out;
}

function namesOf(
  organization: Organization,
  projectNames: Map<string, string>,
  counties: Map<string, Region>,
): MeetingNames {
  const units = new Map(organization.units.map((u) => [u.id, u]));
  const people = new Map(organization.people.map((p) => [p.id, p]));
  return {
    unitFull: (id) => units.get(id)?.name ?? id,
    unitShort: (id) => units.get(id)?.shortName ?? id,
    project: (id) => projectNames.get(id) ?? '—',
    county: (id) => counties.get(id)?.name ?? organization.regionNames.get(id) ?? '—',
    leader: (id) => {
      const person = id === null ? undefined : people.get(id);
      return person ? { name: person.name, title: person.title } : null;
    },
  };
}

export function MeetingPage() {
  const { t } = useTranslation();
  const today = useToday();
  const language = useSession((s) => s.language);
  const organization = useOrganization();
  const projects = useProjects();
  const issues = useMeetingIssues();
  const [countyId, setCountyId] = useState<string | null>(null);

  const counties = useMemo(() => countiesByRegion(organization?.regions ?? []), [organization]);
  const projectNames = useMemo(() => new Map((projects ?? []).map((p) => [p.id, p.name])), [projects]);
  const names = useMemo(
    () => (organization ? namesOf(organization, projectNames, counties) : null),
    [organization, projectNames, counties],
  );
  const groups = useMemo(() => {
    if (!issues || !names) return null;
    const shown = countyId ? issues.filter((i) => counties.get(i.regionId)?.id === countyId) : issues;
    return groupForMeeting(shown, names.unitFull);
  }, [issues, names, countyId, counties]);

  if (!groups || !names || !organization) return <Spin />;
  const totals = meetingTotals(groups, today);
  const county = countyId ? organization.regions.find((r) => r.id === countyId) : undefined;

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Typography.Title level={3}>{t('meeting.title')}</Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          <span data-testid="meeting-date">{t('meeting.date', { date: formatDay(today, language) })}</span>
          {county && <span style={{ marginLeft: 24 }}>{t('meeting.scope', { county: county.name })}</span>}
        </Typography.Paragraph>
        <Typography.Paragraph data-testid="meeting-totals" style={{ marginBottom: 0 }}>
          {t('meeting.totals', { ...totals })}
        </Typography.Paragraph>
      </header>
      <div className={`${styles.toolbar} print-hidden`}>
        <ReadAction>
          <Select<string>
            allowClear
            aria-label={t('meeting.county')}
            placeholder={t('meeting.county')}
            style={{ minWidth: 180 }}
            value={countyId ?? undefined}
            onChange={(value) => setCountyId(value ?? null)}
            options={organization.regions
              .filter((r) => r.level === 'county')
              .map((r) => ({ value: r.id, label: r.name }))}
          />
          <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
            {t('meeting.print')}
          </Button>
        </ReadAction>
      </div>
      <ContradictedIssues />
      {groups.length === 0 ? (
        <Empty
          description={county ? t('meeting.emptyCounty', { county: county.name }) : t('meeting.empty')}
        />
      ) : (
        groups.map((group) => (
          <MeetingGroupTable key={group.unitId} group={group} names={names} today={today} />
        ))
      )}
    </div>
  );
}
