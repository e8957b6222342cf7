// The recommendations' lines of the home page's to-do list. Each count is the total of the list the
// line opens, computed by that list's own query and filter (listRecommendations), so they agree.
import type { TodoContext, TodoCount, TodoSource } from '../../server/module.ts';
import { loadCalendar, today } from '../petitions/common.ts';
import { listRecommendations, type RecommendationFilter } from './recommendationsQueries.ts';

type Counts = Record<string, TodoCount | undefined>;
const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');

export const recommendationTodo: TodoSource = {
  entries: [
    { key: 'recommendations-to-verify', label: 'Kiến nghị sau giám sát chờ xác minh kết quả', permission: 'oversight.recommendations.manage', scope: 'council', order: 50, tone: 'warning' },
    { key: 'recommendations-overdue', label: 'Kiến nghị sau giám sát quá hạn', permission: 'oversight.recommendations.read', roles: ['secretariat', 'standing_member', 'committee_member'], scope: 'council', order: 51, tone: 'danger' },
    { key: 'agency-recommendations-to-answer', label: 'Kiến nghị sau giám sát chờ cơ quan trả lời', permission: 'oversight.recommendations.respond', scope: 'agency', order: 50, tone: 'warning' },
    { key: 'agency-recommendations-overdue', label: 'Kiến nghị sau giám sát đã quá hạn', permission: 'oversight.recommendations.respond', scope: 'agency', order: 51, tone: 'danger' },
  ],
  async count(ctx: TodoContext): Promise<Counts> {
    const day = today(ctx.now);
    const calendar = await loadCalendar(ctx.db);
    const council = 'councilId' in ctx.scope;
    const scope = 'councilId' in ctx.scope ? { councilId: ctx.scope.councilId } : { agencyId: ctx.scope.agencyId };
    const base = 'councilId' in ctx.scope ? `/councils/${ctx.scope.councilId}/recommendation-dashboard` : `/agencies/${ctx.scope.agencyId}/recommendations`;
    const detail = (id: string) => ('councilId' in ctx.scope ? `/councils/${ctx.scope.councilId}/recommendations/${id}` : `/agencies/${ctx.scope.agencyId}/recommendations/${id}`);
    const lines: [string, RecommendationFilter, string][] = council
      ? [['recommendations-to-verify', { status: 'awaiting_verification' }, 'status=awaiting_verification'], ['recommendations-overdue', { overdue: true }, 'overdue=true']]
      : [['agency-recommendations-to-answer', { status: 'awaiting_answer' }, 'status=awaiting_answer'], ['agency-recommendations-overdue', { overdue: true }, 'overdue=true']];
    const out: Counts = {};
    for (const [key, filter, query] of lines) {
      if (!ctx.keys.has(key)) continue;
      const page = await listRecommendations(ctx.db, scope, { ...filter, page: 1, pageSize: 5 }, day, calendar);
      out[key] = {
        count: page.total,
        link: `${base}?${query}`,
        preview: page.items.map((r) => ({
          title: r.content.length > 90 ? `${r.content.slice(0, 87)}…` : r.content,
          detail: `${council ? r.agencyName : r.councilName} · hạn ${vnDate(r.due)}${r.daysOverdue > 0 && filter.overdue ? ` · quá hạn ${r.daysOverdue} ngày` : ''}`,
          link: detail(r.id),
          tone: (r.flags as string[]).includes('overdue') ? ('danger' as const) : undefined,
        })),
      };
    }
    return out;
  },
};
