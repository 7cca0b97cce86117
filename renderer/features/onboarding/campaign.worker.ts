// Generates the sample campaign off the main thread: encoding its JPEG photos takes a moment.
import { generateCampaign } from '../../../shared/sample/campaign';

export interface CampaignRequest {
  seed: number;
  today: string;
}

self.onmessage = async (event: MessageEvent<CampaignRequest>) => {
  try {
    const campaign = await generateCampaign({ seed: event.data.seed, today: event.data.today });
    self.postMessage({ ok: true, campaign });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
