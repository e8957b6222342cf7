// The registrations of the reports and recommendations part (issue #13): its permissions, menu
// entries, routes, to-do lines and demo seed, added to the oversight module (index.ts) one line each.
import type { MenuEntry } from '../../server/module.ts';
import type { PermissionDef } from '../../server/permissions.ts';

export const recommendationPermissions: Record<string, PermissionDef> = {
  'oversight.recommendations.read': {
    label: 'Xem báo cáo giám sát, kiến nghị sau giám sát và tình hình thực hiện',
    roles: ['secretariat', 'standing_member', 'committee_member', 'delegate'],
  },
  'oversight.recommendations.manage': {
    label: 'Lập, ban hành báo cáo giám sát và kiến nghị; gia hạn, xác minh, đóng kiến nghị; các bước xử lý tiếp (Ban chỉ với báo cáo của Ban mình)',
    roles: ['secretariat', 'standing_member', 'committee_member'],
  },
  'oversight.recommendations.configure': { label: 'Sửa các bước xử lý tiếp kiến nghị chưa thực hiện', roles: ['secretariat', 'standing_member'] },
  'oversight.recommendations.respond': { label: 'Trả lời, báo cáo thực hiện kiến nghị sau giám sát gửi cơ quan', roles: ['agency_responder'] },
};

export const recommendationMenu: MenuEntry[] = [
  { key: 'oversight-reports', label: 'Báo cáo và kiến nghị giám sát', path: '/councils/:councilId/oversight-reports', icon: 'report', permission: 'oversight.recommendations.read', scope: 'council', group: 'oversight', order: 34 },
  { key: 'recommendation-dashboard', label: 'Theo dõi kiến nghị sau giám sát', path: '/councils/:councilId/recommendation-dashboard', icon: 'watch', permission: 'oversight.recommendations.read', scope: 'council', group: 'oversight', order: 35 },
  { key: 'agency-recommendations', label: 'Kiến nghị sau giám sát', path: '/agencies/:agencyId/recommendations', icon: 'todo', permission: 'oversight.recommendations.respond', scope: 'agency', group: 'oversight', order: 36 },
];

export { recommendationRoutes } from './recommendationsRoutes.ts';
export { seedRecommendations } from './recommendationsSeed.ts';
import type { TodoSource } from '../../server/module.ts';
import { recommendationTodo } from './recommendationsTodo.ts';

export { recommendationTodo };

/** The module's to-do source with the recommendations' lines added (one AppModule holds one source). */
export function withRecommendationTodo(other: TodoSource): TodoSource {
  return {
    entries: [...other.entries, ...recommendationTodo.entries],
    count: async (ctx) => {
      const mine = new Set(recommendationTodo.entries.map((e) => e.key));
      const [a, b] = await Promise.all([
        other.count({ ...ctx, keys: new Set([...ctx.keys].filter((k) => !mine.has(k))) }),
        recommendationTodo.count({ ...ctx, keys: new Set([...ctx.keys].filter((k) => mine.has(k))) }),
      ]);
      return { ...a, ...b };
    },
  };
}
