// The dashboards module (bảng tổng hợp): what the secretariat and the standing committee look at,
// and the upper-level view of the reporting conference (founding notice).
import type { AppModule } from '../../server/module.ts';
import { dashboardRoutes } from './routes.ts';

export const dashboardsModule: AppModule = {
  name: 'dashboards',
  permissions: {
    'dashboards.read': {
      label: 'Xem bảng tổng hợp kiến nghị cử tri và số liệu các HĐND cấp dưới',
      roles: ['secretariat', 'standing_member', 'committee_member', 'delegate', 'front_staff'],
    },
  },
  routes: dashboardRoutes,
  menuGroups: { dashboards: 'Tổng hợp, báo cáo' },
  menu: [
    { key: 'dashboard-petitions', label: 'Tổng quan kiến nghị', path: '/councils/:councilId/dashboard/petitions', icon: 'dashboard', permission: 'dashboards.read', scope: 'council', group: 'dashboards', order: 25 },
    { key: 'dashboard-lower-councils', label: 'Các HĐND cấp dưới', path: '/councils/:councilId/dashboard/lower-councils', icon: 'levels', permission: 'dashboards.read', scope: 'council', group: 'dashboards', order: 26 },
  ],
};
