// The oversight module (giám sát, issue #13), part 1: topic proposals, annual programmes of each
// body with versions, activities with the overlap check on every change, the founding decision
// (ND30), notices with due dates, working sessions, the supervised bodies' uploads, publication.
// Reports and recommendations (helper oversight-recs) add their routes below.
import type { AppModule } from '../../server/module.ts';
import { oversightRoutes } from './routes.ts';
import { registerOversightTemplates } from './actions/fieldwork.ts';
import { seedOversight } from './seed.ts';
import { recommendationMenu, recommendationPermissions, recommendationRoutes, withRecommendationTodo, seedRecommendations } from './recommendationsModule.ts';
import { oversightTodo } from './todo.ts';

registerOversightTemplates();

export const oversightModule: AppModule = {
  name: 'oversight',
  permissions: {
    'oversight.read': {
      label: 'Xem chương trình, hoạt động giám sát, lịch và cảnh báo trùng lặp',
      roles: ['secretariat', 'standing_member', 'committee_member', 'delegate', 'front_staff'],
    },
    'oversight.manage': {
      label: 'Lập, sửa, thông qua chương trình giám sát; thành lập đoàn, thông báo, lịch làm việc (thành viên Ban chỉ với chương trình của Ban mình)',
      roles: ['secretariat', 'standing_member', 'committee_member'],
    },
    'oversight.propose': { label: 'Gửi đề xuất nội dung giám sát năm sau', roles: ['secretariat', 'standing_member', 'committee_member', 'delegate', 'front_staff'] },
    'oversight.submit': { label: 'Xem hoạt động giám sát đối với cơ quan mình, gửi báo cáo và tài liệu', roles: ['agency_responder'] },
    ...recommendationPermissions,
  },
  routes: (r) => {
    oversightRoutes(r);
    recommendationRoutes(r);
  },
  todo: withRecommendationTodo(oversightTodo),
  menuGroups: { oversight: 'Giám sát' },
  menu: [
    { key: 'oversight-programs', label: 'Chương trình giám sát', path: '/councils/:councilId/oversight', icon: 'program', permission: 'oversight.read', scope: 'council', group: 'oversight', order: 30 },
    { key: 'oversight-timeline', label: 'Lịch giám sát, trùng lặp', path: '/councils/:councilId/oversight-timeline', icon: 'timeline', permission: 'oversight.read', scope: 'council', group: 'oversight', order: 31 },
    { key: 'oversight-proposals', label: 'Đề xuất nội dung giám sát', path: '/councils/:councilId/oversight-proposals', icon: 'idea', permission: 'oversight.read', scope: 'council', group: 'oversight', order: 32 },
    { key: 'agency-oversight', label: 'Hoạt động giám sát cơ quan', path: '/agencies/:agencyId/oversight', icon: 'inspect', permission: 'oversight.submit', scope: 'agency', group: 'oversight', order: 33 },
    ...recommendationMenu,
  ],
  seedDemo: async (ctx) => {
    await seedOversight(ctx);
    await seedRecommendations(ctx);
  },
};
