// The resolutions module (issue #12, "Resolutions"): the council's register of resolutions with
// their numbers from the documents register, certification, publication, gazette, entry into
// force and typed links (status on any date computed); implementation tasks projected onto the
// follow-up engine; the resolution, the session's minutes and its conclusion notice as ND30
// documents; the public register.
import type { AppModule } from '../../server/module.ts';
import { resolutionRoutes } from './routes.ts';
import { registerResolutionTemplates } from './templates.ts';
import { seedResolutions } from './seed.ts';
import { resolutionTodo } from './todo.ts';

registerResolutionTemplates();

export const resolutionsModule: AppModule = {
  name: 'resolutions',
  permissions: {
    'resolutions.read': { label: 'Xem sổ nghị quyết, tình trạng hiệu lực, nhiệm vụ thực hiện', roles: ['secretariat', 'standing_member', 'committee_member', 'delegate'] },
    'resolutions.manage': { label: 'Ghi nghị quyết, liên kết sửa đổi/thay thế/bãi bỏ, công bố, giao nhiệm vụ, lập biên bản và thông báo kết luận kỳ họp', roles: ['secretariat'] },
    'resolutions.certify': { label: 'Ký chứng thực nghị quyết; xác nhận hoàn thành nhiệm vụ (Thường trực HĐND)', roles: ['standing_member'] },
    'resolutions.report': { label: 'Báo cáo thực hiện nhiệm vụ nghị quyết của cơ quan được giao', roles: ['agency_responder'] },
  },
  routes: resolutionRoutes,
  todo: resolutionTodo,
  menu: [
    { key: 'resolutions', label: 'Nghị quyết', path: '/councils/:councilId/resolutions', icon: 'resolution', permission: 'resolutions.read', scope: 'council', group: 'sessions', order: 26 },
    { key: 'resolution-tasks', label: 'Thực hiện nghị quyết', path: '/councils/:councilId/resolution-tasks', icon: 'tasks', permission: 'resolutions.read', scope: 'council', group: 'sessions', order: 27 },
    { key: 'agency-resolution-tasks', label: 'Nhiệm vụ thực hiện nghị quyết', path: '/agencies/:agencyId/resolution-tasks', icon: 'tasks', permission: 'resolutions.report', scope: 'agency', group: 'sessions', order: 30 },
  ],
  seedDemo: seedResolutions,
};
