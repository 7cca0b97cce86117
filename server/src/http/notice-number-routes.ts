// POST /teams/:teamId/notice-numbers: a laptop reserves a block of its team's 整改通知书 numbers for a
// year while online, so two laptops of one team offline never give the same 督查〔2026〕N号.
import type { FastifyInstance } from 'fastify';
import { NoticeNumbersRequestSchema, type NoticeNumbersReply } from '../../../shared/sync/protocol';
import type { ServerContext } from './context';
import { parseWith } from './errors';
import { addRoute, param } from './route';
import { requireTeam } from './team-routes';

export function noticeNumberRoutes(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, 'noticeNumbers', async (request): Promise<NoticeNumbersReply> => {
    const teamId = param(request, 'teamId');
    const body = parseWith(NoticeNumbersRequestSchema, request.body, 'notice numbers');
    await requireTeam(ctx, teamId);
    return ctx.store.reserveNoticeNumbers(teamId, body.year, body.count, body.after ?? 0);
  });
}
