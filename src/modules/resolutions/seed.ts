// Demo data: the resolutions of Phường Sa Huỳnh's two sessions held in 2026 (a normative
// resolution on support to residential groups, amended at the mid-year session; the session plan
// resolution recorded with the number it already had; the mid-year socio-economic resolution with
// tasks to the ward's People's Committee: one overdue, one on schedule with quarterly reports, one
// reported done) and one province resolution with a task to the Department of Construction. They
// were numbered before the system (typed numbers, recorded in the council's register), so the demo
// registers of issued documents stay as the documents module's tests know them; the resolution
// documents, minutes and conclusion notice are issued from the pages.
import { and, asc, count, eq } from 'drizzle-orm';
import type { SeedContext } from '../../server/module.ts';
import { addDays, todayInVietnam } from '../../domain/calendar/index.ts';
import type { Actor } from '../audit/service.ts';
import { delegates } from '../directory/schema.ts';
import { councilSessions } from '../sessions/schema.ts';
import type { ActionCtx } from './common.ts';
import { addLink, certifyResolution, createResolution, createTask, decideTask, fileTaskReport, recordPublication } from './actions.ts';

const SUPPORT_CONTENT = `Phạm vi điều chỉnh và đối tượng áp dụng
Nghị quyết này quy định mức chi hỗ trợ hoạt động của Tổ dân phố trên địa bàn phường Sa Huỳnh.

Mức hỗ trợ
1. Hỗ trợ kinh phí hoạt động của mỗi Tổ dân phố: 3.000.000 đồng/năm.
2. Hỗ trợ Tổ trưởng Tổ dân phố: 1.000.000 đồng/tháng.

Nguồn kinh phí
Kinh phí thực hiện từ ngân sách phường được giao hằng năm.`;

const AMEND_CONTENT = `Sửa đổi khoản 2 Điều 2
"2. Hỗ trợ Tổ trưởng Tổ dân phố: 1.200.000 đồng/tháng."`;

const SOCIO_CONTENT = `Mục tiêu
Phấn đấu hoàn thành các chỉ tiêu kinh tế – xã hội năm 2026 của phường Sa Huỳnh.

Nhiệm vụ, giải pháp chủ yếu
1. Hoàn thành chỉnh trang tuyến đường ven biển Sa Huỳnh.
2. Đẩy nhanh giải phóng mặt bằng khu dân cư Thạnh Đức.
3. Tăng cường quản lý đất công, xử lý dứt điểm các trường hợp lấn chiếm.`;

export async function seedResolutions(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const today = todayInVietnam(ctx.today);
  const actor = (username: string, name: string): Actor => ({ id: ids.get(`user:${username}`) ?? null, name });
  const on = (a: Actor, day: string): ActionCtx => ({ db, actor: a, now: new Date(`${[day, today].sort()[0]}T03:00:00Z`) });
  const vp = actor('vp.sahuynh', 'Lê Thị Mỹ');
  const chair = actor('tt.sahuynh', 'Huỳnh Văn Đạt');
  const ubnd = actor('ubnd.sahuynh', 'Đỗ Văn Tâm');

  const held = async (councilId: string) => db.select().from(councilSessions).where(and(eq(councilSessions.councilId, councilId), eq(councilSessions.state, 'closed'))).orderBy(asc(councilSessions.openingDate));
  const seats = async (councilId: string) => (await db.select({ n: count() }).from(delegates).where(eq(delegates.councilId, councilId)))[0]!.n;

  const sh = ids.get('council:sa-huynh');
  if (sh) {
    const [first, mid] = await held(sh);
    if (!first || !mid) return;
    const total = Math.max(await seats(sh), 15);
    const votes = (f: number, a: number) => ({ for: f, against: a, abstain: total - f - a - 1, total });
    const passed1 = first.closingDate ?? first.openingDate;
    const passed2 = mid.closingDate ?? mid.openingDate;

    const support = await createResolution(on(vp, passed1), sh, {
      title: 'Nghị quyết quy định mức chi hỗ trợ hoạt động của Tổ dân phố trên địa bàn phường Sa Huỳnh', normative: true, content: SUPPORT_CONTENT,
      passedOn: passed1, sessionId: first.id, announced: votes(total - 1, 0),
    });
    await certifyResolution(on(chair, addDays(passed1, 1)), sh, support.id, { typedSymbol: '01/2026/NQ-HĐND', signerName: chair.name });
    await recordPublication(on(vp, addDays(passed1, 3)), sh, support.id, { publishedOn: addDays(passed1, 2), publishedWhere: 'Cổng thông tin điện tử phường Sa Huỳnh; niêm yết tại trụ sở UBND phường', gazetteSentOn: addDays(passed1, 3) });

    const plan = await createResolution(on(vp, passed1), sh, {
      title: 'Nghị quyết về Kế hoạch tổ chức các kỳ họp thường lệ năm ' + passed1.slice(0, 4), normative: false, passedOn: passed1, sessionId: first.id, announced: votes(total - 1, 0),
    });
    await certifyResolution(on(chair, addDays(passed1, 1)), sh, plan.id, { typedSymbol: '12/NQ-HĐND', signerName: chair.name });
    await recordPublication(on(vp, addDays(passed1, 2)), sh, plan.id, { publishedOn: addDays(passed1, 2), publishedWhere: 'Cổng thông tin điện tử phường Sa Huỳnh' });

    const amend = await createResolution(on(vp, passed2), sh, {
      title: 'Nghị quyết sửa đổi, bổ sung Nghị quyết quy định mức chi hỗ trợ hoạt động của Tổ dân phố trên địa bàn phường Sa Huỳnh', normative: true,
      content: AMEND_CONTENT, passedOn: passed2, sessionId: mid.id, announced: votes(total - 2, 1),
    });
    await addLink(on(vp, passed2), sh, amend.id, { toId: support.id, type: 'amends', provisions: 'khoản 2 Điều 2' });
    await certifyResolution(on(chair, addDays(passed2, 1)), sh, amend.id, { typedSymbol: '13/2026/NQ-HĐND', signerName: chair.name });
    await recordPublication(on(vp, addDays(passed2, 2)), sh, amend.id, { publishedOn: addDays(passed2, 2), publishedWhere: 'Cổng thông tin điện tử phường Sa Huỳnh', gazetteSentOn: addDays(passed2, 2) });

    const socio = await createResolution(on(vp, passed2), sh, {
      title: 'Nghị quyết về nhiệm vụ, giải pháp phát triển kinh tế – xã hội 6 tháng cuối năm ' + passed2.slice(0, 4), normative: false,
      content: SOCIO_CONTENT, passedOn: passed2, sessionId: mid.id, announced: votes(total - 1, 0),
    });
    const ubndId = ids.get('agency:ubnd-sa-huynh')!;
    const year = passed2.slice(0, 4);
    const t1 = await createTask(on(vp, passed2), sh, socio.id, { agencyId: ubndId, title: 'Hoàn thành chỉnh trang tuyến đường ven biển Sa Huỳnh', provision: 'Điều 2 khoản 1', assignedOn: passed2, due: `${year}-10-31`, reportEveryMonths: 2 });
    const t2 = await createTask(on(vp, passed2), sh, socio.id, { agencyId: ubndId, title: 'Đẩy nhanh giải phóng mặt bằng khu dân cư Thạnh Đức', provision: 'Điều 2 khoản 2', assignedOn: passed2, due: `${year}-12-31`, reportEveryMonths: 3 });
    const t3 = await createTask(on(vp, passed2), sh, socio.id, { agencyId: ubndId, title: 'Xử lý dứt điểm các trường hợp lấn chiếm đất công', provision: 'Điều 2 khoản 3', assignedOn: passed2, due: `${year}-11-15`, reportEveryMonths: 0 });
    await fileTaskReport(on(ubnd, addDays(passed2, 60)), { agencyId: ubndId }, t1.id, { kind: 'progress', content: 'Đã hoàn thành 60% khối lượng; đang thi công đoạn qua khu phố Thạnh Đức.' });
    await fileTaskReport(on(ubnd, addDays(passed2, 80)), { agencyId: ubndId }, t2.id, { kind: 'progress', content: 'Đã kiểm đếm 42/57 hộ; phương án bồi thường đang thẩm định.' });
    await fileTaskReport(on(ubnd, addDays(passed2, 100)), { agencyId: ubndId }, t3.id, { kind: 'completed', content: 'Đã lập biên bản, xử lý 07 trường hợp lấn chiếm; thu hồi 1.250 m² đất công.' });
    await certifyResolution(on(chair, addDays(passed2, 1)), sh, socio.id, { typedSymbol: '14/NQ-HĐND', signerName: chair.name });
    await recordPublication(on(vp, addDays(passed2, 2)), sh, socio.id, { publishedOn: addDays(passed2, 2), publishedWhere: 'Cổng thông tin điện tử phường Sa Huỳnh' });
    if (addDays(passed2, 105) <= today) await decideTask(on(chair, addDays(passed2, 105)), sh, t3.id, { action: 'confirm' });

  }

  const pv = ids.get('council:province');
  const soXd = ids.get('agency:so-xay-dung');
  if (pv && soXd) {
    const [, mid] = await held(pv);
    if (!mid) return;
    const vpTinh = actor('vp.tinh', 'Nguyễn Thị Hồng');
    const passed = mid.closingDate ?? mid.openingDate;
    const total = Math.max(await seats(pv), 50);
    const r = await createResolution(on(vpTinh, passed), pv, {
      title: 'Nghị quyết về việc điều chỉnh kế hoạch đầu tư công năm ' + passed.slice(0, 4), normative: false, passedOn: passed, sessionId: mid.id,
      announced: { for: total - 3, against: 1, abstain: 2, total },
    });
    await createTask(on(vpTinh, passed), pv, r.id, { agencyId: soXd, title: 'Hoàn thành thủ tục đầu tư các dự án giao thông được bổ sung vốn', provision: 'Điều 3', assignedOn: passed, due: addDays(today, 20), reportEveryMonths: 3 });
    await certifyResolution(on(vpTinh, addDays(passed, 1)), pv, r.id, { typedSymbol: '45/NQ-HĐND', signerName: 'Trương Minh Quang' });
  }
}
