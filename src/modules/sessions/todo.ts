// The sessions module's lines of the home page's to-do list. Each count is the total of the list
// the line opens, computed by that list's own query with the same filter (agencyDocuments,
// councilDocuments, portalSessions), so the number and the list always agree.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { TodoContext, TodoCount, TodoSource } from '../../server/module.ts';
import { loadCalendar, today } from './common.ts';
import { agencyDocuments, councilDocuments } from './queries/documents.ts';
import { awaitingPublicationCond, portalSessions } from './portal/queries.ts';
import { councilSessions, sessionDocuments } from './schema.ts';

type Counts = Record<string, TodoCount | undefined>;
const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');
/** Sessions a delegate still has to say whether they attend. */
const AWAITING_ATTENDANCE = new Set(['planned', 'convened']);

async function agencyCounts(ctx: TodoContext, agencyId: string): Promise<Counts> {
  const day = today(ctx.now);
  const calendar = await loadCalendar(ctx.db);
  const base = `/agencies/${agencyId}/session-documents`;
  const out: Counts = {};
  if (ctx.keys.has('session-docs-to-submit')) {
    const owed = await agencyDocuments(ctx.db, agencyId, { page: 1, pageSize: 5, timing: 'notReceived' }, day, calendar, { files: false });
    out['session-docs-to-submit'] = {
      count: owed.total,
      link: `${base}?timing=notReceived`,
      preview: owed.items.map((d) => ({
        title: `${d.kindLabel} – ${d.itemTitle}`,
        // The timing's label names the due date for a document not yet due; else say it.
        detail: `${d.sessionTitle} · ${d.timingLabel?.includes(vnDate(d.dueDate)) ? d.timingLabel : `hạn ${vnDate(d.dueDate)}${d.timingLabel ? ` — ${d.timingLabel}` : ''}`}`,
        link: `${base}?timing=notReceived`,
        tone: d.timing === 'late' ? ('danger' as const) : d.timing === 'dueSoon' ? ('warning' as const) : undefined,
      })),
    };
  }
  if (ctx.keys.has('session-docs-overdue')) {
    const late = await agencyDocuments(ctx.db, agencyId, { page: 1, pageSize: 1, timing: 'late' }, day, calendar, { files: false });
    out['session-docs-overdue'] = { count: late.total, link: `${base}?timing=late` };
  }
  return out;
}

async function councilCounts(ctx: TodoContext, councilId: string): Promise<Counts> {
  const out: Counts = {};
  const base = `/councils/${councilId}`;
  if (ctx.keys.has('session-docs-late')) {
    const late = await councilDocuments(ctx.db, councilId, { page: 1, pageSize: 1, timing: 'late' }, today(ctx.now), await loadCalendar(ctx.db));
    out['session-docs-late'] = { count: late.total, link: `${base}/session-lateness/documents?timing=late` };
  }
  if (ctx.keys.has('session-docs-to-publish')) {
    // Per open session, with the condition of the publications list filtered by ?awaiting=true.
    const rows = await ctx.db
      .select({ id: councilSessions.id, title: councilSessions.title, n: sql<number>`count(*)`.mapWith(Number) })
      .from(sessionDocuments)
      .innerJoin(councilSessions, eq(councilSessions.id, sessionDocuments.sessionId))
      .where(and(eq(sessionDocuments.councilId, councilId), ne(councilSessions.state, 'closed'), awaitingPublicationCond))
      .groupBy(councilSessions.id, councilSessions.title, councilSessions.openingDate)
      .orderBy(asc(councilSessions.openingDate));
    const link = (id: string) => `${base}/session-delegates?sessionId=${id}&awaiting=true`;
    out['session-docs-to-publish'] = {
      count: rows.reduce((n, r) => n + r.n, 0),
      link: rows.length ? link(rows[0]!.id) : `${base}/session-delegates`,
      note: rows.length > 1 ? `${rows.length} kỳ họp` : rows[0]?.title,
      preview: rows.length > 1 ? rows.slice(0, 5).map((r) => ({ title: r.title, detail: `${r.n} tài liệu chờ phát hành`, link: link(r.id) })) : undefined,
    };
  }
  if (ctx.keys.has('portal-new') || ctx.keys.has('portal-unconfirmed')) {
    const list = await portalSessions(ctx.db, councilId, ctx.user.id, { page: 1, pageSize: 50 });
    // Only a delegate of this council has documents to read and an attendance to confirm.
    if (!list.delegate) return out;
    const portal = (id: string) => `${base}/portal?sessionId=${id}`;
    const unread = list.items.filter((s) => s.new + s.changed > 0);
    out['portal-new'] = {
      count: unread.reduce((n, s) => n + s.new + s.changed, 0),
      link: unread.length === 1 ? portal(unread[0]!.id) : `${base}/portal`,
      preview: unread.slice(0, 5).map((s) => ({ title: s.title, detail: [s.new ? `${s.new} tài liệu mới` : '', s.changed ? `${s.changed} tài liệu có bản mới` : ''].filter(Boolean).join(', '), link: portal(s.id) })),
    };
    const unconfirmed = list.items.filter((s) => AWAITING_ATTENDANCE.has(s.state) && !s.attendance);
    out['portal-unconfirmed'] = {
      count: unconfirmed.length,
      link: unconfirmed.length === 1 ? portal(unconfirmed[0]!.id) : `${base}/portal`,
      preview: unconfirmed.slice(0, 5).map((s) => ({ title: s.title, detail: `Khai mạc ${vnDate(s.openingDate)} · ${s.stateLabel}`, link: portal(s.id), tone: 'warning' as const })),
    };
  }
  return out;
}

export const sessionTodo: TodoSource = {
  entries: [
    { key: 'session-docs-late', label: 'Tài liệu kỳ họp quá hạn chưa nhận', permission: 'sessions.manage', scope: 'council', order: 40, tone: 'danger' },
    { key: 'session-docs-to-publish', label: 'Tài liệu đã nhận chưa phát hành cho đại biểu', permission: 'sessions.manage', scope: 'council', order: 41, tone: 'warning' },
    { key: 'portal-unconfirmed', label: 'Chưa xác nhận tham dự kỳ họp', permission: 'sessions.portal', roles: ['delegate'], scope: 'council', order: 45, tone: 'warning' },
    { key: 'portal-new', label: 'Tài liệu kỳ họp mới', permission: 'sessions.portal', roles: ['delegate'], scope: 'council', order: 46, tone: 'info' },
    { key: 'session-docs-to-submit', label: 'Tài liệu kỳ họp cần nộp (hạn gần nhất trước)', permission: 'sessions.submit', scope: 'agency', order: 40, tone: 'warning' },
    { key: 'session-docs-overdue', label: 'Tài liệu kỳ họp đã quá hạn nộp', permission: 'sessions.submit', scope: 'agency', order: 41, tone: 'danger' },
  ],
  count: (ctx) => ('councilId' in ctx.scope ? councilCounts(ctx, ctx.scope.councilId) : agencyCounts(ctx, ctx.scope.agencyId)),
};
