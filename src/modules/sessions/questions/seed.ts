// Demo data of interpellation, on Phường Sa Huỳnh: at the mid-year session (held) three delegates
// asked about public land and site clearance; the standing committee grouped the slips into one
// topic answered in the sitting by the ward chair, who made two commitments (one due before the
// session being prepared, already reported in progress by the ward's people's committee; one due
// next year). For the session being prepared, daibieu.sahuynh has filed a slip re-questioning the
// commitment that falls due, and one citing a voters' petition.
import { and, desc, eq, ne } from 'drizzle-orm';
import type { SeedContext } from '../../../server/module.ts';
import { addDays, todayInVietnam } from '../../../domain/calendar/index.ts';
import { fold } from '../../../domain/text/normalize.ts';
import type { Actor } from '../../audit/service.ts';
import type { ActionCtx } from '../common.ts';
import { petitions } from '../../petitions/schema.ts';
import { councilSessions } from '../schema.ts';
import { fileSlip, recordAnswer, reportCommitment } from './actions.ts';
import { questionSlips, questionTopics } from './schema.ts';

const WARD_CHAIR = { name: 'Trần Văn Lâm', post: 'Chủ tịch Ủy ban nhân dân phường' };

export async function seedQuestions(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const councilId = ids.get('council:sa-huynh');
  const agencyId = ids.get('agency:ubnd-sa-huynh');
  if (!councilId || !agencyId) return;
  const today = todayInVietnam(ctx.today);
  const [held] = await db.select().from(councilSessions).where(and(eq(councilSessions.councilId, councilId), eq(councilSessions.state, 'closed'))).orderBy(desc(councilSessions.openingDate)).limit(1);
  const [next] = await db.select().from(councilSessions).where(and(eq(councilSessions.councilId, councilId), ne(councilSessions.state, 'closed'))).orderBy(councilSessions.openingDate).limit(1);
  if (!held || !next) return;
  const actor = (username: string, name: string): Actor => ({ id: ids.get(`user:${username}`) ?? null, name });
  const on = (a: Actor, day: string, hour = 3): ActionCtx => ({ db, actor: a, now: new Date(`${day}T0${hour}:00:00Z`) });
  const d = (i: number) => ids.get(`delegate:sa-huynh:${i}`)!;

  // The held session: slips filed before it (historic rows), grouped into one topic.
  const filed = new Date(`${addDays(held.openingDate, -5)}T02:00:00Z`);
  const [topic] = await db.insert(questionTopics).values({
    councilId, sessionId: held.id, title: 'Quản lý đất công và tiến độ giải phóng mặt bằng', position: 1,
    answererAgencyId: agencyId, answererName: WARD_CHAIR.name, answererPost: WARD_CHAIR.post, createdAt: filed, updatedAt: filed,
  }).returning();
  const slips = [
    { delegateId: d(0), subject: 'Đất công bị lấn chiếm tại khu dân cư Thạnh Đức', content: 'Đề nghị Chủ tịch UBND phường cho biết kết quả xử lý các trường hợp lấn chiếm đất công tại khu dân cư Thạnh Đức đã được cử tri phản ánh nhiều lần, và trách nhiệm của cán bộ địa chính.' },
    { delegateId: d(1), subject: 'Chậm chi trả bồi thường dự án kè biển', content: 'Vì sao tiền bồi thường, hỗ trợ cho các hộ bị ảnh hưởng bởi dự án kè chống sạt lở bờ biển chưa được chi trả dứt điểm? Khi nào hoàn thành?' },
    { delegateId: d(3), subject: 'Quy hoạch sử dụng quỹ đất công sau sắp xếp', content: 'Đề nghị cho biết phương án sử dụng trụ sở và quỹ đất công dôi dư sau sắp xếp đơn vị hành chính, tránh để hoang phí.' },
  ];
  await db.insert(questionSlips).values(slips.map((s) => ({
    councilId, sessionId: held.id, ...s, addressedAgencyId: agencyId, addressedName: WARD_CHAIR.name, addressedPost: WARD_CHAIR.post,
    state: 'grouped', topicId: topic!.id, filedAt: filed, searchKey: fold(`${s.subject} ${s.content} ${WARD_CHAIR.name} ${WARD_CHAIR.post}`), createdAt: filed, updatedAt: filed,
  })));

  // The answer in the sitting, through the action: commitments and their follow-up rows.
  const vp = actor('vp.sahuynh', 'Lê Thị Mỹ');
  const opening = held.openingDate;
  const soon = [addDays(today, 5), addDays(next.openingDate, -1)].sort()[0]!;
  const answer = await recordAnswer(on(vp, addDays(opening, 1)), councilId, {
    topicId: topic!.id, mode: 'oral', answeredOn: opening,
    summary: 'Chủ tịch UBND phường thừa nhận việc xử lý lấn chiếm còn chậm, nhận trách nhiệm chỉ đạo; nêu nguyên nhân chậm chi trả bồi thường là hồ sơ xác định nguồn gốc đất; cam kết hoàn thành chi trả và xử lý dứt điểm các trường hợp lấn chiếm, đồng thời lập phương án sử dụng trụ sở dôi dư.',
    commitments: [
      { agencyId, ownerName: WARD_CHAIR.name, ownerPost: WARD_CHAIR.post, content: 'Chi trả dứt điểm tiền bồi thường, hỗ trợ cho các hộ bị ảnh hưởng bởi dự án kè chống sạt lở bờ biển.', dueOn: soon },
      { agencyId, ownerName: WARD_CHAIR.name, ownerPost: WARD_CHAIR.post, content: 'Xử lý dứt điểm các trường hợp lấn chiếm đất công tại khu dân cư Thạnh Đức và công khai kết quả.', dueOn: addDays(next.openingDate, 90) },
    ],
  });
  const [due, later] = answer.commitments;
  await reportCommitment(on(actor('ubnd.sahuynh', 'Đỗ Văn Tâm'), addDays(today, -3)), agencyId, due!.id, {
    kind: 'progress', text: 'Đã chi trả cho 18/25 hộ; 7 hộ còn lại đang hoàn thiện hồ sơ xác định nguồn gốc đất, dự kiến chi trả trước hạn.',
  });
  void later;

  // The session being prepared: re-questioning the commitment due, and a slip citing a petition.
  const tin = actor('daibieu.sahuynh', 'Đặng Văn Tín');
  await fileSlip(on(tin, addDays(today, -1)), councilId, {
    sessionId: next.id, subject: 'Chất vấn lại: chi trả bồi thường dự án kè biển', addressedAgencyId: agencyId, addressedName: WARD_CHAIR.name, addressedPost: WARD_CHAIR.post,
    content: 'Tại kỳ họp giữa năm, Chủ tịch UBND phường hứa chi trả dứt điểm tiền bồi thường dự án kè biển. Đến nay còn 7 hộ chưa nhận: đề nghị cho biết nguyên nhân và thời gian hoàn thành.',
    followsCommitmentId: due!.id,
  });
  const [petition] = await db.select({ id: petitions.id, number: petitions.number }).from(petitions).where(and(eq(petitions.councilId, councilId), ne(petitions.status, 'draft'))).orderBy(petitions.number).limit(1);
  await fileSlip(on(tin, today), councilId, {
    sessionId: next.id, subject: 'Tiến độ sửa chữa đường giao thông nông thôn',
    content: 'Cử tri nhiều lần kiến nghị sửa chữa các tuyến đường bị hư hỏng nặng sau mùa mưa; đề nghị cho biết kế hoạch, nguồn vốn và thời gian thực hiện.',
    citations: [
      ...(petition ? [{ kind: 'petition', id: petition.id, label: `Kiến nghị KN-${petition.number}` }] : []),
      { kind: 'supervision', id: 'Báo cáo kết quả giám sát chuyên đề về quản lý đất công', label: 'Báo cáo kết quả giám sát chuyên đề về quản lý đất công' },
    ],
  });
}
