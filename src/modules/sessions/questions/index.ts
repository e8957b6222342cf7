// Interpellation and commitments (issue #12): question slips filed from the delegates' portal, the
// standing committee's topics, answerers and order, answers in the sitting or in writing, and
// every promise made as a commitment followed to its verified closure (projected onto the one
// follow-up engine). Registered after `sessionsPortal`.
import type { AppModule } from '../../../server/module.ts';
import { questionRoutes } from './routes.ts';
import { seedQuestions } from './seed.ts';
import { questionsTodo } from './todo.ts';
import { registerQuestionTemplates } from './templates.ts';

registerQuestionTemplates();

export const sessionQuestionsModule: AppModule = {
  name: 'sessionQuestions',
  permissions: {
    'questions.file': { label: 'Gửi phiếu chất vấn, xem phiếu của mình và các phiếu đã được đưa ra chất vấn', roles: ['delegate'] },
    'questions.read': { label: 'Xem phiếu chất vấn, nhóm vấn đề, câu trả lời và lời hứa của HĐND', roles: ['secretariat', 'standing_member', 'committee_member'] },
    'questions.record': { label: 'Ghi câu trả lời chất vấn và các lời hứa', roles: ['secretariat', 'standing_member'] },
    'questions.manage': { label: 'Nhóm phiếu chất vấn, chọn người trả lời, sắp xếp thứ tự, xác nhận và đóng lời hứa (Thường trực HĐND)', roles: ['standing_member'] },
    'questions.report': { label: 'Báo cáo tiến độ, kết quả thực hiện lời hứa khi trả lời chất vấn của cơ quan', roles: ['agency_responder'] },
  },
  routes: questionRoutes,
  todo: questionsTodo,
  notificationKinds: {
    'question.filed': { label: 'Phiếu chất vấn mới của đại biểu', audience: 'Thường trực HĐND', defaultChannel: 'digest' },
    'commitment.recorded': { label: 'Lời hứa khi trả lời chất vấn được ghi nhận', audience: 'Cán bộ cơ quan chịu trách nhiệm', defaultChannel: 'email' },
    'commitment.reported': { label: 'Cơ quan báo cáo thực hiện lời hứa', audience: 'Thường trực HĐND', defaultChannel: 'app' },
  },
  menu: [
    { key: 'portal-questions', label: 'Chất vấn', path: '/councils/:councilId/portal/questions', icon: 'question', permission: 'questions.file', scope: 'council', group: 'sessions', order: 17 },
    { key: 'questions', label: 'Chất vấn và lời hứa', path: '/councils/:councilId/questions', icon: 'question', permission: 'questions.read', scope: 'council', group: 'sessions', order: 25 },
    { key: 'agency-commitments', label: 'Lời hứa khi trả lời chất vấn', path: '/agencies/:agencyId/commitments', icon: 'promise', permission: 'questions.report', scope: 'agency', group: 'sessions', order: 29 },
  ],
  seedDemo: seedQuestions,
};
