// Says, once per run, which host the end-to-end specs drive and why.
import { chooseHost } from './support/host-choice';

export default function globalSetup(): void {
  const host = chooseHost();
  console.log(`[e2e] host: ${host.kind} — ${host.reason}`);
}
