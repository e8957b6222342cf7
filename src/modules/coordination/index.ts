// The coordination module (phối hợp với UBND, issue #15): the incoming-documents register,
// invitations to the executive's meetings (in each person's calendar feed), the periodic reports
// the executive owes (through the follow-up engine) and the reporting conference between levels.
import type { AppModule } from '../../server/module.ts';
import { coordinationRoutes } from './routes.ts';
import { coordinationTodo } from './todo.ts';
import { seedCoordination } from './seed.ts';

export const coordinationModule: AppModule = {
  name: 'coordination',
  permissions: {
    'coordination.read': { label: 'Xem sổ văn bản đến, giấy mời họp, báo cáo định kỳ, hội nghị trực báo', roles: ['secretariat', 'standing_member', 'committee_member'] },
    'coordination.manage': { label: 'Vào sổ văn bản đến, giao xử lý, ghi giấy mời, báo cáo định kỳ, tổ chức hội nghị trực báo', roles: ['secretariat', 'standing_member'] },
    'coordination.handle': { label: 'Xử lý văn bản đến được giao, trả lời giấy mời họp của mình', roles: ['secretariat', 'standing_member', 'committee_member'] },
  },
  routes: coordinationRoutes,
  notificationKinds: {
    'incoming.assigned': { label: 'Văn bản đến được giao xử lý', audience: 'Người được giao', defaultChannel: 'app' },
    'invitation.received': { label: 'Giấy mời họp của UBND, cơ quan', audience: 'Lãnh đạo HĐND được mời, người dự thay', defaultChannel: 'email' },
  },
  menuGroups: { coordination: 'Phối hợp với UBND' },
  menu: [
    { key: 'incoming', label: 'Sổ văn bản đến', path: '/councils/:councilId/incoming', icon: 'inbox', permission: 'coordination.read', scope: 'council', group: 'coordination', order: 70 },
    { key: 'invitations', label: 'Giấy mời họp', path: '/councils/:councilId/invitations', icon: 'calendar', permission: 'coordination.read', scope: 'council', group: 'coordination', order: 71 },
    { key: 'periodic-reports', label: 'Báo cáo định kỳ', path: '/councils/:councilId/periodic-reports', icon: 'report', permission: 'coordination.read', scope: 'council', group: 'coordination', order: 72 },
    { key: 'reporting-conferences', label: 'Hội nghị trực báo', path: '/councils/:councilId/reporting-conferences', icon: 'levels', permission: 'coordination.read', scope: 'council', group: 'coordination', order: 73 },
  ],
  todo: coordinationTodo,
  seedDemo: seedCoordination,
};
