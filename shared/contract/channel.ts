import type { z } from 'zod';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

export const defineChannel = <Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): ChannelSpec<Req, Res> => ({ request, response });
