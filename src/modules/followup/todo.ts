// The follow-up engine's lines of the home page: what the agency owes and what is overdue, counted
// by the inbox's own query (listObligations) with the list's filter, so count and list agree.
import type { TodoContext, TodoCount, TodoSource } from '../../server/module.ts';
import { loadCalendar, today } from '../petitions/common.ts';
import { listObligations } from './queries.ts';

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

async function count(ctx: TodoContext): Promise<Record<string, TodoCount | undefined>> {
  if (!('agencyId' in ctx.scope)) return {};
  const agencyId = ctx.scope.agencyId;
  const day = today(ctx.now);
  const calendar = await loadCalendar(ctx.db);
  const base = `/agencies/${agencyId}/obligations`;
  const out: Record<string, TodoCount | undefined> = {};
  if (ctx.keys.has('followup-overdue')) {
    const late = await listObligations(ctx.db, { agencyId, status: 'overdue', page: 1, pageSize: 5 }, day, calendar);
    out['followup-overdue'] = {
      count: late.total,
      link: `${base}?status=overdue`,
      preview: late.items.map((i) => ({ title: i.title, detail: `${i.kindLabel} · hạn ${vnDate(i.due)} — quá hạn ${i.daysOverdue} ngày`, link: i.link, tone: 'danger' as const })),
    };
  }
  if (ctx.keys.has('followup-owed')) {
    const owed = await listObligations(ctx.db, { agencyId, status: 'owed', page: 1, pageSize: 1 }, day, calendar);
    out['followup-owed'] = { count: owed.total, link: `${base}?status=owed` };
  }
  return out;
}

export const followupTodo: TodoSource = {
  entries: [
    { key: 'followup-overdue', label: 'Việc quá hạn phải thực hiện', permission: 'followup.agency', scope: 'agency', order: 1, tone: 'danger' },
    { key: 'followup-owed', label: 'Việc đang phải thực hiện (mọi loại)', permission: 'followup.agency', scope: 'agency', order: 2, tone: 'warning' },
  ],
  count,
};
