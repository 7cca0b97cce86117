// "New visit" (新建督查记录) on the Visits page: pick the project from the ledger (searchable), with the
// project nearest to the laptop chosen already when its location is known; then the visit starts as
// "Start a visit" starts it on a project page.
import { Form, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoPoint } from '../../../shared/domain/common';
import { useProjects, useRecentVisits } from '../../db';
import { type NearestProject, nearestProject } from './nearest-project';
import { useStartVisit } from './use-start-visit';

/** How long to wait for the laptop's position: a dialog should not wait on a GPS fix. */
const LOCATE_TIMEOUT_MS = 3000;

/** The laptop's position, if it can tell quickly; null otherwise (no device, refused, too slow). */
function useHere(open: boolean): GeoPoint | null {
  const [here, setHere] = useState<GeoPoint | null>(null);
  useEffect(() => {
    if (!open || typeof navigator === 'undefined' || !('geolocation' in navigator)) return;
    let live = true;
    navigator.geolocation.getCurrentPosition(
      (p) => {
        if (live) setHere({ lat: p.coords.latitude, lng: p.coords.longitude });
      },
      () => undefined,
      { timeout: LOCATE_TIMEOUT_MS, maximumAge: 10 * 60_000 },
    );
    return () => {
      live = false;
    };
  }, [open]);
  return here;
}

export function NewVisitDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const visits = useRecentVisits();
  const start = useStartVisit();
  const here = useHere(open);
  const [picked, setPicked] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const nearest: NearestProject | null =
    here && projects && visits ? nearestProject(here, visits, new Set(projects.map((p) => p.id))) : null;
  // The person's own choice wins over the guess.
  const projectId = picked ?? nearest?.projectId ?? null;
  const nearestName = nearest && projects?.find((p) => p.id === nearest.projectId)?.name;

  const confirm = async () => {
    if (!projectId) return;
    setStarting(true);
    const started = await start(projectId);
    setStarting(false);
    if (started) onClose();
  };

  return (
    <Modal
      open={open}
      title={t('evidence.newVisit')}
      okText={t('evidence.startVisit')}
      cancelText={t('projects.cancel')}
      okButtonProps={{ disabled: !projectId, loading: starting }}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('evidence.newVisitHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('evidence.project')} htmlFor="new-visit-project" required>
          <Select
            id="new-visit-project"
            showSearch={{ optionFilterProp: 'label' }}
            value={projectId}
            onChange={setPicked}
            loading={projects === undefined}
            options={(projects ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      </Form>
      {nearest && nearestName && picked === null && (
        <Typography.Text type="secondary" data-testid="nearest-project">
          {t('evidence.nearest', { name: nearestName, km: nearest.km.toFixed(1) })}
        </Typography.Text>
      )}
    </Modal>
  );
}
