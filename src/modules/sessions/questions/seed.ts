// Demo data of interpellation, on Phường Sa Huỳnh: at the mid-year session (held) three delegates
// asked about public land and site clearance; the standing committee grouped the slips into one
// topic answered in the sitting by the ward chair, who made two commitments (one due before the
// session being prepared, already reported in progress by the ward's people's committee; one due
// next year). For the session being prepared, daibieu.sahuynh has filed a slip re-questioning the
// commitment that falls due, and one citing a voters' petition. The province's mid-year session
// has one topic answered by the director of the construction department, whose commitment the
// department reported done with its evidence (awaiting the standing committee's verification).
import { and, desc, eq, ne } from 'drizzle-orm';
import type { SeedContext } from '../../../server/module.ts';
import { addDays, todayInVietnam } from '../../../domain/calendar/index.ts';
import { fold } from '../../../domain/text/normalize.ts';
import type { Actor } from '../../audit/service.ts';
import type { ActionCtx } from '../common.ts';
import { petitions } from '../../petitions/schema.ts';
import { councilSessions } from '../schema.ts';
import { demoPdf } from '../seed.ts';
import { fileSlip, recordAnswer, reportCommitment, type CommitmentInput } from './actions.ts';
import { questionSlips, questionTopics } from './schema.ts';

const WARD_CHAIR = { name: 'Trần Văn Lâm', post: 'Chủ tịch Ủy ban nhân dân phường' };

type HeldTopic = {
  council: string; agency: string; answerer: { name: string; post: string }; title: string; summary: string;
  slips: { delegate: number; subject: string; content: string }[];
  commitments: (agencyId: string, next: { openingDate: string }) => CommitmentInput[];
};

/** A topic of the council's last held session: slips (historic rows), then the answer through the action. */
async function seedHeldTopic(ctx: SeedContext, h: HeldTopic) {
  const { db, ids } = ctx;
  const councilId = ids.get(`council:${h.council}`);
  const agencyId = ids.get(`agency:${h.agency}`);
  if (!councilId || !agencyId) return null;
  const [held] = await db.select().from(councilSessions).where(and(eq(councilSessions.councilId, councilId), eq(councilSessions.state, 'closed'))).orderBy(desc(councilSessions.openingDate)).limit(1);
  const [next] = await db.select().from(councilSessions).where(and(eq(councilSessions.councilId, councilId), ne(councilSessions.state, 'closed'))).orderBy(councilSessions.openingDate).limit(1);
  if (!held || !next) return null;
  const filed = new Date(`${addDays(held.openingDate, -5)}T02:00:00Z`);
  const [topic] = await db.insert(questionTopics).values({
    councilId, sessionId: held.id, title: h.title, position: 1,
    answererAgencyId: agencyId, answererName: h.answerer.name, answererPost: h.answerer.post, createdAt: filed, updatedAt: filed,
  }).returning();
  await db.insert(questionSlips).values(h.slips.map((s) => ({
    councilId, sessionId: held.id, delegateId: ids.get(`delegate:${h.council}:${s.delegate}`)!, subject: s.subject, content: s.content,
    addressedAgencyId: agencyId, addressedName: h.answerer.name, addressedPost: h.answerer.post,
    state: 'grouped', topicId: topic!.id, filedAt: filed, searchKey: fold(`${s.subject} ${s.content} ${h.answerer.name} ${h.answerer.post}`), createdAt: filed, updatedAt: filed,
  })));
  const clerk: Actor = { id: ids.get(h.council === 'sa-huynh' ? 'user:vp.sahuynh' : 'user:vp.tinh') ?? null, name: 'Văn phòng HĐND' };
  const answer = await recordAnswer({ db, actor: clerk, now: new Date(`${addDays(held.openingDate, 1)}T03:00:00Z`) }, councilId, {
    topicId: topic!.id, mode: 'oral', answeredOn: held.openingDate, summary: h.summary, commitments: h.commitments(agencyId, next),
  });
  return { councilId, agencyId, next, commitments: answer.commitments };
}

export async function seedQuestions(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const today = todayInVietnam(ctx.today);
  const actor = (username: string, name: string): Actor => ({ id: ids.get(`user:${username}`) ?? null, name });
  const on = (a: Actor, day: string, hour = 3): ActionCtx => ({ db, actor: a, now: new Date(`${day}T0${hour}:00:00Z`) });

  const ward = await seedHeldTopic(ctx, {
    council: 'sa-huynh', agency: 'ubnd-sa-huynh', answerer: WARD_CHAIR, title: 'Quản lý đất công và tiến độ giải phóng mặt bằng',
    slips: [
      { delegate: 0, subject: 'Đất công bị lấn chiếm tại khu dân cư Thạnh Đức', content: 'Đề nghị Chủ tịch UBND phường cho biết kết quả xử lý các trường hợp lấn chiếm đất công tại khu dân cư Thạnh Đức đã được cử tri phản ánh nhiều lần, và trách nhiệm của cán bộ địa chính.' },
      { delegate: 1, subject: 'Chậm chi trả bồi thường dự án kè biển', content: 'Vì sao tiền bồi thường, hỗ trợ cho các hộ bị ảnh hưởng bởi dự án kè chống sạt lở bờ biển chưa được chi trả dứt điểm? Khi nào hoàn thành?' },
      { delegate: 3, subject: 'Quy hoạch sử dụng quỹ đất công sau sắp xếp', content: 'Đề nghị cho biết phương án sử dụng trụ sở và quỹ đất công dôi dư sau sắp xếp đơn vị hành chính, tránh để hoang phí.' },
    ],
    summary: 'Chủ tịch UBND phường thừa nhận việc xử lý lấn chiếm còn chậm, nhận trách nhiệm chỉ đạo; nêu nguyên nhân chậm chi trả bồi thường là hồ sơ xác định nguồn gốc đất; cam kết hoàn thành chi trả và xử lý dứt điểm các trường hợp lấn chiếm, đồng thời lập phương án sử dụng trụ sở dôi dư.',
    commitments: (agencyId, next) => [
      { agencyId, ownerName: WARD_CHAIR.name, ownerPost: WARD_CHAIR.post, content: 'Chi trả dứt điểm tiền bồi thường, hỗ trợ cho các hộ bị ảnh hưởng bởi dự án kè chống sạt lở bờ biển.', dueOn: [addDays(today, 5), addDays(next.openingDate, -1)].sort()[0]! },
      { agencyId, ownerName: WARD_CHAIR.name, ownerPost: WARD_CHAIR.post, content: 'Xử lý dứt điểm các trường hợp lấn chiếm đất công tại khu dân cư Thạnh Đức và công khai kết quả.', dueOn: addDays(next.openingDate, 90) },
    ],
  });
  if (ward) {
    const { councilId, agencyId, next } = ward;
    const due = ward.commitments[0]!;
    await reportCommitment(on(actor('ubnd.sahuynh', 'Đỗ Văn Tâm'), addDays(today, -3)), agencyId, due.id, {
      kind: 'progress', text: 'Đã chi trả cho 18/25 hộ; 7 hộ còn lại đang hoàn thiện hồ sơ xác định nguồn gốc đất, dự kiến chi trả trước hạn.',
    }, { name: 'Danh sách hộ đã nhận tiền bồi thường.pdf', type: 'application/pdf', data: demoPdf('Danh sach ho da nhan tien boi thuong') });
    // The session being prepared: re-questioning the commitment due, and a slip citing a petition.
    const tin = actor('daibieu.sahuynh', 'Đặng Văn Tín');
    await fileSlip(on(tin, addDays(today, -1)), councilId, {
      sessionId: next.id, subject: 'Chất vấn lại: chi trả bồi thường dự án kè biển', addressedAgencyId: agencyId, addressedName: WARD_CHAIR.name, addressedPost: WARD_CHAIR.post,
      content: 'Tại kỳ họp giữa năm, Chủ tịch UBND phường hứa chi trả dứt điểm tiền bồi thường dự án kè biển. Đến nay còn 7 hộ chưa nhận: đề nghị cho biết nguyên nhân và thời gian hoàn thành.',
      followsCommitmentId: due.id,
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

  const director = { name: 'Phạm Minh Quân', post: 'Giám đốc Sở Xây dựng' };
  const province = await seedHeldTopic(ctx, {
    council: 'province', agency: 'so-xay-dung', answerer: director, title: 'Chất lượng công trình giao thông sau bàn giao',
    slips: [
      { delegate: 0, subject: 'Quốc lộ mới sửa đã hư hỏng', content: 'Đề nghị Giám đốc Sở Xây dựng cho biết trách nhiệm giám sát chất lượng đoạn tuyến vừa sửa chữa đã bong tróc sau ba tháng.' },
      { delegate: 2, subject: 'Bảo hành công trình giao thông', content: 'Việc yêu cầu nhà thầu bảo hành các công trình giao thông hư hỏng trong thời gian bảo hành được thực hiện thế nào?' },
    ],
    summary: 'Giám đốc Sở Xây dựng nhận trách nhiệm trong khâu giám sát; đã yêu cầu nhà thầu sửa chữa bằng kinh phí bảo hành và cam kết hoàn thành trong tháng.',
    commitments: (agencyId) => [{ agencyId, ownerName: director.name, ownerPost: director.post, content: 'Yêu cầu nhà thầu sửa chữa đoạn tuyến hư hỏng bằng kinh phí bảo hành.', dueOn: addDays(today, -20) }],
  });
  if (province) {
    await reportCommitment(on(actor('so.xaydung', 'Ngô Thị Thảo'), addDays(today, -25)), province.agencyId, province.commitments[0]!.id, {
      kind: 'done', text: 'Nhà thầu đã sửa chữa xong đoạn tuyến; biên bản nghiệm thu kèm theo.',
    }, { name: 'Biên bản nghiệm thu sửa chữa.pdf', type: 'application/pdf', data: demoPdf('Bien ban nghiem thu sua chua') });
  }
}
