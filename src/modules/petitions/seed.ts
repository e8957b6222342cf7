// Demo data for voter petitions, through the module's own actions (so the audit log and timelines
// are real): a current round of HĐND phường Sa Huỳnh and one of HĐND tỉnh Quảng Ngãi, with
// meetings and opinions in the style of real minutes, some merged, dispatched, answered, one
// overdue; and a 2021 round of the old town council (HĐND thị xã Đức Phổ) whose Phổ Thạnh
// petitions are still followed today by Phường Sa Huỳnh ("became" links). People are invented.
import type { SeedContext } from '../../server/module.ts';
import { addDays, todayInVietnam } from '../../domain/calendar/index.ts';
import type { Actor } from '../audit/service.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { petitionOf, type ActionCtx } from './common.ts';
import { createRound } from './actions/createRound.ts';
import { updateRound } from './actions/updateRound.ts';
import { closeRound } from './actions/closeRound.ts';
import { carryOver } from './actions/carryOver.ts';
import { createMeeting } from './actions/meetings.ts';
import { createOpinions } from './actions/createOpinions.ts';
import { classifyOpinions } from './actions/classifyOpinions.ts';
import { mergeOpinions } from './actions/mergeOpinions.ts';
import { updatePetition } from './actions/updatePetition.ts';
import { dispatchPetitions } from './actions/dispatch.ts';
import { answerAsAgency, answerForAgency } from './actions/answer.ts';
import { reviewAnswer } from './actions/review.ts';
import { createRoutingRule } from './actions/routingRules.ts';
import { listFields } from './actions/fields.ts';
import { seedKnownOverrides } from './actions/holidayOverrides.ts';
import { dispatchItems } from './schema.ts';
import { eq } from 'drizzle-orm';

type Item = { text: string; voterName?: string; voterHamlet?: string; voterCount?: number };

// Minutes-style opinions of Phường Sa Huỳnh (current round).
const SA_HUYNH: Record<string, Item[]> = {
  long_thanh: [
    { text: 'Tuyến đường bê tông tổ dân phố Long Thạnh 1 đi ra Quốc lộ 1A bị xuống cấp, mưa lớn là ngập sâu, đề nghị UBND phường nâng cấp và làm mương thoát nước hai bên.', voterName: 'Nguyễn Văn Hòa', voterHamlet: 'TDP Long Thạnh 1' },
    { text: 'Đề nghị nâng cấp tuyến đường Long Thạnh 1 ra Quốc lộ 1A, mùa mưa nước ngập không đi lại được.', voterName: 'Trần Thị Lệ', voterHamlet: 'TDP Long Thạnh 1' },
    { text: 'Đề nghị lắp đặt hệ thống đèn chiếu sáng tuyến đường ven biển Sa Huỳnh để bảo đảm an toàn giao thông ban đêm.', voterName: 'Phạm Văn Tuấn', voterHamlet: 'TDP Long Thạnh 2' },
    { text: 'Điện áp khu dân cư Long Thạnh 2 thường xuyên yếu vào giờ cao điểm, đề nghị Điện lực nâng công suất trạm biến áp.', voterName: 'Lê Thị Nga', voterHamlet: 'TDP Long Thạnh 2' },
    { text: 'Đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân đã sử dụng đất ổn định từ trước năm 1993 tại tổ dân phố Long Thạnh 1.', voterName: 'Võ Văn Lành', voterHamlet: 'TDP Long Thạnh 1' },
    { text: 'Cử tri đề nghị làm rõ việc thu tiền đóng góp xây dựng nhà văn hóa tổ dân phố, yêu cầu xử lý cán bộ thu sai quy định.', voterName: 'Đỗ Văn Chính', voterHamlet: 'TDP Long Thạnh 2' },
  ],
  thanh_duc: [
    { text: 'Đoạn Quốc lộ 1A qua phường Sa Huỳnh (khu vực Thạnh Đức) hư hỏng, ổ gà nhiều, đề nghị cơ quan có thẩm quyền sửa chữa.', voterName: 'Huỳnh Văn Thơm', voterHamlet: 'TDP Thạnh Đức 1' },
    { text: 'QL1A đoạn Thạnh Đức xuống cấp nghiêm trọng, thường xảy ra tai nạn, đề nghị sớm sửa chữa.', voterName: 'Nguyễn Thị Sương', voterHamlet: 'TDP Thạnh Đức 2' },
    { text: 'Mưa lớn là tuyến đường bê tông tổ dân phố Long Thạnh 1 bị ngập, đề nghị nâng cao nền đường.', voterName: 'Bùi Văn Được', voterHamlet: 'TDP Thạnh Đức 1' },
    { text: 'Trạm biến áp khu Thạnh Đức 2 quá tải, điện chập chờn, đề nghị Điện lực Quảng Ngãi nâng cấp.', voterName: 'Châu Thị Mến', voterHamlet: 'TDP Thạnh Đức 2' },
    { text: 'Nước sạch sinh hoạt khu dân cư Thạnh Đức thường xuyên bị cúp, nước đục, đề nghị công ty cấp nước khắc phục.', voterName: 'Mai Văn Khởi', voterHamlet: 'TDP Thạnh Đức 1' },
    { text: 'Trạm y tế phường thiếu thuốc điều trị bệnh mãn tính cho người có thẻ bảo hiểm y tế, đề nghị bổ sung.', voterName: 'Tạ Thị Lan', voterHamlet: 'TDP Thạnh Đức 2' },
    { text: 'Đề nghị bổ sung thuốc điều trị bệnh mãn tính (tăng huyết áp, tiểu đường) cho người có thẻ bảo hiểm y tế tại Trạm y tế phường Sa Huỳnh.', voterName: 'Lương Văn Tâm', voterHamlet: 'TDP Thạnh Đức 1' },
  ],
  pho_chau: [
    { text: 'Khu tái định cư Phổ Châu xây dựng hạ tầng chậm, đường nội bộ chưa hoàn thiện, đề nghị Sở Xây dựng đôn đốc nhà thầu.', voterName: 'Đặng Văn Lợi', voterHamlet: 'Thôn Tân Hy' },
    { text: 'Phòng học Trường Tiểu học Phổ Châu xuống cấp, dột nát, đề nghị sửa chữa trước mùa mưa bão.', voterName: 'Hồ Thị Thu', voterHamlet: 'Thôn Tân Hy' },
    { text: 'Bãi rác tạm thôn Châu Me gây ô nhiễm môi trường, đề nghị thu gom, xử lý dứt điểm.', voterName: 'Ngô Văn Ba', voterHamlet: 'Thôn Châu Me' },
    { text: 'Đề nghị đầu tư kè chống sạt lở bờ biển đoạn qua thôn Châu Me, mùa mưa bão đe dọa nhà dân.', voterName: 'Dương Thị Hạnh', voterHamlet: 'Thôn Châu Me' },
    { text: 'Mương thủy lợi nội đồng Phổ Châu bị bồi lấp, đề nghị nạo vét trước vụ Đông Xuân.', voterName: 'Phan Văn Hiếu', voterHamlet: 'Thôn Tân Hy' },
    { text: 'Đề nghị thu gom rác thải tại bãi rác tạm thôn Châu Me, gây ô nhiễm môi trường cho khu dân cư.', voterName: 'Huỳnh Thị Sạch', voterHamlet: 'Thôn Châu Me' },
    { text: 'Đề nghị xem xét chế độ trợ cấp cho người cao tuổi chưa được hưởng tại thôn Châu Me.', voterName: 'Trương Thị Bảy', voterHamlet: 'Thôn Châu Me' },
  ],
};

// Minutes-style opinions at the provincial council's meetings in the town area.
const PROVINCE: Item[] = [
  { text: 'Đề nghị sớm đầu tư nút giao kết nối đường cao tốc Quảng Ngãi – Hoài Nhơn với Quốc lộ 1A tại phường Đức Phổ.', voterName: 'Trần Văn Quý', voterHamlet: 'TDP 3, phường Đức Phổ' },
  { text: 'Đề nghị Bộ Giao thông vận tải sửa chữa Quốc lộ 1A đoạn qua phường Đức Phổ, mặt đường hư hỏng nặng.', voterName: 'Lê Văn Thành', voterHamlet: 'TDP 5, phường Đức Phổ' },
  { text: 'Đường tỉnh ĐT.624 đoạn qua xã Nguyễn Nghiêm xuống cấp, đề nghị tỉnh bố trí vốn sửa chữa.', voterName: 'Phạm Thị Hoa', voterHamlet: 'Thôn An Thạch' },
  { text: 'Đường tỉnh 624 hư hỏng, nhiều ổ gà, xe tải lưu thông gây mất an toàn, đề nghị sửa chữa.', voterName: 'Huỳnh Văn Nam', voterHamlet: 'Thôn Vĩnh An' },
  { text: 'Điện lưới khu sản xuất muối Sa Huỳnh chưa đảm bảo, đề nghị Công ty Điện lực Quảng Ngãi đầu tư đường dây trung thế.', voterName: 'Võ Thị Muối', voterHamlet: 'TDP Long Thạnh 2' },
  { text: 'Đề nghị đầu tư kè chống sạt lở bờ biển Sa Huỳnh, nhiều đoạn đã sạt sát nhà dân.', voterName: 'Nguyễn Văn Biển', voterHamlet: 'TDP Thạnh Đức 2' },
  { text: 'Bệnh viện đa khoa khu vực Đức Phổ thiếu bác sĩ chuyên khoa, đề nghị Sở Y tế bổ sung nhân lực.', voterName: 'Đinh Thị Yến', voterHamlet: 'TDP 2, phường Đức Phổ' },
  { text: 'Đề nghị tăng mức hỗ trợ học phí cho học sinh trung học phổ thông vùng bãi ngang ven biển.', voterName: 'Lý Văn Học', voterHamlet: 'Thôn Tân Hy' },
  { text: 'Cử tri phản ánh chậm chi trả tiền bồi thường giải phóng mặt bằng dự án đường ven biển Dung Quất – Sa Huỳnh.', voterName: 'Mai Thị Bồi', voterHamlet: 'Thôn Châu Me' },
  { text: 'Đề nghị nâng cấp tuyến đê bao chống lũ khu vực Trà Câu, mùa mưa thường xuyên ngập úng.', voterName: 'Tạ Văn Đê', voterHamlet: 'TDP Văn Bân' },
  { text: 'Giá vật tư nông nghiệp tăng cao, đề nghị tỉnh có chính sách hỗ trợ nông dân trồng lúa.', voterName: 'Châu Văn Lúa', voterHamlet: 'Thôn Phước Thịnh' },
  { text: 'Đề nghị cải cách thủ tục hành chính, rút ngắn thời gian cấp giấy phép xây dựng nhà ở.', voterName: 'Đoàn Thị Phép', voterHamlet: 'TDP 1, phường Đức Phổ' },
];

// The 2021 round of the town council (founding notice year), Phổ Thạnh and neighbours.
const TOWN_2021: { unit: string; items: Item[] }[] = [
  {
    unit: 'Phổ Thạnh',
    items: [
      { text: 'Đề nghị đầu tư tuyến đường từ Quốc lộ 1A vào khu dân cư Thạnh Đức, hiện đường đất, mùa mưa lầy lội.', voterName: 'Nguyễn Văn Xưa', voterHamlet: 'Thạnh Đức' },
      { text: 'Đề nghị sớm bồi thường, hỗ trợ cho các hộ bị ảnh hưởng dự án đường ven biển qua phường Phổ Thạnh.', voterName: 'Trần Thị Cũ', voterHamlet: 'Long Thạnh' },
      { text: 'Cảng cá Sa Huỳnh bị bồi lắng, tàu thuyền ra vào khó khăn, đề nghị nạo vét luồng lạch.', voterName: 'Lê Văn Cá', voterHamlet: 'Thạnh Đức' },
    ],
  },
  {
    unit: 'Phổ Minh',
    items: [{ text: 'Đề nghị nâng cấp chợ Phổ Minh đã xuống cấp.', voterName: 'Phạm Văn Chợ', voterHamlet: 'Thôn 2' }],
  },
];

function actorFor(ctx: SeedContext, username: string, fullName: string): Actor {
  return { id: ctx.ids.get(`user:${username}`) ?? null, name: fullName };
}

export async function seedPetitions(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const today = todayInVietnam(ctx.today);
  const at = (days: number) => addDays(today, days);
  const when = (date: string) => new Date(`${date}T03:00:00Z`);
  const as = (actor: Actor, date = today): ActionCtx => ({ db, actor, now: when(date) });
  const id = (key: string) => {
    const v = ids.get(key);
    if (!v) throw new Error(`Demo seed: unknown ${key}`);
    return v;
  };
  await db.transaction((tx) => seedKnownOverrides(tx, SYSTEM_ACTOR));

  const vpSh = actorFor(ctx, 'vp.sahuynh', 'Lê Thị Mỹ');
  const vpTinh = actorFor(ctx, 'vp.tinh', 'Nguyễn Thị Hồng');
  const vpTx = actorFor(ctx, 'vp.thixa', 'Trần Văn Khải');
  const ttSh = actorFor(ctx, 'tt.sahuynh', 'Huỳnh Văn Đạt');
  const ubndUser = actorFor(ctx, 'ubnd.sahuynh', 'Đỗ Văn Tâm');
  const dlUser = actorFor(ctx, 'dienluc', 'Dương Văn Lực');
  const sxdUser = actorFor(ctx, 'so.xaydung', 'Ngô Thị Thảo');

  // ------------------------------------------------------------------ 2021: the town council
  const town = id('council:town');
  const tRound = await createRound(as(vpTx, '2021-11-01'), town, {
    name: 'Tiếp xúc cử tri trước kỳ họp thứ 3, HĐND thị xã Đức Phổ khóa XII', kind: 'before_session', sessionName: 'Kỳ họp thứ 3 (cuối năm 2021)',
    termId: ids.get('term:town'), startDate: '2021-11-01', endDate: '2021-11-15',
  });
  const townOps: Record<string, { id: string; version: number }[]> = {};
  for (const [i, g] of TOWN_2021.entries()) {
    const unitId = id(`unit:old:${g.unit}`);
    const m = await createMeeting(as(vpTx, '2021-11-05'), town, tRound.id, {
      heldOn: `2021-11-0${5 + i}`, place: `Hội trường UBND phường ${g.unit}`, mode: 'online', unitId, bodyId: ids.get(`body:town:group:${i + 1}`) ?? null,
      votersAttending: 45 + i * 10, chairedBy: `Ủy ban MTTQ Việt Nam ${g.unit}`, notes: 'Tổ chức trực tuyến do dịch Covid-19.',
    });
    townOps[g.unit] = (await createOpinions(as(vpTx, '2021-11-08'), town, { roundId: tRound.id, meetingId: m.id, items: g.items })).items;
  }
  const townRoad = await mergeOpinions(as(vpTx, '2021-11-10'), town, { roundId: tRound.id, opinions: [townOps['Phổ Thạnh']![0]!], competentLevel: 'district', agencyId: id('agency:ubnd-town') });
  const townComp = await mergeOpinions(as(vpTx, '2021-11-10'), town, { roundId: tRound.id, opinions: [townOps['Phổ Thạnh']![1]!], competentLevel: 'district', agencyId: id('agency:ubnd-town') });
  const townPort = await mergeOpinions(as(vpTx, '2021-11-10'), town, { roundId: tRound.id, opinions: [townOps['Phổ Thạnh']![2]!], competentLevel: 'province', agencyId: id('agency:ubnd-province') });
  const townMarket = await mergeOpinions(as(vpTx, '2021-11-10'), town, { roundId: tRound.id, opinions: [townOps['Phổ Minh']![0]!], competentLevel: 'district', agencyId: id('agency:ubnd-town') });
  await dispatchPetitions(as(vpTx, '2021-11-20'), town, {
    roundId: tRound.id, agencyId: id('agency:ubnd-town'), letterNumber: '215/HĐND-VP', letterDate: '2021-11-20', petitionIds: [townRoad.id, townComp.id, townMarket.id],
  });
  await dispatchPetitions(as(vpTx, '2021-11-20'), town, {
    roundId: tRound.id, agencyId: id('agency:ubnd-province'), letterNumber: '216/HĐND-VP', letterDate: '2021-11-20', petitionIds: [townPort.id],
  });
  await answerForAgency(as(vpTx, '2021-12-15'), town, townRoad.id, {
    result: 'in_progress', text: 'UBND thị xã đã đưa tuyến đường vào danh mục đầu tư công trung hạn 2021–2025.', roadmap: 'Lập dự án năm 2022, thi công năm 2023.',
    committedDate: '2023-12-31', letterNumber: '1890/UBND-KT', letterDate: '2021-12-14',
  });
  await answerForAgency(as(vpTx, '2021-12-15'), town, townComp.id, {
    result: 'unresolved', text: 'Dự án đang chờ phê duyệt giá đất cụ thể; chưa có kinh phí chi trả.', letterNumber: '1890/UBND-KT', letterDate: '2021-12-14',
  });
  await answerForAgency(as(vpTx, '2021-12-15'), town, townMarket.id, {
    result: 'resolved', text: 'Chợ Phổ Minh đã được sửa chữa mái che và khu vệ sinh bằng nguồn ngân sách thị xã năm 2021.', letterNumber: '1890/UBND-KT', letterDate: '2021-12-14',
  });
  const townReviewer = actorFor(ctx, 'vp.thixa', 'Trần Văn Khải');
  await reviewAnswer(as(townReviewer, '2021-12-20'), town, townRoad.id, { verdict: 'unsatisfactory', comment: 'Chưa có thời hạn khởi công cụ thể.' });
  await reviewAnswer(as(townReviewer, '2021-12-20'), town, townComp.id, { verdict: 'unsatisfactory', comment: 'Đề nghị UBND thị xã sớm trình phê duyệt giá đất.' });
  await reviewAnswer(as(townReviewer, '2021-12-20'), town, townMarket.id, { verdict: 'satisfactory', comment: 'Cử tri ghi nhận.' });
  await closeRound(as(vpTx, '2021-12-31'), town, tRound.id, {});
  await updateRound(as(vpTx, '2021-12-31'), town, tRound.id, { published: true });

  // ------------------------------------------------------------------ today: Phường Sa Huỳnh
  const sh = id('council:sa-huynh');
  const shUnit = id('unit:sa-huynh');
  const shRound = await createRound(as(vpSh, at(-60)), sh, {
    name: 'Tiếp xúc cử tri trước kỳ họp thứ 3, HĐND phường Sa Huỳnh khóa I', kind: 'before_session', sessionName: 'Kỳ họp thứ 3',
    termId: ids.get('term:sa-huynh'), startDate: at(-60),
  });
  const { items: fields } = await listFields(db, sh, { page: 1, pageSize: 200 });
  const field = (name: string) => fields.find((f) => f.name === name)!.id;
  await createRoutingRule(as(vpSh), sh, { fieldId: field('Giao thông'), competentLevel: 'commune', agencyId: id('agency:ubnd-sa-huynh'), note: 'Đường tổ dân phố, đường nội thị' });
  await createRoutingRule(as(vpSh), sh, { fieldId: field('Điện'), agencyId: id('agency:dien-luc') });
  await createRoutingRule(as(vpSh), sh, { fieldId: field('Nước sạch'), agencyId: id('agency:cap-nuoc') });
  await createRoutingRule(as(vpSh), sh, { fieldId: field('Xây dựng'), competentLevel: 'province', agencyId: id('agency:so-xay-dung') });
  await createRoutingRule(as(vpSh), sh, { competentLevel: 'central', agencyId: id('agency:na'), note: 'Kiến nghị trung ương qua Đoàn ĐBQH tỉnh' });

  const meetingsPlan: [key: string, day: number, place: string, group: number, voters: number][] = [
    ['long_thanh', -55, 'Nhà văn hóa tổ dân phố Long Thạnh 1', 1, 110],
    ['thanh_duc', -54, 'Hội trường tổ dân phố Thạnh Đức 2', 1, 95],
    ['pho_chau', -52, 'Nhà văn hóa thôn Tân Hy', 2, 130],
  ];
  const shOps: Record<string, { id: string; version: number }[]> = {};
  for (const [key, day, place, group, voters] of meetingsPlan) {
    const m = await createMeeting(as(vpSh, at(day)), sh, shRound.id, {
      heldOn: at(day), place, mode: 'in_person', unitId: shUnit, bodyId: ids.get(`body:sa-huynh:group:${group}`) ?? null,
      delegatesPresent: [], votersAttending: voters, chairedBy: 'Ủy ban MTTQ Việt Nam phường Sa Huỳnh',
    });
    shOps[key] = (await createOpinions(as(vpSh, at(day)), sh, { roundId: shRound.id, meetingId: m.id, items: SA_HUYNH[key]! })).items;
  }
  // A letter to the hotline between meetings.
  await createOpinions(as(vpSh, at(-40)), sh, {
    roundId: shRound.id, channel: 'hotline', receivedOn: at(-40),
    items: [{ text: 'Đề nghị có biện pháp xử lý tình trạng xe tải chở cát quá tải chạy qua tuyến đường Long Thạnh 1.', voterName: 'Cử tri gọi đường dây nóng' }],
  });
  const [lt, td, pc] = [shOps.long_thanh!, shOps.thanh_duc!, shOps.pho_chau!];
  // Classify what the clerk has confirmed so far; one is a complaint that leaves the petition track.
  const cls = await classifyOpinions(as(vpSh, at(-50)), sh, [
    { opinionId: lt[0]!.id, version: lt[0]!.version, fieldId: field('Giao thông'), competentLevel: 'commune', agencyId: id('agency:ubnd-sa-huynh') },
    { opinionId: lt[1]!.id, version: lt[1]!.version, fieldId: field('Giao thông'), competentLevel: 'commune', agencyId: id('agency:ubnd-sa-huynh') },
    { opinionId: td[2]!.id, version: td[2]!.version, fieldId: field('Giao thông'), competentLevel: 'commune', agencyId: id('agency:ubnd-sa-huynh') },
    { opinionId: lt[2]!.id, version: lt[2]!.version, fieldId: field('Giao thông'), competentLevel: 'commune', agencyId: id('agency:ubnd-sa-huynh') },
    { opinionId: lt[3]!.id, version: lt[3]!.version, fieldId: field('Điện'), competentLevel: 'province', agencyId: id('agency:dien-luc') },
    { opinionId: td[3]!.id, version: td[3]!.version, fieldId: field('Điện'), competentLevel: 'province', agencyId: id('agency:dien-luc') },
    { opinionId: td[0]!.id, version: td[0]!.version, fieldId: field('Giao thông'), competentLevel: 'central', agencyId: id('agency:na') },
    { opinionId: td[1]!.id, version: td[1]!.version, fieldId: field('Giao thông'), competentLevel: 'central', agencyId: id('agency:na') },
    { opinionId: pc[0]!.id, version: pc[0]!.version, fieldId: field('Xây dựng'), competentLevel: 'province', agencyId: id('agency:so-xay-dung') },
    { opinionId: td[4]!.id, version: td[4]!.version, fieldId: field('Nước sạch'), competentLevel: 'province', agencyId: id('agency:cap-nuoc') },
    { opinionId: lt[4]!.id, version: lt[4]!.version, fieldId: field('Đất đai'), competentLevel: 'commune', agencyId: id('agency:ubnd-sa-huynh') },
    { opinionId: lt[5]!.id, version: lt[5]!.version, kind: 'complaint' },
  ]);
  const v = (o: { id: string }) => ({ id: o.id, version: cls.items.find((x) => x.id === o.id)!.version });
  const sc = as(vpSh, at(-48));
  const pRoad = await mergeOpinions(sc, sh, { roundId: shRound.id, opinions: [v(lt[0]!), v(lt[1]!), v(td[2]!)], canonicalOpinionId: lt[0]!.id });
  const pLights = await mergeOpinions(sc, sh, { roundId: shRound.id, opinions: [v(lt[2]!)] });
  const pPower = await mergeOpinions(sc, sh, {
    roundId: shRound.id, opinions: [v(lt[3]!), v(td[3]!)],
    text: 'Điện áp khu dân cư Long Thạnh 2 và Thạnh Đức 2 thường xuyên yếu, trạm biến áp quá tải; đề nghị Công ty Điện lực Quảng Ngãi nâng công suất.',
  });
  const pQl1a = await mergeOpinions(sc, sh, { roundId: shRound.id, opinions: [v(td[0]!), v(td[1]!)], canonicalOpinionId: td[0]!.id });
  const pResettle = await mergeOpinions(sc, sh, { roundId: shRound.id, opinions: [v(pc[0]!)] });
  await mergeOpinions(sc, sh, { roundId: shRound.id, opinions: [v(td[4]!)] });
  await mergeOpinions(sc, sh, { roundId: shRound.id, opinions: [v(lt[4]!)] });
  // Dispatches: the ward's executive, the power company, the NA delegation, the construction department.
  await dispatchPetitions(as(vpSh, at(-45)), sh, {
    roundId: shRound.id, agencyId: id('agency:ubnd-sa-huynh'), letterNumber: '35/HĐND-VP', letterDate: at(-45), petitionIds: [pRoad.id, pLights.id],
  });
  await dispatchPetitions(as(vpSh, at(-45)), sh, {
    roundId: shRound.id, agencyId: id('agency:dien-luc'), letterNumber: '36/HĐND-VP', letterDate: at(-45), petitionIds: [pPower.id],
  });
  await dispatchPetitions(as(vpSh, at(-44)), sh, {
    roundId: shRound.id, agencyId: id('agency:na'), letterNumber: '37/HĐND-VP', letterDate: at(-44), receivedOn: at(-42), petitionIds: [pQl1a.id],
  });
  await dispatchPetitions(as(vpSh, at(-20)), sh, {
    roundId: shRound.id, agencyId: id('agency:so-xay-dung'), letterNumber: '41/HĐND-VP', letterDate: at(-20), petitionIds: [pResettle.id],
  });
  // Answers: the power company resolved it; the ward's executive answered the road (in progress);
  // the street lights are still waiting: overdue.
  const item = async (petitionId: string) => (await db.select().from(dispatchItems).where(eq(dispatchItems.petitionId, petitionId)))[0]!;
  await answerAsAgency(as(dlUser, at(-25)), id('agency:dien-luc'), (await item(pPower.id)).id, {
    result: 'resolved', text: 'Công ty đã lắp đặt bổ sung trạm biến áp 250 kVA Thạnh Đức 2 và cải tạo đường dây hạ thế Long Thạnh 2; điện áp đã ổn định.',
    letterNumber: '2150/PCQN-KT', letterDate: at(-26),
  });
  await answerAsAgency(as(ubndUser, at(-20)), id('agency:ubnd-sa-huynh'), (await item(pRoad.id)).id, {
    result: 'in_progress', text: 'UBND phường đã đưa tuyến đường vào kế hoạch đầu tư công năm 2027, làm mương thoát nước hai bên.',
    roadmap: 'Khảo sát, lập hồ sơ quý I/2027; thi công quý II–III/2027.', committedDate: at(240), letterNumber: '412/UBND', letterDate: at(-21),
  });
  await reviewAnswer(as(ttSh, at(-10)), sh, pPower.id, { verdict: 'satisfactory', comment: 'Cử tri xác nhận điện áp đã ổn định.' });

  // The 2021 town petitions raised in Phổ Thạnh, still outstanding, are followed by Sa Huỳnh today.
  const carried = await carryOver(as(vpSh, at(-30)), sh, shRound.id, { fromRoundId: tRound.id });
  for (const pid of carried.petitionIds) {
    if (pid !== townRoad.id) continue;
    const p = await petitionOf(db, sh, pid);
    await updatePetition(as(vpSh, at(-30)), sh, pid, { version: p.version, competentLevel: 'commune', agencyId: id('agency:ubnd-sa-huynh') });
    await dispatchPetitions(as(vpSh, at(-28)), sh, {
      roundId: shRound.id, agencyId: id('agency:ubnd-sa-huynh'), letterNumber: '39/HĐND-VP', letterDate: at(-28), petitionIds: [pid],
    });
  }
  await updateRound(as(vpSh), sh, shRound.id, { published: true });

  // ------------------------------------------------------------------ today: HĐND tỉnh Quảng Ngãi
  const prov = id('council:province');
  const pRound = await createRound(as(vpTinh, at(-50)), prov, {
    name: 'Tiếp xúc cử tri trước kỳ họp thứ 2, HĐND tỉnh Quảng Ngãi khóa XIV', kind: 'before_session', sessionName: 'Kỳ họp thứ 2',
    termId: ids.get('term:province'), startDate: at(-50),
  });
  const { items: pFields } = await listFields(db, prov, { page: 1, pageSize: 200 });
  const pField = (name: string) => pFields.find((f) => f.name === name)!.id;
  const pm1 = await createMeeting(as(vpTinh, at(-47)), prov, pRound.id, {
    heldOn: at(-47), place: 'Hội trường UBND phường Đức Phổ', mode: 'hybrid', unitId: id('unit:duc-pho-ward'), bodyId: ids.get('body:province:group:1') ?? null,
    votersAttending: 150, chairedBy: 'Ủy ban MTTQ Việt Nam phường Đức Phổ',
  });
  const pm2 = await createMeeting(as(vpTinh, at(-46)), prov, pRound.id, {
    heldOn: at(-46), place: 'Hội trường UBND phường Sa Huỳnh', mode: 'in_person', unitId: shUnit, bodyId: ids.get('body:province:group:1') ?? null,
    votersAttending: 120, chairedBy: 'Ủy ban MTTQ Việt Nam phường Sa Huỳnh', jointCouncilId: sh, notes: 'Tiếp xúc cử tri liên tịch với đại biểu HĐND phường Sa Huỳnh.',
  });
  const po1 = (await createOpinions(as(vpTinh, at(-47)), prov, { roundId: pRound.id, meetingId: pm1.id, items: PROVINCE.slice(0, 4).concat(PROVINCE.slice(6, 8), PROVINCE.slice(10, 12)) })).items;
  const po2 = (await createOpinions(as(vpTinh, at(-46)), prov, { roundId: pRound.id, meetingId: pm2.id, items: [PROVINCE[4]!, PROVINCE[5]!, PROVINCE[8]!, PROVINCE[9]!] })).items;
  const pcls = await classifyOpinions(as(vpTinh, at(-44)), prov, [
    { opinionId: po1[0]!.id, version: po1[0]!.version, fieldId: pField('Giao thông'), competentLevel: 'central', agencyId: id('agency:na') },
    { opinionId: po1[1]!.id, version: po1[1]!.version, fieldId: pField('Giao thông'), competentLevel: 'central', agencyId: id('agency:na') },
    { opinionId: po1[2]!.id, version: po1[2]!.version, fieldId: pField('Giao thông'), competentLevel: 'province', agencyId: id('agency:so-xay-dung') },
    { opinionId: po1[3]!.id, version: po1[3]!.version, fieldId: pField('Giao thông'), competentLevel: 'province', agencyId: id('agency:so-xay-dung') },
    { opinionId: po2[0]!.id, version: po2[0]!.version, fieldId: pField('Điện'), competentLevel: 'province', agencyId: id('agency:dien-luc') },
    { opinionId: po1[4]!.id, version: po1[4]!.version, fieldId: pField('Y tế'), competentLevel: 'province', agencyId: id('agency:so-y-te') },
  ]);
  const pv = (o: { id: string }) => ({ id: o.id, version: pcls.items.find((x) => x.id === o.id)!.version });
  const pc2 = as(vpTinh, at(-43));
  const qNa = await mergeOpinions(pc2, prov, { roundId: pRound.id, opinions: [pv(po1[0]!), pv(po1[1]!)], canonicalOpinionId: po1[1]!.id });
  const qDt = await mergeOpinions(pc2, prov, {
    roundId: pRound.id, opinions: [pv(po1[2]!), pv(po1[3]!)],
    text: 'Đường tỉnh ĐT.624 đoạn qua xã Nguyễn Nghiêm xuống cấp, nhiều ổ gà, mất an toàn giao thông; đề nghị tỉnh bố trí vốn sửa chữa.',
  });
  const qPower = await mergeOpinions(pc2, prov, { roundId: pRound.id, opinions: [pv(po2[0]!)] });
  await mergeOpinions(pc2, prov, { roundId: pRound.id, opinions: [pv(po1[4]!)] });
  await dispatchPetitions(as(vpTinh, at(-40)), prov, { roundId: pRound.id, agencyId: id('agency:na'), letterNumber: '512/HĐND-VP', letterDate: at(-40), petitionIds: [qNa.id] });
  await dispatchPetitions(as(vpTinh, at(-40)), prov, { roundId: pRound.id, agencyId: id('agency:so-xay-dung'), letterNumber: '513/HĐND-VP', letterDate: at(-40), petitionIds: [qDt.id] });
  await dispatchPetitions(as(vpTinh, at(-40)), prov, { roundId: pRound.id, agencyId: id('agency:dien-luc'), letterNumber: '514/HĐND-VP', letterDate: at(-40), petitionIds: [qPower.id] });
  await answerAsAgency(as(sxdUser, at(-15)), id('agency:so-xay-dung'), (await item(qDt.id)).id, {
    result: 'explained', text: 'Tuyến ĐT.624 đã được bố trí vốn duy tu năm 2027 trong kế hoạch bảo trì đường tỉnh; trước mắt Sở đã vá ổ gà các đoạn hư hỏng nặng.',
    letterNumber: '1875/SXD-QLGT', letterDate: at(-16),
  });
  await updateRound(as(vpTinh), prov, pRound.id, { published: true });
}
