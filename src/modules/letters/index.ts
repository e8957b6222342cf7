// The letters module (đơn thư): receiving citizens' letters, classifying and splitting them,
// forwarding with an official letter, following the agency's result through the follow-up
// engine, telling the citizen; a denunciation's identity for its named handlers only.
import type { AppModule } from '../../server/module.ts';
import { letterRoutes } from './routes.ts';
import { receptionRoutes } from './receptionRoutes.ts';
import { moreLetterRoutes } from './moreRoutes.ts';
import { registerLetterTemplates } from './forwardLetter.ts';
import { registerLetterReport } from './reportTemplate.ts';
import { registerLetterNotice } from './noticeTemplate.ts';
import { seedLetters } from './seed.ts';

registerLetterTemplates();
registerLetterReport();
registerLetterNotice();

export const lettersModule: AppModule = {
  name: 'letters',
  permissions: {
    'letters.read': { label: 'Xem sổ theo dõi đơn thư (thông tin người tố cáo chỉ người được giao đích danh)', roles: ['secretariat', 'standing_member'] },
    'letters.manage': { label: 'Tiếp nhận, phân loại, chuyển đơn, ghi nhận kết quả, thông báo cho công dân', roles: ['secretariat', 'standing_member'] },
    'letters.delegate': { label: 'Xem đơn thư mình đã tiếp nhận, chuyển và việc cần làm tiếp', roles: ['delegate'] },
    'letters.agency': { label: 'Xem đơn được chuyển đến cơ quan và báo cáo kết quả giải quyết', roles: ['agency_responder'] },
  },
  routes: (r) => {
    letterRoutes(r);
    receptionRoutes(r);
    moreLetterRoutes(r);
  },
  notificationKinds: {
    'letter.forwarded': { label: 'Đơn của công dân được chuyển đến cơ quan', audience: 'Cán bộ cơ quan', defaultChannel: 'email' },
    'letter.result': { label: 'Cơ quan báo cáo kết quả giải quyết đơn', audience: 'Văn phòng HĐND', defaultChannel: 'app' },
  },
  menuGroups: { letters: 'Tiếp công dân, đơn thư' },
  menu: [
    { key: 'letters', label: 'Sổ theo dõi đơn thư', path: '/councils/:councilId/letters', icon: 'mail', permission: 'letters.read', scope: 'council', group: 'letters', order: 40 },
    { key: 'my-letters', label: 'Đơn thư tôi tiếp nhận', path: '/councils/:councilId/my-letters', icon: 'mail', permission: 'letters.delegate', scope: 'council', group: 'letters', order: 41 },
    { key: 'receptions', label: 'Sổ tiếp công dân', path: '/councils/:councilId/receptions', icon: 'reception', permission: 'letters.read', scope: 'council', group: 'letters', order: 42 },
    { key: 'online-receptions', label: 'Tiếp công dân trực tuyến', path: '/councils/:councilId/online-receptions', icon: 'reception', permission: 'letters.manage', scope: 'council', group: 'letters', order: 44 },
    { key: 'my-receptions', label: 'Tiếp công dân của tôi', path: '/councils/:councilId/my-receptions', icon: 'reception', permission: 'letters.delegate', scope: 'council', group: 'letters', order: 43 },
  ],
  seedDemo: seedLetters,
};
