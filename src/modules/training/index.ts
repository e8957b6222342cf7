// The training module (bồi dưỡng đại biểu, issue #15): courses with their required audience,
// cascaded classes, enrolment, attendance, completion computed per delegate and term, materials,
// certificates (documents engine), the not-completed report and coverage for the level above, the
// delegate's own record.
import type { AppModule } from '../../server/module.ts';
import { trainingRoutes } from './routes.ts';
import { registerTrainingTemplates } from './certificate.ts';
import { seedTraining } from './seed.ts';

registerTrainingTemplates();

export const trainingModule: AppModule = {
  name: 'training',
  permissions: {
    'training.read': { label: 'Xem khóa, lớp bồi dưỡng đại biểu, báo cáo hoàn thành (cả HĐND cấp dưới trực tiếp)', roles: ['secretariat', 'standing_member'] },
    'training.manage': { label: 'Tạo khóa, mở lớp, ghi danh, điểm danh, cấp giấy chứng nhận bồi dưỡng', roles: ['secretariat'] },
    'training.own': { label: 'Xem hồ sơ bồi dưỡng của chính mình', roles: ['delegate'] },
  },
  routes: trainingRoutes,
  menuGroups: { training: 'Bồi dưỡng đại biểu' },
  menu: [
    { key: 'training-courses', label: 'Khóa, lớp bồi dưỡng', path: '/councils/:councilId/training', icon: 'training', permission: 'training.read', scope: 'council', group: 'training', order: 60 },
    { key: 'training-report', label: 'Chưa hoàn thành bồi dưỡng', path: '/councils/:councilId/training/report', icon: 'report', permission: 'training.read', scope: 'council', group: 'training', order: 61 },
    { key: 'my-training', label: 'Hồ sơ bồi dưỡng của tôi', path: '/councils/:councilId/my-training', icon: 'certificate', permission: 'training.own', scope: 'council', group: 'training', order: 62 },
  ],
  seedDemo: seedTraining,
};
