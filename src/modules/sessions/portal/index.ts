// The delegates' portal of the sessions module (issue #11): published documents by agenda item,
// new or changed since last opened, read receipts, private notes, attendance, registration to
// speak; and the secretariat's publishing with the chair's lists. Registered after `sessions`.
import type { AppModule } from '../../../server/module.ts';
import { portalRoutes } from './routes.ts';
import { seedPortal } from './seed.ts';

export const sessionsPortalModule: AppModule = {
  name: 'sessionsPortal',
  permissions: {
    'sessions.portal': { label: 'Cổng đại biểu: đọc tài liệu kỳ họp đã phát hành, ghi chú riêng, xác nhận tham dự, đăng ký phát biểu', roles: ['delegate'] },
    'sessions.delegates': { label: 'Xem đại biểu xác nhận tham dự, đăng ký phát biểu và đã đọc tài liệu kỳ họp', roles: ['secretariat', 'standing_member'] },
  },
  routes: portalRoutes,
  notificationKinds: {
    'session.published': { label: 'Tài liệu kỳ họp mới hoặc đã thay đổi được phát hành', audience: 'Đại biểu HĐND', defaultChannel: 'digest' },
  },
  menu: [
    { key: 'portal', label: 'Tài liệu kỳ họp', path: '/councils/:councilId/portal', icon: 'folder', permission: 'sessions.portal', scope: 'council', group: 'sessions', order: 15 },
    { key: 'session-delegates', label: 'Đại biểu và tài liệu kỳ họp', path: '/councils/:councilId/session-delegates', icon: 'delegateDocs', permission: 'sessions.delegates', scope: 'council', group: 'sessions', order: 21 },
  ],
  seedDemo: seedPortal,
};
