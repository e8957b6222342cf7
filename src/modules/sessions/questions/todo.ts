// The interpellation lines of the standing committee's to-do list: slips waiting for its decision
// (per open session, counted with the session list's own state filter) and commitments the agency
// reported done, waiting for verification (the council's commitment list filtered by state). The
// agency's own commitments are on its follow-up inbox line (src/modules/followup).
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { TodoContext, TodoCount, TodoSource } from '../../../server/module.ts';
import { councilSessions } from '../schema.ts';
import { commitmentList } from './queries.ts';
import { questionSlips } from './schema.ts';

async function councilCounts(ctx: TodoContext, councilId: string): Promise<Record<string, TodoCount | undefined>> {
  const out: Record<string, TodoCount | undefined> = {};
  const base = `/councils/${councilId}/questions`;
  if (ctx.keys.has('questions-submitted')) {
    const rows = await ctx.db
      .select({ id: councilSessions.id, title: councilSessions.title, n: count() })
      .from(questionSlips)
      .innerJoin(councilSessions, eq(councilSessions.id, questionSlips.sessionId))
      .where(and(eq(questionSlips.councilId, councilId), eq(questionSlips.state, 'submitted'), ne(councilSessions.state, 'closed')))
      .groupBy(councilSessions.id, councilSessions.title, councilSessions.openingDate)
      .orderBy(asc(councilSessions.openingDate));
    const link = (id: string) => `${base}?sessionId=${id}&tab=slips&state=submitted`;
    out['questions-submitted'] = {
      count: rows.reduce((n, r) => n + Number(r.n), 0),
      link: rows.length ? link(rows[0]!.id) : base,
      note: rows.length === 1 ? rows[0]!.title : rows.length > 1 ? `${rows.length} kỳ họp` : undefined,
      preview: rows.length > 1 ? rows.slice(0, 5).map((r) => ({ title: r.title, detail: `${Number(r.n)} phiếu chờ xem xét`, link: link(r.id) })) : undefined,
    };
  }
  if (ctx.keys.has('commitments-to-verify')) {
    const list = await commitmentList(ctx.db, { councilId }, { page: 1, pageSize: 5, state: 'reportedDone' }, ctx.now);
    const link = `${base}?tab=commitments&state=reportedDone`;
    out['commitments-to-verify'] = {
      count: list.total, link,
      preview: list.items.map((c) => ({ title: c.content, detail: `${c.agencyName} · ${c.sessionTitle}`, link: `${base}?tab=commitments&state=reportedDone&commitmentId=${c.id}` })),
    };
  }
  return out;
}

export const questionsTodo: TodoSource = {
  entries: [
    { key: 'questions-submitted', label: 'Phiếu chất vấn chờ Thường trực xem xét', permission: 'questions.manage', scope: 'council', order: 47, tone: 'warning' },
    { key: 'commitments-to-verify', label: 'Lời hứa cơ quan báo cáo đã thực hiện, chờ xác nhận', permission: 'questions.manage', scope: 'council', order: 48, tone: 'info' },
  ],
  count: async (ctx) => ('councilId' in ctx.scope ? councilCounts(ctx, ctx.scope.councilId) : {}),
};
