// Bytes, speed and time left for the progress bar: speed over the last few seconds, so a slow photo
// or a fast small file does not make the estimate jump.
export interface TransferProgress {
  readonly doneBytes: number;
  readonly totalBytes: number;
  /** Bytes per second, null until there is enough to measure. */
  readonly bytesPerSecond: number | null;
  /** Seconds left at the current speed, null while unknown. */
  readonly secondsLeft: number | null;
}

const WINDOW_MS = 5000;

export class TransferRate {
  private readonly samples: { at: number; bytes: number }[] = [];

  constructor(
    private readonly totalBytes: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  progress(doneBytes: number): TransferProgress {
    const at = this.now();
    this.samples.push({ at, bytes: doneBytes });
    while (this.samples.length > 2 && at - (this.samples[0]?.at ?? at) > WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    const elapsed = first ? (at - first.at) / 1000 : 0;
    const bytesPerSecond = first && elapsed >= 0.25 ? (doneBytes - first.bytes) / elapsed : null;
    const secondsLeft =
      bytesPerSecond && bytesPerSecond > 0
        ? Math.max(0, (this.totalBytes - doneBytes) / bytesPerSecond)
        : null;
    return { doneBytes, totalBytes: this.totalBytes, bytesPerSecond, secondsLeft };
  }
}
