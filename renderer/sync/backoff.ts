// How long to wait before trying again after a failure that may pass by itself: doubling from a few
// seconds to five minutes, each wait drawn between half and all of it, so that a team's laptops coming
// back online together do not knock on the server in step.
export const FIRST_RETRY_MS = 2_000;
export const LONGEST_RETRY_MS = 5 * 60_000;

/** The wait before attempt `failures + 1`, given a random number in [0, 1). */
export function retryDelayMs(failures: number, random: number): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random / 2));
}
