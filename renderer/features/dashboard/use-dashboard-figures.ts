// The dashboard's reads and figures. The issues are read in one getAll and the figures computed in one
// pass (shared/figures); the targets are read apart, so editing a target recomputes only the project
// figures, never the 200,000 issues.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { regionsOfCounties } from '../../../shared/figures/counties';
import { issueFigures } from '../../../shared/figures/issue-figures';
import { projectFiguresByCounty } from '../../../shared/figures/project-figures';
import { useDashboardIssues, useOrganization, useProjects, useTargets } from '../../db';
import { useTimeZone, useToday } from '../../stores/clock';
import type { ProjectRow } from './ProjectTargetsTable';
import type { FigureRow } from './RectificationTable';

export interface DashboardFigures {
  today: string;
  year: number;
  counties: FigureRow[];
  units: FigureRow[];
  total: FigureRow;
  trend: ReturnType<typeof issueFigures>['trend'];
  projectRows: ProjectRow[];
  projectTotal: ProjectRow;
  projectNames: Map<string, string>;
  targets: NonNullable<ReturnType<typeof useTargets>>;
}

/** undefined until every figure is computed. */
export function useDashboardFigures(): DashboardFigures | undefined {
  const { t } = useTranslation();
  const today = useToday();
  const timeZone = useTimeZone();
  const year = Number(today.slice(0, 4));
  const organization = useOrganization();
  const projects = useProjects();
  const issues = useDashboardIssues();
  const targets = useTargets(year);
  const regions = organization?.regions;

  const issueFigs = useMemo(
    () => (issues && regions ? issueFigures(issues, regions, { today, timeZone }) : undefined),
    [issues, regions, today, timeZone],
  );
  const projectFigs = useMemo(
    () =>
      projects && regions && targets ? projectFiguresByCounty(projects, regions, targets, today) : undefined,
    [projects, regions, targets, today],
  );

  return useMemo(() => {
    if (!organization || !issueFigs || !projectFigs || !projects || !targets) return undefined;
    const countyRegions = regionsOfCounties(organization.regions);
    const countyList = organization.regions.filter((r) => r.level === 'county');
    const counties: FigureRow[] = countyList.flatMap((county) => {
      const figure = issueFigs.byCounty.get(county.id);
      return figure
        ? [
            {
              key: county.id,
              name: county.name,
              figure,
              group: { regionIds: countyRegions.get(county.id) ?? [county.id] },
            },
          ]
        : [];
    });
    const units: FigureRow[] = [...issueFigs.byUnit]
      .map(([unitId, figure]) => ({
        key: unitId,
        name: organization.unitNames.get(unitId) ?? unitId,
        figure,
        group: { unitId },
      }))
      .sort((a, b) => b.figure.found - a.figure.found || a.name.localeCompare(b.name, 'zh-CN'));
    const projectRows: ProjectRow[] = countyList.flatMap((county) => {
      const figures = projectFigs.byCounty.get(county.id);
      return figures ? [{ key: county.id, name: county.name, countyId: county.id, figures }] : [];
    });
    return {
      today,
      year,
      counties,
      units,
      total: { key: 'total', name: t('dashboard.total'), figure: issueFigs.total, group: {} },
      trend: issueFigs.trend,
      projectRows,
      projectTotal: { key: 'total', name: t('dashboard.total'), countyId: null, figures: projectFigs.total },
      projectNames: new Map(projects.map((p) => [p.id, p.name])),
      targets,
    };
  }, [organization, issueFigs, projectFigs, projects, targets, today, year, t]);
}
