/** What signing and notarization the environment allows, one line per platform. */
export function signingPlan(env: Readonly<Record<string, string | undefined>>): string[];
