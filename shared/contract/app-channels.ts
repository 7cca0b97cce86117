// Channels the application shell needs: who is hosting it, and a place to leave a diagnostic line.
import { z } from 'zod';
import { defineChannel } from './channel';

export const HOST_KINDS = ['electron', 'browser'] as const;
export type HostKind = (typeof HOST_KINDS)[number];

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(HOST_KINDS),
  /** Electron's version in the desktop app, Node's in the browser host. */
  hostVersion: z.string(),
  platform: z.string(),
  arch: z.string(),
  /** The folder where the host keeps its files (logs, exports in progress). */
  dataDir: z.string(),
  /** The operating system's preferred language, e.g. zh-CN. */
  systemLocale: z.string(),
  /** Set when DUCHA_LANG forces the language for this run. */
  forcedLanguage: z.enum(['zh-CN', 'en']).nullable(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appChannels = {
  appInfo: defineChannel(z.object({}).strict(), AppInfoSchema),
  /** The page reports what went wrong (a database that would not open, say) to the host's log. */
  reportProblem: defineChannel(
    z
      .object({
        kind: z.enum(['databaseOpen', 'uncaught', 'other']),
        message: z.string().max(4000),
      })
      .strict(),
    z.object({ logged: z.boolean() }),
  ),
};
