// Commands of the first run and the team's setup: start empty, or load the sample campaign.
import type { Campaign } from '../../../../shared/sample/campaign';
import type { DuchaDatabase } from '../../database';
import { loadCampaign, startEmpty } from '../../repositories/setup';

export const settingsActions = (db: DuchaDatabase) => ({
  startEmpty: () => startEmpty(db),
  loadSampleCampaign: (campaign: Campaign) => loadCampaign(db, campaign),
});
