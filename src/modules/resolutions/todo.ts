// The resolutions module's line of the home page's to-do list: the council's implementation tasks
// past their due date, counted by the list it opens (listTasks with overdue=true).
import type { TodoSource } from '../../server/module.ts';
import { today } from './common.ts';
import { listTasks } from './queries.ts';

export const resolutionTodo: TodoSource = {
  entries: [
    { key: 'resolution-tasks-overdue', label: 'Nhiệm vụ thực hiện nghị quyết quá hạn', permission: 'resolutions.read', scope: 'council', roles: ['secretariat', 'standing_member'], order: 40, tone: 'danger' },
  ],
  async count(ctx) {
    if (!('councilId' in ctx.scope) || !ctx.keys.has('resolution-tasks-overdue')) return {};
    const { councilId } = ctx.scope;
    const link = `/councils/${councilId}/resolution-tasks?overdue=true`;
    const late = await listTasks(ctx.db, { councilId }, { page: 1, pageSize: 3, overdue: true }, today(ctx.now));
    return {
      'resolution-tasks-overdue': {
        count: late.total,
        link,
        preview: late.items.map((t) => ({ title: t.title, detail: `${t.agencyName} · quá hạn ${t.daysOverdue} ngày`, link, tone: 'danger' as const })),
      },
    };
  },
};
