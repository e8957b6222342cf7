// Demo data: the Ban Kinh tế – Ngân sách of HĐND phường Sa Huỳnh reports on the demo activity of
// the programs part (public investment in the ward's works, fieldwork 12–20/03/2026), issued on
// the first working day from 06/04/2026, with recommendations at several stages: one verified as
// implemented, one overdue (reminded), one not accepted, one partly accepted and in progress with
// evidence, one awaiting its answer. Every step goes through the module's actions, dated.
import { and, eq } from 'drizzle-orm';
import type { SeedContext } from '../../server/module.ts';
import { documentIssuers } from '../documents/schema.ts';
import type { AuthUser } from '../../server/permissions.ts';
import { addDays, createWorkingCalendar } from '../../domain/calendar/index.ts';
import type { Actor } from '../audit/service.ts';
import { loadOverrides, type ActionCtx } from '../petitions/common.ts';
import { demoPdf } from '../sessions/seed.ts';
import { actOnRecommendation, createReport, issueReport } from './recommendations.ts';
import { escalate } from './escalation.ts';

const SYSTEM_USER = { id: '', username: 'seed', fullName: 'Hệ thống', grants: [{ role: 'admin', councilId: null, bodyId: null, agencyId: null }] } as unknown as AuthUser;


export async function seedRecommendations(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const councilId = ids.get('council:sa-huynh');
  const bodyId = ids.get('body:sa-huynh:committee:0');
  const ubnd = ids.get('agency:ubnd-sa-huynh');
  const sxd = ids.get('agency:so-xay-dung');
  const dl = ids.get('agency:dien-luc');
  if (!councilId || !bodyId || !ubnd || !sxd || !dl) return;
  const calendar = createWorkingCalendar(await loadOverrides(db));
  const actor = (username: string, name: string): Actor => ({ id: ids.get(`user:${username}`) ?? null, name });
  const on = (a: Actor, day: string): ActionCtx => ({ db, actor: a, now: new Date(`${day}T03:00:00Z`) });
  const ban = actor('ban.sahuynh', 'Võ Thị Kim');
  const tt = actor('tt.sahuynh', 'Huỳnh Văn Đạt');
  const ward = actor('ubnd.sahuynh', 'Đỗ Văn Tâm');
  const dept = actor('so.xaydung', 'Ngô Thị Thảo');
  // after the activity's fieldwork (ends 20/03/2026), on a working day
  let issued = '2026-04-06';
  while (!calendar.isWorkingDay(issued)) issued = addDays(issued, 1);
  const wd = (n: number) => calendar.addWorkingDays(issued, n);

  const report = await createReport(on(ban, addDays(issued, -5)), SYSTEM_USER, councilId, {
    activityId: ids.get('oversight:activity:sa-huynh-ktns') ?? null,
    bodyId,
    title: 'Báo cáo kết quả giám sát việc quản lý, sử dụng vốn đầu tư công xây dựng các công trình trên địa bàn phường Sa Huỳnh',
    scope: 'Các công trình khởi công hoặc hoàn thành năm 2025 bằng vốn ngân sách phường.\nPhương pháp: nghe báo cáo của Ủy ban nhân dân phường, làm việc ngày 12/03/2026, khảo sát thực tế 03 công trình.',
    results: 'Phường đã giải ngân 92% kế hoạch vốn năm 2025; 06/08 công trình hoàn thành đưa vào sử dụng đúng tiến độ.',
    shortcomings: 'Chậm quyết toán 04 công trình đã hoàn thành; mặt đường bê tông tuyến Thạnh Đức – Long Thạnh nứt sau 06 tháng sử dụng; dự toán một số công trình lập theo định mức cũ.',
    recommendations: [
      { agencyId: ubnd, content: 'Hoàn thành hồ sơ quyết toán 04 công trình đường giao thông đã hoàn thành năm 2025.', workingDays: 40 },
      { agencyId: ubnd, content: 'Yêu cầu nhà thầu bảo hành, khắc phục các vết nứt mặt đường bê tông tuyến Thạnh Đức – Long Thạnh.', workingDays: 30 },
      { agencyId: sxd, content: 'Kiểm tra chất lượng công trình Trường Tiểu học Sa Huỳnh số 2 theo chức năng quản lý nhà nước về chất lượng công trình xây dựng.', workingDays: 45 },
      { agencyId: sxd, content: 'Hướng dẫn Ban quản lý dự án phường lập, thẩm định dự toán theo định mức xây dựng mới.', workingDays: 200 },
      { agencyId: dl, content: 'Di dời 04 trụ điện trung thế nằm trong phạm vi mở rộng đường Nguyễn Văn Linh đoạn qua phường.', workingDays: 210 },
    ],
  });
  const r1 = await issueReport(on(ban, issued), SYSTEM_USER, councilId, report.id, { version: report.version, signerName: 'Võ Thị Kim', signerTitle: 'Trưởng ban' });
  // the fifth (Điện lực, due early 2027) stays awaiting its answer
  const [rec1, rec2, rec3, rec4] = r1.recommendations.map((r) => r.id) as [string, string, string, string];

  // 1. implemented and verified
  await actOnRecommendation(on(ward, wd(3)), null, { agencyId: ubnd }, rec1, { action: 'accept' });
  await actOnRecommendation(on(ward, wd(20)), null, { agencyId: ubnd }, rec1, { action: 'report_progress', text: 'Đã lập hồ sơ quyết toán 02/04 công trình, gửi Phòng Tài chính thẩm tra.' }, [
    { name: 'ho-so-quyet-toan-dot-1.pdf', type: 'application/pdf', data: demoPdf('Ho so quyet toan dot 1') },
  ]);
  await actOnRecommendation(on(ward, wd(38)), null, { agencyId: ubnd }, rec1, { action: 'report_done', text: 'Đã phê duyệt quyết toán 04/04 công trình (kèm các quyết định phê duyệt).' }, [
    { name: 'quyet-dinh-phe-duyet-quyet-toan.pdf', type: 'application/pdf', data: demoPdf('Quyet dinh phe duyet quyet toan') },
  ]);
  await actOnRecommendation(on(ban, wd(45)), SYSTEM_USER, { councilId }, rec1, { action: 'assess_done', text: 'Ban đã đối chiếu 04 quyết định phê duyệt quyết toán: kiến nghị được thực hiện đầy đủ.' });

  // 2. accepted, then overdue, reminded
  await actOnRecommendation(on(ward, wd(4)), null, { agencyId: ubnd }, rec2, { action: 'accept' });
  await actOnRecommendation(on(ward, wd(15)), null, { agencyId: ubnd }, rec2, { action: 'report_progress', text: 'Đã có văn bản yêu cầu nhà thầu bảo hành; nhà thầu hẹn khắc phục sau mùa mưa.' });
  // the Ban urges from its own register (the Thường trực's stays as the other demos number it)
  const [banIssuer] = await db.select({ id: documentIssuers.id }).from(documentIssuers).where(and(eq(documentIssuers.councilId, councilId), eq(documentIssuers.bodyId, bodyId)));
  // signed by the Ban's chair from the directory ("TM. BAN … / TRƯỞNG BAN")
  await escalate(on(ban, wd(32)), SYSTEM_USER, councilId, rec2, { kind: 'reminder', issuerId: banIssuer?.id, signerId: ids.get('delegate:sa-huynh:2'), signerName: 'Võ Thị Kim' });

  // 3. not accepted
  await actOnRecommendation(on(dept, wd(6)), null, { agencyId: sxd }, rec3, {
    action: 'reject', reason: 'Công trình cấp IV do Ủy ban nhân dân phường làm chủ đầu tư và tự tổ chức nghiệm thu theo phân cấp; Sở chỉ kiểm tra khi có dấu hiệu mất an toàn.',
  });

  // 4. partly accepted, in progress with evidence
  await actOnRecommendation(on(dept, wd(5)), null, { agencyId: sxd }, rec4, { action: 'accept_partly', reason: 'Sở tổ chức tập huấn định mức mới; việc thẩm định dự toán công trình cấp phường do Phòng Kinh tế phường thực hiện.' });
  await actOnRecommendation(on(dept, wd(25)), null, { agencyId: sxd }, rec4, { action: 'report_progress', text: 'Đã tổ chức 01 lớp tập huấn định mức xây dựng mới cho cán bộ các phường, xã phía Nam tỉnh.' }, [
    { name: 'danh-sach-tap-huan.pdf', type: 'application/pdf', data: demoPdf('Danh sach tap huan') },
  ]);

  // A report signed outside the system (the Ban Văn hóa – Xã hội's survey): its scan and typed number, in its register.
  const vhxh = ids.get('body:sa-huynh:committee:1') ?? null;
  const survey = await createReport(on(tt, addDays(issued, 20)), SYSTEM_USER, councilId, {
    bodyId: vhxh,
    title: 'Báo cáo kết quả khảo sát việc thu gom, xử lý rác thải sinh hoạt tại các tổ dân phố',
    results: 'Tỷ lệ thu gom rác thải đạt 86%; 03 tổ dân phố ven biển chưa có điểm tập kết.',
    recommendations: [{ agencyId: ubnd, content: 'Bố trí điểm tập kết rác thải tại 03 tổ dân phố ven biển.', workingDays: 60 }],
  });
  let surveyDay = addDays(issued, 21);
  while (!calendar.isWorkingDay(surveyDay)) surveyDay = addDays(surveyDay, 1);
  await issueReport(on(tt, surveyDay), SYSTEM_USER, councilId, survey.id, { version: survey.version }, {
    file: { name: 'bao-cao-khao-sat-rac-thai.pdf', type: 'application/pdf', data: demoPdf('Bao cao khao sat rac thai') },
    typedNumber: '05/BC-BVHXH',
  });
}
