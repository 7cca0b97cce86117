// The host side of every call, whichever transport carried it: check the channel and the payload,
// run the handler, check the reply. A bad request becomes an error reply; nothing here throws.
import { type ChannelName, type HostContext, type HostHandlers, hostContract, isChannelName } from './index';
import { describeIssues, type HostResult } from './result';

export async function dispatch(
  handlers: HostHandlers,
  channel: string,
  payload: unknown,
  context: HostContext,
): Promise<HostResult<unknown>> {
  if (!isChannelName(channel)) {
    return {
      ok: false,
      error: { code: 'unknownChannel', message: `no such channel: ${channel.slice(0, 80)}` },
    };
  }
  const spec = hostContract[channel];
  const request = spec.request.safeParse(payload);
  if (!request.success) {
    return {
      ok: false,
      error: {
        code: 'badRequest',
        message: `malformed request for ${channel}: ${describeIssues(request.error)}`,
      },
    };
  }
  try {
    const handler = handlers[channel] as (req: unknown, ctx: HostContext) => Promise<unknown>;
    const value = await handler(request.data, context);
    const reply = spec.response.safeParse(value);
    if (!reply.success) {
      return {
        ok: false,
        error: { code: 'failed', message: `the host produced an invalid reply for ${channel}` },
      };
    }
    return { ok: true, value: reply.data };
  } catch (error) {
    return { ok: false, error: { code: 'failed', message: errorMessage(error) } };
  }
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';

export type { ChannelName };
