// Handlers for the application-shell channels (see shared/contract/app-channels.ts).
import type { HostHandlers } from '../../shared/contract';
import type { HostOptions } from './host-options';
import { appendProblemLine } from './problem-log';

export type AppHandlers = Pick<HostHandlers, 'appInfo' | 'reportProblem'>;

export function createAppHandlers(options: HostOptions): AppHandlers {
  return {
    appInfo: () =>
      Promise.resolve({
        name: 'Ducha',
        version: options.appVersion,
        host: options.host,
        hostVersion: options.hostVersion,
        platform: process.platform,
        arch: process.arch,
        dataDir: options.dataDir,
        systemLocale: options.systemLocale,
        forcedLanguage: options.forcedLanguage,
      }),

    reportProblem: async (request) => {
      await appendProblemLine(options.dataDir, {
        time: new Date().toISOString(),
        host: options.host,
        kind: request.kind,
        message: request.message,
      });
      return { logged: true };
    },
  };
}
