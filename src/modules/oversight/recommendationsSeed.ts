// Demo data: the Ban Kinh tế – Ngân sách of HĐND phường Sa Huỳnh reports on its thematic
// supervision of public land management, with recommendations at several stages: one verified as
// implemented, one overdue (reminded), one not accepted, one partly accepted and in progress with
// evidence, one just sent. Every step goes through the module's actions, dated in the past.
import type { SeedContext } from '../../server/module.ts';
import type { AuthUser } from '../../server/permissions.ts';
import { addDays, createWorkingCalendar, todayInVietnam } from '../../domain/calendar/index.ts';
import type { Actor } from '../audit/service.ts';
import { loadOverrides, type ActionCtx } from '../petitions/common.ts';
import { demoPdf } from '../sessions/seed.ts';
import { actOnRecommendation, createReport, issueReport } from './recommendations.ts';
import { escalate } from './escalation.ts';

const SYSTEM_USER = { id: '', username: 'seed', fullName: 'Hệ thống', grants: [{ role: 'admin', councilId: null, bodyId: null, agencyId: null }] } as unknown as AuthUser;

/** Finds the demo activity of the programs part, when it exists (by its title). */
async function demoActivityId(ctx: SeedContext): Promise<string | null> {
  return ctx.ids.get('oversight-activity:sa-huynh:land') ?? null;
}

export async function seedRecommendations(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const councilId = ids.get('council:sa-huynh');
  const bodyId = ids.get('body:sa-huynh:committee:0');
  const ubnd = ids.get('agency:ubnd-sa-huynh');
  const sxd = ids.get('agency:so-xay-dung');
  const dl = ids.get('agency:dien-luc');
  if (!councilId || !bodyId || !ubnd || !sxd || !dl) return;
  const calendar = createWorkingCalendar(await loadOverrides(db));
  const today = todayInVietnam(ctx.today);
  const actor = (username: string, name: string): Actor => ({ id: ids.get(`user:${username}`) ?? null, name });
  const on = (a: Actor, day: string): ActionCtx => ({ db, actor: a, now: new Date(`${day}T03:00:00Z`) });
  const ban = actor('ban.sahuynh', 'Võ Thị Kim');
  const tt = actor('tt.sahuynh', 'Huỳnh Văn Đạt');
  const ward = actor('ubnd.sahuynh', 'Đỗ Văn Tâm');
  const dept = actor('so.xaydung', 'Ngô Thị Thảo');
  // issued about four months ago, on a working day
  let issued = addDays(today, -120);
  while (!calendar.isWorkingDay(issued)) issued = addDays(issued, 1);
  const wd = (n: number) => calendar.addWorkingDays(issued, n);

  const report = await createReport(on(ban, addDays(issued, -5)), SYSTEM_USER, councilId, {
    activityId: await demoActivityId(ctx),
    bodyId,
    title: 'Báo cáo kết quả giám sát chuyên đề việc quản lý, sử dụng đất công trên địa bàn phường Sa Huỳnh',
    scope: 'Giám sát việc quản lý, sử dụng đất công do Nhà nước trực tiếp quản lý giai đoạn 2021–2025 tại Ủy ban nhân dân phường và các tổ dân phố.\nPhương pháp: nghiên cứu báo cáo, làm việc trực tiếp, khảo sát thực địa 06 khu đất.',
    results: 'Ủy ban nhân dân phường đã lập hồ sơ quản lý 42/51 khu đất công; thu hồi 03 khu đất bị lấn chiếm; đưa 05 khu đất vào đấu giá quyền sử dụng đất.',
    shortcomings: 'Còn 09 khu đất công chưa có hồ sơ địa chính; 02 khu đất cho thuê không có hợp đồng; việc kiểm tra, xử lý lấn chiếm chưa thường xuyên.',
    recommendations: [
      { agencyId: ubnd, content: 'Hoàn thành lập hồ sơ địa chính cho 09 khu đất công chưa có hồ sơ và công khai danh mục đất công tại trụ sở phường.', workingDays: 40 },
      { agencyId: ubnd, content: 'Chấm dứt việc cho thuê 02 khu đất không có hợp đồng; thu hồi hoặc ký hợp đồng theo quy định, thu nộp ngân sách tiền thuê còn nợ.', workingDays: 30 },
      { agencyId: sxd, content: 'Hướng dẫn phường Sa Huỳnh điều chỉnh quy hoạch chi tiết khu dân cư Thạnh Đức để bố trí đất công làm nhà văn hóa tổ dân phố.', workingDays: 45 },
      { agencyId: sxd, content: 'Kiểm tra, xử lý các công trình xây dựng trái phép trên đất công dọc tuyến Quốc lộ 1 đoạn qua phường Sa Huỳnh.', workingDays: 120 },
      { agencyId: dl, content: 'Di dời 04 trụ điện trung thế nằm trên đất công dự kiến xây dựng trường mầm non Sa Huỳnh.', workingDays: 140 },
    ],
  });
  const r1 = await issueReport(on(ban, issued), SYSTEM_USER, councilId, report.id, { version: report.version, signerName: 'Võ Thị Kim', signerTitle: 'Trưởng ban' });
  // the fifth (Điện lực, due in about two months) stays awaiting its answer
  const [rec1, rec2, rec3, rec4] = r1.recommendations.map((r) => r.id) as [string, string, string, string];

  // 1. implemented and verified
  await actOnRecommendation(on(ward, wd(3)), null, { agencyId: ubnd }, rec1, { action: 'accept' });
  await actOnRecommendation(on(ward, wd(20)), null, { agencyId: ubnd }, rec1, { action: 'report_progress', text: 'Đã đo đạc, lập hồ sơ 05/09 khu đất; 04 khu còn lại đang chờ Văn phòng đăng ký đất đai thẩm định.' }, [
    { name: 'bien-ban-do-dac.pdf', type: 'application/pdf', data: demoPdf('Bien ban do dac') },
  ]);
  await actOnRecommendation(on(ward, wd(38)), null, { agencyId: ubnd }, rec1, { action: 'report_done', text: 'Đã hoàn thành hồ sơ địa chính 09/09 khu đất; danh mục đất công được niêm yết tại trụ sở phường từ ngày làm việc thứ 37.' }, [
    { name: 'danh-muc-dat-cong.pdf', type: 'application/pdf', data: demoPdf('Danh muc dat cong') },
  ]);
  await actOnRecommendation(on(ban, wd(45)), SYSTEM_USER, { councilId }, rec1, { action: 'assess_done', text: 'Ban đã kiểm tra hồ sơ và niêm yết tại trụ sở: kiến nghị được thực hiện đầy đủ.' });

  // 2. accepted, then overdue, reminded
  await actOnRecommendation(on(ward, wd(4)), null, { agencyId: ubnd }, rec2, { action: 'accept' });
  await actOnRecommendation(on(ward, wd(15)), null, { agencyId: ubnd }, rec2, { action: 'report_progress', text: 'Đã làm việc với 02 hộ thuê đất; 01 hộ đồng ý ký hợp đồng, 01 hộ chưa hợp tác.' });
  await escalate(on(tt, wd(32)), SYSTEM_USER, councilId, rec2, { kind: 'reminder', signerName: 'Lê Thị Mỹ', signerTitle: 'Chánh Văn phòng' });

  // 3. not accepted
  await actOnRecommendation(on(dept, wd(6)), null, { agencyId: sxd }, rec3, {
    action: 'reject', reason: 'Quy hoạch chi tiết khu dân cư Thạnh Đức do Ủy ban nhân dân phường phê duyệt theo phân cấp; Sở chỉ hướng dẫn chuyên môn khi được đề nghị.',
  });

  // 4. partly accepted, in progress with evidence
  await actOnRecommendation(on(dept, wd(5)), null, { agencyId: sxd }, rec4, { action: 'accept_partly', reason: 'Sở kiểm tra các công trình; việc cưỡng chế thuộc thẩm quyền Ủy ban nhân dân phường.' });
  await actOnRecommendation(on(dept, wd(25)), null, { agencyId: sxd }, rec4, { action: 'report_progress', text: 'Đã kiểm tra 12 công trình, lập biên bản 07 công trình vi phạm và chuyển Ủy ban nhân dân phường xử lý.' }, [
    { name: 'bien-ban-kiem-tra.pdf', type: 'application/pdf', data: demoPdf('Bien ban kiem tra') },
  ]);

  // A report signed outside the system: its scan and typed number, recorded in the register.
  const standing = ids.get('body:sa-huynh:standing') ?? null;
  const survey = await createReport(on(tt, addDays(issued, 20)), SYSTEM_USER, councilId, {
    bodyId: standing,
    title: 'Báo cáo kết quả khảo sát việc thu gom, xử lý rác thải sinh hoạt tại các tổ dân phố',
    results: 'Tỷ lệ thu gom rác thải đạt 86%; 03 tổ dân phố ven biển chưa có điểm tập kết.',
    recommendations: [{ agencyId: ubnd, content: 'Bố trí điểm tập kết rác thải tại 03 tổ dân phố ven biển.', workingDays: 60 }],
  });
  let surveyDay = addDays(issued, 21);
  while (!calendar.isWorkingDay(surveyDay)) surveyDay = addDays(surveyDay, 1);
  await issueReport(on(tt, surveyDay), SYSTEM_USER, councilId, survey.id, { version: survey.version }, {
    file: { name: 'bao-cao-khao-sat-rac-thai.pdf', type: 'application/pdf', data: demoPdf('Bao cao khao sat rac thai') },
    typedNumber: '45/BC-HĐND',
  });
}
