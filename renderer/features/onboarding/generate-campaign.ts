// Runs the sample campaign generator in a worker and hands back the result.
import { localDate } from '../../../shared/domain/dates';
import type { Campaign } from '../../../shared/sample/campaign';

export const SAMPLE_SEED = 2009;

type Reply = { ok: true; campaign: Campaign } | { ok: false; message: string };

export function generateSampleCampaign(now: number = Date.now()): Promise<Campaign> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./campaign.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.campaign);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the generator stopped'));
    };
    worker.postMessage({ seed: SAMPLE_SEED, today: localDate(now) });
  });
}
