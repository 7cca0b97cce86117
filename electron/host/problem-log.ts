// The host's diagnostic log: one JSON object per line in <dataDir>/logs/ducha.log, so a support person
// can read it with any editor and a script can parse it line by line.
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

export interface ProblemLine {
  readonly time: string;
  readonly host: 'electron' | 'browser';
  readonly kind: string;
  readonly message: string;
}

export const logFileOf = (dataDir: string): string => path.join(dataDir, 'logs', 'ducha.log');

export async function appendProblemLine(dataDir: string, line: ProblemLine): Promise<void> {
  const file = logFileOf(dataDir);
  await mkdir(path.dirname(file), { recursive: true });
  // JSON.stringify escapes newlines inside the message, so one report is always exactly one line.
  await appendFile(file, `${JSON.stringify(line)}\n`, 'utf8');
}
