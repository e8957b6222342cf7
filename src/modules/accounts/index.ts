import type { AppModule } from '../../server/module.ts';
import { accountRoutes } from './routes.ts';
import { seedAccounts } from './seed.ts';

export const accountsModule: AppModule = {
  name: 'accounts',
  permissions: {
    'users.manage': { label: 'Quản lý người dùng và phân quyền', roles: [] },
  },
  routes: accountRoutes,
  menu: [{ key: 'users', label: 'Người dùng', path: '/users', icon: 'user', permission: 'users.manage', scope: 'global', group: 'system', order: 80 }],
  seedDemo: seedAccounts,
};
