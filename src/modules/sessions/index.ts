// The sessions module (kỳ họp), part 1: the council's session profile, the annual plan, sessions
// and their states, agenda items and submissions with expected documents and due dates, uploads by
// the presenting agency, the joint conference and agenda versions, lateness per presenting agency.
import type { AppModule } from '../../server/module.ts';
import { sessionRoutes } from './routes.ts';
import { convocationRoutes } from './convocationRoutes.ts';
import { seedSessions } from './seed.ts';
import { verificationRoutes } from './verificationRoutes.ts';
import { seedVerification } from './verificationSeed.ts';
import { sessionTodo } from './todo.ts';
import { REMINDER_NOTE_KIND, registerSessionTemplates, runSessionReminders, SESSION_REMINDER_JOB } from './reminders.ts';

registerSessionTemplates();

export const sessionsModule: AppModule = {
  name: 'sessions',
  permissions: {
    'sessions.read': {
      label: 'Xem kỳ họp, nội dung trình, tài liệu phải nộp và tình trạng chậm muộn',
      roles: ['secretariat', 'standing_member', 'committee_member'],
    },
    'sessions.manage': { label: 'Chuẩn bị kỳ họp: quy định thời hạn, kế hoạch, kỳ họp, nội dung, tài liệu, nhận hồ sơ giấy, hội nghị liên tịch', roles: ['secretariat'] },
    'sessions.approve': { label: 'Duyệt chương trình kỳ họp và các thay đổi (Thường trực HĐND)', roles: ['standing_member'] },
    'sessions.submit': { label: 'Nộp tài liệu kỳ họp của cơ quan trình', roles: ['agency_responder'] },
    'sessions.assign': { label: 'Phân công Ban thẩm tra nội dung trình kỳ họp (Thường trực HĐND)', roles: ['standing_member'] },
    'sessions.verify': { label: 'Ghi cuộc họp thẩm tra, gửi báo cáo thẩm tra (Ban được phân công; Văn phòng ghi thay báo cáo bằng giấy)', roles: ['committee_member', 'secretariat'] },
  },
  routes: (r) => {
    sessionRoutes(r);
    verificationRoutes(r);
    convocationRoutes(r);
  },
  notificationKinds: {
    [REMINDER_NOTE_KIND]: { label: 'Nhắc hạn nộp tài liệu kỳ họp (trước và sau hạn)', audience: 'Cán bộ cơ quan trình', defaultChannel: 'email' },
    'session.convened': { label: 'Giấy triệu tập kỳ họp', audience: 'Đại biểu HĐND được triệu tập', defaultChannel: 'app' },
  },
  dailyJobs: [
    {
      key: SESSION_REMINDER_JOB,
      hour: () => 7,
      run: async (deps) => {
        const r = await runSessionReminders(deps);
        return { ran: r.ran, summary: r.ran ? `${r.reminders} lời nhắc hạn tài liệu kỳ họp, ${r.emailsSent} thư` : undefined };
      },
    },
  ],
  todo: sessionTodo,
  menuGroups: { sessions: 'Kỳ họp' },
  menu: [
    { key: 'sessions', label: 'Kỳ họp', path: '/councils/:councilId/sessions', icon: 'session', permission: 'sessions.read', scope: 'council', group: 'sessions', order: 20 },
    { key: 'session-lateness', label: 'Chậm muộn tài liệu', path: '/councils/:councilId/session-lateness', icon: 'late', permission: 'sessions.read', scope: 'council', group: 'sessions', order: 22 },
    { key: 'session-profile', label: 'Quy định chuẩn bị kỳ họp', path: '/councils/:councilId/session-profile', icon: 'rules', permission: 'sessions.read', scope: 'council', group: 'sessions', order: 31 },
    { key: 'agency-session-documents', label: 'Tài liệu kỳ họp cần nộp', path: '/agencies/:agencyId/session-documents', icon: 'upload', permission: 'sessions.submit', scope: 'agency', group: 'sessions', order: 28 },
  ],
  seedDemo: async (ctx) => {
    await seedSessions(ctx);
    await seedVerification(ctx);
  },
};
