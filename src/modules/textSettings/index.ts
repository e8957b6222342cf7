// Search text settings: the abbreviations an administrator adds to the shipped dictionary.
import type { AppModule } from '../../server/module.ts';
import { textSettingsRoutes } from './routes.ts';
import { withAbbreviations } from './dictionary.ts';

export const textSettingsModule: AppModule = {
  name: 'textSettings',
  permissions: {
    'text.manage': { label: 'Quản lý từ viết tắt và chỉ mục tìm kiếm', roles: [] },
  },
  routes: textSettingsRoutes,
  // The abbreviation dictionary in force for search keys and queries (cached; loaded on first use).
  middleware: (c, next) => withAbbreviations(c.var.db, next),
  menu: [
    { key: 'text-abbreviations', label: 'Từ viết tắt', path: '/text/abbreviations', icon: 'abbreviation', permission: 'text.manage', scope: 'global', group: 'system', order: 92 },
  ],
};
