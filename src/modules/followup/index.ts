// The follow-up engine (src/domain/followup), persisted: one table of everything agencies owe,
// written by each source module in its own actions (service.ts), one inbox, one daily reminder.
import type { AppModule } from '../../server/module.ts';
import { followupRoutes } from './routes.ts';
import { FOLLOWUP_REMINDER_JOB, FOLLOWUP_REMINDER_KIND, runFollowupReminders } from './reminders.ts';
import { followupTodo } from './todo.ts';

export const followupModule: AppModule = {
  name: 'followup',
  permissions: {
    'followup.agency': { label: 'Xem mọi việc cơ quan phải thực hiện theo yêu cầu của HĐND', roles: ['agency_responder'] },
    'followup.read': { label: 'Theo dõi việc các cơ quan phải thực hiện (kiến nghị, kiến nghị giám sát, cam kết, nghị quyết, đơn thư)', roles: ['secretariat', 'standing_member', 'committee_member'] },
  },
  routes: followupRoutes,
  notificationKinds: {
    [FOLLOWUP_REMINDER_KIND]: { label: 'Nhắc hạn, đôn đốc việc cơ quan phải thực hiện (kiến nghị giám sát, cam kết, nhiệm vụ, đơn thư)', audience: 'Cán bộ cơ quan', defaultChannel: 'email' },
  },
  dailyJobs: [
    {
      key: FOLLOWUP_REMINDER_JOB,
      hour: () => 7,
      run: async (deps) => {
        const r = await runFollowupReminders(deps);
        return { ran: r.ran, summary: r.ran ? `${r.reminders} lời nhắc cho ${r.agencies} cơ quan, ${r.emailsSent} thư` : undefined };
      },
    },
  ],
  todo: followupTodo,
  menu: [
    { key: 'agency-obligations', label: 'Việc cần thực hiện', path: '/agencies/:agencyId/obligations', icon: 'todo', permission: 'followup.agency', scope: 'agency', order: 5 },
    { key: 'council-obligations', label: 'Theo dõi việc của cơ quan', path: '/councils/:councilId/obligations', icon: 'watch', permission: 'followup.read', scope: 'council', order: 90 },
  ],
};
