// Generates the sample campaign off the main thread, its photos encoded by the browser where it can.
import { generateCampaign } from '../../../shared/sample/campaign';
import { canvasJpegEncoder } from './canvas-jpeg';

export interface CampaignRequest {
  seed: number;
  today: string;
}

self.onmessage = async (event: MessageEvent<CampaignRequest>) => {
  try {
    const jpegEncoder = canvasJpegEncoder();
    const campaign = await generateCampaign({
      seed: event.data.seed,
      today: event.data.today,
      ...(jpegEncoder ? { jpegEncoder } : {}),
    });
    self.postMessage({ ok: true, campaign });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
