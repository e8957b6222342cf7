import type { AppModule } from '../../server/module.ts';
import { backupRoutes, cliBackupToken } from './routes.ts';

export const backupModule: AppModule = {
  name: 'backup',
  permissions: {
    'system.backup': { label: 'Tải bản sao lưu toàn bộ cơ sở dữ liệu', roles: [] },
  },
  routes: backupRoutes,
  middleware: cliBackupToken,
};
