// The elections module (issue #14): an election as data (units, polling areas, election bodies,
// candidates, the derived calendar), voter lists per polling area (append-only, partitioned by
// province, imported or entered, ballots computed), reconciliation across lists, the official
// forms. Election day (turnout, tally sheets, winners, results) registers its routes here too.
import type { AppModule } from '../../server/module.ts';
import { electionCoreRoutes } from './routes.ts';
import { voterRoutes } from './voterRoutes.ts';
import { seedElections } from './seed.ts';
import { electionDayMenu, electionDayPermissions, electionDayRoutes } from './turnoutRoutes.ts';
import { seedElectionDay } from './resultsSeed.ts';
import { electionSetupRoutes } from './setupRoutes.ts';

/**
 * Who may do what (scopes): the council of the path is the level. A province council's committee
 * (secretariat) manages the province and NA units and sees every commune of the province; a
 * commune's secretariat (for the UBND xã and the commune's Ủy ban) manages its polling areas and
 * voter lists. A Ban or Tổ member (role election_member, granted on the commune's or province's
 * council, linked to the body by election_body_members.user_id) reads the election and enters only
 * for the Tổ's area / sees only the Ban's unit (electionScopeOf in access.ts).
 */
export const ELECTION_PERMISSIONS: Record<string, { label: string; roles: string[] }> = {
  'elections.read': { label: 'Xem cuộc bầu cử: đơn vị bầu cử, khu vực bỏ phiếu, tổ chức phụ trách bầu cử, người ứng cử, lịch bầu cử', roles: ['secretariat', 'standing_member', 'front_staff', 'election_member'] },
  'elections.manage': { label: 'Tổ chức bầu cử (Ủy ban bầu cử): cuộc bầu cử, đơn vị bầu cử, khu vực bỏ phiếu, Ban, Tổ bầu cử, người ứng cử', roles: ['secretariat'] },
  'elections.voters': { label: 'Lập, niêm yết, sửa đổi danh sách cử tri, giải quyết khiếu nại, rà soát trùng lặp (UBND xã)', roles: ['secretariat'] },
  'elections.voters.read': { label: 'Xem danh sách cử tri (dữ liệu cá nhân của cử tri; mọi lần xuất đều được ghi nhật ký)', roles: ['secretariat', 'election_member'] },
  'elections.team': { label: 'Nhập số liệu của Tổ bầu cử (chỉ khu vực bỏ phiếu của Tổ mình)', roles: ['secretariat', 'election_member'] },
};

export const electionsModule: AppModule = {
  name: 'elections',
  permissions: { ...ELECTION_PERMISSIONS, ...electionDayPermissions },
  routes: (r) => {
    electionCoreRoutes(r);
    voterRoutes(r);
    electionDayRoutes(r);
    electionSetupRoutes(r);
  },
  // Election-day figures run after the core's demo election exists (seedElectionDay finds it by its day).
  seedDemo: async (ctx) => {
    await seedElections(ctx);
    await seedElectionDay(ctx);
  },
  menuGroups: { elections: 'Bầu cử' },
  menu: [
    { key: 'elections', label: 'Bầu cử', path: '/councils/:councilId/elections', icon: 'election', permission: 'elections.read', scope: 'council', group: 'elections', order: 60 },
    ...electionDayMenu,
  ],
};
