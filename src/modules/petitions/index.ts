// The voter-petitions module (kiến nghị cử tri): what it brings to the app.
import type { AppModule } from '../../server/module.ts';
import { petitionRoutes } from './routes.ts';
import { seedPetitions } from './seed.ts';
import { runDailyReminders } from './jobs/dailyReminders.ts';
import { petitionTodo } from './todo.ts';

export const petitionsModule: AppModule = {
  name: 'petitions',
  permissions: {
    'petitions.read': {
      label: 'Xem kiến nghị cử tri, đợt tiếp xúc, kết quả trả lời của HĐND',
      roles: ['secretariat', 'standing_member', 'committee_member', 'delegate', 'front_staff'],
    },
    'petitions.voters': { label: 'Xem họ tên, nơi ở của cử tri (dữ liệu cá nhân)', roles: ['secretariat'] },
    'petitions.intake': { label: 'Tiếp nhận ý kiến cử tri: hội nghị, nhập, dán danh sách, nhập tệp', roles: ['secretariat'] },
    'petitions.manage': { label: 'Phân loại, tổng hợp, chuyển, đôn đốc kiến nghị; danh mục lĩnh vực, quy tắc, thời hạn', roles: ['secretariat'] },
    'petitions.review': {
      label: 'Đánh giá kết quả trả lời kiến nghị',
      roles: ['secretariat', 'standing_member', 'committee_member', 'delegate'],
    },
    'petitions.answer': { label: 'Trả lời kiến nghị được chuyển đến cơ quan', roles: ['agency_responder'] },
    'calendar.manage': { label: 'Sửa bảng ngày nghỉ lễ, ngày làm bù hằng năm', roles: [] },
  },
  routes: petitionRoutes,
  menuGroups: { petitions: 'Kiến nghị cử tri' },
  menu: [
    { key: 'petition-rounds', label: 'Đợt tiếp xúc cử tri', path: '/councils/:councilId/petition-rounds', icon: 'comment', permission: 'petitions.read', scope: 'council', group: 'petitions', order: 30 },
    { key: 'petitions', label: 'Kiến nghị cử tri', path: '/councils/:councilId/petitions', icon: 'petition', permission: 'petitions.read', scope: 'council', group: 'petitions', order: 31 },
    { key: 'petition-reminders', label: 'Đôn đốc trả lời', path: '/councils/:councilId/reminders', icon: 'bell', permission: 'petitions.manage', scope: 'council', group: 'petitions', order: 32 },
    { key: 'petition-settings', label: 'Lĩnh vực, quy tắc chuyển, thời hạn', path: '/councils/:councilId/petition-settings', icon: 'setting', permission: 'petitions.manage', scope: 'council', group: 'petitions', order: 33 },
    { key: 'agency-inbox', label: 'Kiến nghị cần trả lời', path: '/agencies/:agencyId/petitions', icon: 'inbox', permission: 'petitions.answer', scope: 'agency', group: 'petitions', order: 34 },
    { key: 'calendar', label: 'Ngày nghỉ lễ, làm bù', path: '/calendar', icon: 'calendar', permission: 'calendar.manage', scope: 'global', group: 'system', order: 85 },
  ],
  notificationKinds: {
    'petition.forwarded': { label: 'Kiến nghị được chuyển đến cơ quan', audience: 'Người trả lời của cơ quan nhận kiến nghị', defaultChannel: 'email' },
    'petition.due': { label: 'Nhắc hạn, đôn đốc tự động hằng ngày', audience: 'Người trả lời của cơ quan có kiến nghị sắp đến hạn hoặc quá hạn', defaultChannel: 'email' },
    'petition.reminder': { label: 'Văn phòng ghi nhận đôn đốc trả lời', audience: 'Người trả lời của cơ quan được đôn đốc', defaultChannel: 'email' },
    'petition.answered': { label: 'Cơ quan trả lời kiến nghị', audience: 'Văn phòng của HĐND đã chuyển kiến nghị', defaultChannel: 'digest' },
    'petition.returned': { label: 'Kiến nghị bị trả lại (không thuộc thẩm quyền)', audience: 'Văn phòng của HĐND đã chuyển kiến nghị', defaultChannel: 'email' },
    'petition.received_from_lower': { label: 'HĐND cấp dưới chuyển kiến nghị lên', audience: 'Văn phòng của HĐND cấp trên', defaultChannel: 'digest' },
    'petition.overdue_summary': { label: 'Tổng hợp kiến nghị quá hạn hằng ngày', audience: 'Văn phòng HĐND', defaultChannel: 'app' },
  },
  dailyJobs: [
    {
      key: 'petition_reminders',
      run: async (deps) => {
        const r = await runDailyReminders(deps);
        return { ran: r.ran, summary: r.ran ? `${r.entries} kiến nghị của ${r.agencies} cơ quan; ${r.emailsSent} thư đã gửi` : undefined };
      },
    },
  ],
  todo: petitionTodo,
  seedDemo: seedPetitions,
};
