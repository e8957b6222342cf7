// Demo data of the verification chain: in Phường Sa Huỳnh's session being prepared, the budget
// tờ trình of the ward's People's Committee is assigned to the Ban Kinh tế – Ngân sách, which met
// with the drafter and filed its verification report with points to explain; the response report
// is expected (its due date from the council's lead times). The council's lead times for the two
// reports are its own (illustrative, not verified).
import { and, eq, like } from 'drizzle-orm';
import type { SeedContext } from '../../server/module.ts';
import type { AuthUser } from '../../server/permissions.ts';
import { addDays, todayInVietnam } from '../../domain/calendar/index.ts';
import type { LeadTimeRule } from '../../domain/sessions/index.ts';
import type { Actor } from '../audit/service.ts';
import { ruleSetOf, sessionOf, type ActionCtx } from './common.ts';
import { councilSessions, sessionItems } from './schema.ts';
import { saveProfile } from './actions/profile.ts';
import { addExpectedDocument } from './actions/items.ts';
import { assignCommittee, fileVerificationReport, recordVerificationMeeting } from './actions/verification.ts';

const lead = (value: number): LeadTimeRule => ({ value, unit: 'days', anchor: 'session_opening', direction: 'before', verified: false, source: 'Quy chế hoạt động của HĐND (dữ liệu mẫu)' });

export const DEMO_VERIFICATION_POINTS = [
  { key: 'y1', reference: 'Nội dung chung', conclusion: 'agree' as const, content: 'Việc ban hành nghị quyết là cần thiết, đúng thẩm quyền; hồ sơ gửi đúng thành phần.' },
  { key: 'y2', reference: 'Điều 1 khoản 2', conclusion: 'agreeWithChanges' as const, content: 'Đề nghị rà soát lại dự toán thu tiền sử dụng đất cho sát với kế hoạch đấu giá năm 2027.' },
  { key: 'y3', reference: 'Điều 2', conclusion: 'pointsToExplain' as const, content: 'Đề nghị giải trình cơ sở xác định chi đầu tư phát triển tăng 18% so với năm 2026 trong khi thu ngân sách chỉ tăng 6%.' },
  { key: 'y4', reference: 'Phụ lục II', conclusion: 'pointsToExplain' as const, content: 'Đề nghị làm rõ nguồn kinh phí chi trả chế độ cho lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở.' },
];

export async function seedVerification(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const councilId = ids.get('council:sa-huynh');
  const committee = ids.get('body:sa-huynh:committee:0');
  if (!councilId || !committee) return;
  const [item] = await db.select({ item: sessionItems }).from(sessionItems)
    .innerJoin(councilSessions, eq(councilSessions.id, sessionItems.sessionId))
    .where(and(eq(sessionItems.councilId, councilId), eq(councilSessions.state, 'planned'), like(sessionItems.title, 'Tờ trình về dự toán%')));
  if (!item) return; // the session being prepared needs the holiday table of its year (seed.ts)
  const today = todayInVietnam(ctx.today);
  const on = (a: Actor, day: string): ActionCtx => ({ db, actor: a, now: new Date(`${day}T03:00:00Z`) });
  const vp: Actor = { id: ids.get('user:vp.sahuynh') ?? null, name: 'Lê Thị Mỹ' };
  const tt: Actor = { id: ids.get('user:tt.sahuynh') ?? null, name: 'Huỳnh Văn Đạt' };
  const ban: Actor = { id: ids.get('user:ban.sahuynh') ?? null, name: 'Võ Thị Kim' };
  const banUser = { id: ban.id, grants: [{ role: 'committee_member', councilId, bodyId: committee, agencyId: null }] } as unknown as AuthUser;

  // The council's lead times for the verification and response reports.
  const session = await sessionOf(db, councilId, item.item.sessionId);
  const set = await ruleSetOf(db, councilId, session.ruleSetKey);
  await saveProfile(on(vp, today), councilId, {
    ruleSetKey: set.key,
    profile: { ...set.profile, leadTimes: { ...set.profile.leadTimes, verificationReport: lead(5), responseReport: lead(3) } },
  });
  await addExpectedDocument(on(vp, addDays(today, -10)), councilId, item.item.id, { kind: 'responseReport' });
  await assignCommittee(on(tt, addDays(today, -10)), councilId, item.item.id, { committeeBodyId: committee, submissionNumber: '125/TTr-UBND' });
  await recordVerificationMeeting(on(ban, addDays(today, -2)), banUser, councilId, item.item.id, {
    meetingOn: addDays(today, -2), attendees: 'Trưởng Ban, Phó Trưởng Ban và các thành viên Ban Kinh tế – Ngân sách; đại diện Văn phòng HĐND và UBND phường',
    drafterPresent: true, drafterAttendees: 'Phó Chủ tịch UBND phường; Trưởng phòng Kinh tế, Hạ tầng và Đô thị',
  });
  await fileVerificationReport(on(ban, addDays(today, -1)), banUser, councilId, item.item.id, {
    number: '12/BC-BKTNS', issuedOn: addDays(today, -1), conclusion: 'pointsToExplain',
    summary: 'Ban thống nhất với nội dung tờ trình; đề nghị UBND phường giải trình, làm rõ hai nội dung trước khi trình kỳ họp.',
    points: DEMO_VERIFICATION_POINTS,
  });
}
