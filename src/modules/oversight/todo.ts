// The oversight module's line of the home page's to-do list: notices to supervised bodies not sent
// yet and due within the council's reminder window (or overdue), counted by the notices list's own
// query with the same filter, so the number and the list agree.
import type { TodoContext, TodoCount, TodoSource } from '../../server/module.ts';
import { today } from './common.ts';
import { councilNotices } from './queries.ts';

const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');

export const oversightTodo: TodoSource = {
  entries: [{ key: 'oversight-notices-due', label: 'Thông báo giám sát cần gửi đối tượng', permission: 'oversight.manage', scope: 'council', roles: ['secretariat'], order: 60, tone: 'warning' }],
  async count(ctx: TodoContext) {
    const out: Record<string, TodoCount | undefined> = {};
    if (!('councilId' in ctx.scope) || !ctx.keys.has('oversight-notices-due')) return out;
    const councilId = ctx.scope.councilId;
    const list = await councilNotices(ctx.db, councilId, today(ctx.now), { pending: true, page: 1, pageSize: 5 });
    const link = `/councils/${councilId}/oversight?notices=pending`;
    out['oversight-notices-due'] = {
      count: list.total,
      link,
      preview: list.items.map((n) => ({
        title: `${n.stepLabel} – ${n.agencyName}`,
        detail: `${n.activityTitle} · hạn ${vnDate(n.dueDate as string)}`,
        link: `/councils/${councilId}/oversight-activities/${n.activityId as string}`,
        tone: n.overdue ? ('danger' as const) : ('warning' as const),
      })),
    };
    return out;
  },
};
