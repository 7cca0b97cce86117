// Starting a visit of a project, wherever it is asked for ("Start a visit" on a project page, "New
// visit" on the Visits page): the draft (new-visit.ts) is stored at once, then opened.
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDatabase, useWorkingContext, visitActions } from '../../db';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';
import { draftVisit } from './new-visit';

/** Returns start(projectId): true once the visit is stored and opening, false when it failed (said). */
export function useStartVisit() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const actions = visitActions(useDatabase());
  // The visit is the working team's: its members are the visit's inspectors.
  const team = useWorkingContext()?.team ?? undefined;
  return async (projectId: string): Promise<boolean> => {
    const visit = draftVisit(projectId, team, Date.now());
    try {
      await actions.create(visit);
      void navigate(`/visits/${visit.id}`);
      return true;
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'visits.saveFailed')));
      return false;
    }
  };
}
