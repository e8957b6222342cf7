// The coordination module's lines of the home page's to-do list: the documents routed to me (and
// those of them overdue), and the arrivals waiting to be routed — counted with the register list's
// own WHERE clause (incomingConds), so each number equals the list it opens.
import type { TodoContext, TodoCount, TodoSource } from '../../server/module.ts';
import { loadCalendar, today } from './common.ts';
import { handlerCounts, listIncoming } from './queries.ts';

const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');

export const coordinationTodo: TodoSource = {
  entries: [
    { key: 'incoming-mine', label: 'Văn bản đến giao tôi xử lý', permission: 'coordination.handle', scope: 'council', order: 55, tone: 'warning' },
    { key: 'incoming-mine-overdue', label: 'Văn bản đến giao tôi đã quá hạn xử lý', permission: 'coordination.handle', scope: 'council', order: 54, tone: 'danger' },
    { key: 'incoming-unassigned', label: 'Văn bản đến chờ giao người xử lý', permission: 'coordination.manage', scope: 'council', roles: ['secretariat', 'standing_member'], order: 56, tone: 'warning' },
  ],
  async count(ctx: TodoContext) {
    const out: Record<string, TodoCount | undefined> = {};
    if (!('councilId' in ctx.scope)) return out;
    const councilId = ctx.scope.councilId;
    const day = today(ctx.now);
    const n = await handlerCounts(ctx.db, councilId, ctx.user.id, day);
    const base = `/councils/${councilId}/incoming`;
    if (ctx.keys.has('incoming-mine') && n.open > 0) {
      const list = await listIncoming(ctx.db, councilId, { handlerUserId: ctx.user.id, track: 'open', page: 1, pageSize: 3 }, day, await loadCalendar(ctx.db));
      out['incoming-mine'] = {
        count: n.open, link: `${base}?mine=1&track=open`,
        preview: list.items.map((d) => ({
          title: `Số đến ${d.registerNumber} – ${d.senderName}`,
          detail: d.due ? `hạn ${vnDate(d.due)}` : 'không có hạn',
          link: `${base}/${d.id}`,
          tone: d.deadlineStatus === 'overdue' || d.deadlineStatus === 'long_overdue' ? ('danger' as const) : ('warning' as const),
        })),
      };
    }
    if (ctx.keys.has('incoming-mine-overdue') && n.overdue > 0) out['incoming-mine-overdue'] = { count: n.overdue, link: `${base}?mine=1&track=overdue` };
    if (ctx.keys.has('incoming-unassigned') && n.unassigned > 0) out['incoming-unassigned'] = { count: n.unassigned, link: `${base}?state=registered` };
    return out;
  },
};
