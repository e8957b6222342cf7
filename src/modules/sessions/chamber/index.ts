// In the chamber (issue #12): votes and elections (helper chamber-votes), attendance and the
// speakers' list (helper chamber-floor, floorModule.ts). Registered after `sessionsPortal`.
import type { AppModule } from '../../../server/module.ts';
import type { Router } from '../../../server/route.ts';
import { votesRoutes } from './votesRoutes.ts';
import { seedVotes } from './votesSeed.ts';
import { floorMenu, floorPermissions, floorRoutes, seedFloor } from './floorModule.ts';

export const sessionsChamberModule: AppModule = {
  name: 'sessionsChamber',
  permissions: {
    'chamber.votes.view': { label: 'Theo dõi các lượt biểu quyết của kỳ họp và kết quả (màn hình chiếu)', roles: ['secretariat', 'standing_member', 'committee_member', 'delegate'] },
    'chamber.votes.manage': { label: 'Điều hành biểu quyết: tạo, bắt đầu, kết thúc, nhập kết quả giơ tay', roles: ['secretariat', 'standing_member'] },
    'chamber.votes.confirm': { label: 'Chủ tọa: xác nhận hoặc hủy kết quả biểu quyết (có lý do)', roles: ['standing_member'] },
    'chamber.vote': { label: 'Biểu quyết và bỏ phiếu bầu tại kỳ họp (đại biểu)', roles: ['delegate'] },
    ...floorPermissions,
  },
  routes: (r: Router) => {
    votesRoutes(r);
    floorRoutes(r);
  },
  menu: [
    { key: 'chamber-votes', label: 'Biểu quyết tại kỳ họp', path: '/councils/:councilId/chamber/votes', icon: 'vote', permission: 'chamber.votes.manage', scope: 'council', group: 'sessions', order: 24 },
    { key: 'portal-votes', label: 'Biểu quyết', path: '/councils/:councilId/portal/votes', icon: 'vote', permission: 'chamber.vote', scope: 'council', group: 'sessions', order: 16 },
    ...floorMenu,
  ],
  seedDemo: async (ctx) => {
    await seedFloor(ctx);
    await seedVotes(ctx);
  },
};
