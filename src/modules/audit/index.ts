import type { AppModule } from '../../server/module.ts';
import { auditRoutes } from './routes.ts';

export const auditModule: AppModule = {
  name: 'audit',
  permissions: {
    'audit.read_all': { label: 'Xem toàn bộ nhật ký hệ thống', roles: [] },
    'audit.read_council': { label: 'Xem nhật ký thao tác của HĐND', roles: ['secretariat', 'standing_member'] },
  },
  routes: auditRoutes,
  menuGroups: { system: 'Hệ thống' },
  menu: [
    { key: 'audit', label: 'Nhật ký hệ thống', path: '/audit', icon: 'history', permission: 'audit.read_all', scope: 'global', group: 'system', order: 90 },
    { key: 'council-audit', label: 'Nhật ký thao tác', path: '/councils/:councilId/audit', icon: 'history', permission: 'audit.read_council', scope: 'council', group: 'system', order: 91 },
  ],
};
