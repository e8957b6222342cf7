import type { AppModule } from '../../server/module.ts';
import { directoryRoutes } from './routes.ts';
import { seedDirectory } from './seed.ts';

const everyone = ['secretariat', 'standing_member', 'committee_member', 'delegate', 'front_staff', 'agency_responder'];

export const directoryModule: AppModule = {
  name: 'directory',
  permissions: {
    'directory.read': { label: 'Xem danh mục (đơn vị, HĐND, đại biểu, cơ quan)', roles: everyone },
    'directory.manage': { label: 'Quản lý đại biểu, các Ban, Tổ đại biểu, đơn vị bầu cử của HĐND', roles: ['secretariat'] },
    'councils.manage': { label: 'Thêm, sửa HĐND và nhiệm kỳ', roles: [] },
    'units.manage': { label: 'Quản lý danh mục đơn vị hành chính', roles: [] },
    'agencies.manage': { label: 'Quản lý danh mục cơ quan', roles: [] },
  },
  routes: directoryRoutes,
  menuGroups: { directory: 'Danh mục' },
  menu: [
    { key: 'delegates', label: 'Đại biểu', path: '/councils/:councilId/delegates', icon: 'team', permission: 'directory.read', scope: 'council', group: 'directory', order: 10 },
    { key: 'bodies', label: 'Thường trực, các Ban, Tổ đại biểu', path: '/councils/:councilId/bodies', icon: 'apartment', permission: 'directory.read', scope: 'council', group: 'directory', order: 11 },
    { key: 'units', label: 'Đơn vị hành chính', path: '/units', icon: 'cluster', permission: 'directory.read', scope: 'global', group: 'directory', order: 20 },
    { key: 'agencies', label: 'Cơ quan', path: '/agencies', icon: 'bank', permission: 'directory.read', scope: 'global', group: 'directory', order: 21 },
    { key: 'councils', label: 'Hội đồng nhân dân', path: '/councils', icon: 'council', permission: 'councils.manage', scope: 'global', group: 'directory', order: 22 },
  ],
  seedDemo: seedDirectory,
};
