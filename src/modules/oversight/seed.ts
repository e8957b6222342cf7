// Demo data: the 2026 supervision programmes of the province (its Ban Kinh tế – Ngân sách and its
// Thường trực) and of Phường Sa Huỳnh (its Ban Kinh tế – Ngân sách), with ONE real overlap: the
// province's Ban and the ward's Ban both supervise the ward's People's Committee on public
// investment in construction in mid-March 2026; the ward adopted its programme with a recorded
// reason. The ward's activity was founded on 20/02/2026 (under Luật 87/2015, kept after
// 01/03/2026), has its team, a working session and the report the ward's UBND uploaded: the
// activity the reports and recommendations hang on. Both adopted programmes are published. Two
// topic proposals (the ward's MTTQ, a delegate group) wait for the ward's 2027 programmes.
import type { SeedContext } from '../../server/module.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { listFields } from '../petitions/actions/fields.ts';
import { demoPdf } from '../sessions/seed.ts';
import { adoptProgram, createProgram, publishProgram, type OversightCtx } from './actions/programs.ts';
import { createActivity } from './actions/activities.ts';
import { createProposal } from './actions/proposals.ts';
import { addWorkingSession, foundActivity, recordNoticeSent, uploadActivityFile } from './actions/fieldwork.ts';

const at = (day: string) => new Date(`${day}T02:00:00Z`);

export async function seedOversight(ctx: SeedContext): Promise<void> {
  await seedProposals(ctx);
  const { db, ids } = ctx;
  const id = (k: string) => {
    const v = ids.get(k);
    if (!v) throw new Error(`Demo seed: unknown ${k}`);
    return v;
  };
  const on = (day: string): OversightCtx => ({ db, actor: SYSTEM_ACTOR, now: at(day) });
  const province = id('council:province');
  const ward = id('council:sa-huynh');
  const fieldOf = async (councilId: string, name: string) => (await listFields(db, councilId, { page: 1, pageSize: 200 })).items.find((f) => f.name === name)!.id;

  // Province: the Ban Kinh tế – Ngân sách and the Thường trực.
  const ktns = await createProgram(on('2025-12-10'), province, { bodyKind: 'committee', bodyId: id('body:province:committee:1'), year: 2026 });
  const pAct = await createActivity(on('2025-12-10'), province, ktns.id as string, {
    kind: 'thematic',
    title: 'Giám sát việc quản lý đầu tư xây dựng cơ bản và giải ngân vốn đầu tư công năm 2025',
    content: 'Tình hình lập, phân bổ, giải ngân kế hoạch vốn đầu tư công; chất lượng công trình xây dựng cơ bản tại các xã, phường.',
    fieldIds: [await fieldOf(province, 'Xây dựng')],
    subjectAgencyIds: [id('agency:so-xay-dung'), id('agency:ubnd-sa-huynh')],
    startDate: '2026-03-10',
    endDate: '2026-03-15',
  });
  ids.set('oversight:activity:province-ktns', pAct.activity.id as string);
  await adoptProgram(on('2025-12-15'), province, ktns.id as string, { adoptedOn: '2025-12-15', resolutionNumber: '05/KH-BKTNS' });
  await publishProgram(on('2025-12-16'), province, ktns.id as string, { published: true });
  ids.set('oversight:program:province-ktns', ktns.id as string);

  const standing = await createProgram(on('2025-12-10'), province, { bodyKind: 'standing', bodyId: id('body:province:standing'), year: 2026 });
  await createActivity(on('2025-12-10'), province, standing.id as string, {
    kind: 'hearing',
    title: 'Phiên giải trình về công tác khám bệnh, chữa bệnh bảo hiểm y tế tại tuyến xã',
    fieldIds: [await fieldOf(province, 'Y tế')],
    subjectAgencyIds: [id('agency:so-y-te')],
    startDate: '2026-06-18',
    endDate: '2026-06-18',
  });
  await adoptProgram(on('2025-12-20'), province, standing.id as string, { adoptedOn: '2025-12-20', resolutionNumber: '120/KH-TTHĐND' });
  await publishProgram(on('2025-12-20'), province, standing.id as string, { published: true });

  // Phường Sa Huỳnh: the Ban Kinh tế – Ngân sách, overlapping the province's Ban on the ward's UBND.
  const wKtns = await createProgram(on('2025-12-12'), ward, { bodyKind: 'committee', bodyId: id('body:sa-huynh:committee:0'), year: 2026 });
  const wAct = await createActivity(on('2025-12-12'), ward, wKtns.id as string, {
    kind: 'thematic',
    title: 'Giám sát việc quản lý, sử dụng vốn đầu tư công xây dựng các công trình trên địa bàn phường',
    content: 'Tiến độ, chất lượng các công trình đường giao thông, trường học xây dựng bằng vốn ngân sách phường năm 2025.',
    scope: 'Các công trình khởi công hoặc hoàn thành năm 2025 trên địa bàn phường.',
    plan: 'Nghe báo cáo của Ủy ban nhân dân phường; khảo sát thực tế 03 công trình; làm việc với ban quản lý dự án.',
    fieldIds: [await fieldOf(ward, 'Xây dựng')],
    subjectAgencyIds: [id('agency:ubnd-sa-huynh')],
    startDate: '2026-03-12',
    endDate: '2026-03-20',
  });
  const wardActivity = wAct.activity.id as string;
  ids.set('oversight:activity:sa-huynh-ktns', wardActivity);
  ids.set('oversight:program:sa-huynh-ktns', wKtns.id as string);
  await createActivity(on('2025-12-12'), ward, wKtns.id as string, {
    kind: 'survey',
    title: 'Khảo sát tình hình thu ngân sách và quản lý chợ Sa Huỳnh',
    fieldIds: [await fieldOf(ward, 'Tài chính – ngân sách')],
    subjectAgencyIds: [id('agency:ubnd-sa-huynh')],
    startDate: '2026-09-14',
    endDate: '2026-09-16',
  });
  await adoptProgram(on('2025-12-22'), ward, wKtns.id as string, {
    adoptedOn: '2025-12-22',
    resolutionNumber: '02/KH-BKTNS',
    overlapReason: 'Thống nhất với Ban Kinh tế – Ngân sách HĐND tỉnh: Ban phường tham gia buổi làm việc ngày 12/03 của Đoàn tỉnh và sử dụng kết quả của Đoàn; Ban phường chỉ khảo sát thêm các công trình do phường làm chủ đầu tư.',
  });
  await publishProgram(on('2025-12-22'), ward, wKtns.id as string, { published: true });

  // The ward's activity: founded on 20/02/2026, a working session, the UBND's report.
  const delegate = (n: number) => ids.get(`delegate:sa-huynh:${n}`) ?? null;
  await foundActivity(on('2026-02-20'), ward, wardActivity, {
    team: [
      { fullName: 'Phạm Thị Dung', position: 'Trưởng Ban Kinh tế – Ngân sách HĐND phường', role: 'leader', delegateId: delegate(3) },
      { fullName: 'Võ Thị Kim', position: 'Ủy viên Ban Kinh tế – Ngân sách HĐND phường', role: 'member' },
      { fullName: 'Bùi Thị Hoa', position: 'Ủy viên Ủy ban MTTQ Việt Nam phường (mời tham gia)', role: 'member' },
      { fullName: 'Lê Thị Mỹ', position: 'Chuyên viên Văn phòng HĐND và UBND phường', role: 'secretary' },
    ],
    signerName: 'Nguyễn Văn An',
  });
  const { notices } = await addWorkingSession(on('2026-02-25'), ward, wardActivity, { date: '2026-03-12', time: '08:00', place: 'Hội trường Ủy ban nhân dân phường Sa Huỳnh', agencyId: id('agency:ubnd-sa-huynh') });
  // both notices went out on time: the content and outline on 24/02, the schedule on 27/02
  for (const n of notices) await recordNoticeSent(on('2026-02-27'), ward, n.id as string, { sentOn: n.step === 'contentNotice' ? '2026-02-24' : '2026-02-27' });
  const pdf = demoPdf('Bao cao UBND phuong Sa Huynh ve quan ly von dau tu cong');
  await uploadActivityFile(on('2026-03-09'), id('agency:ubnd-sa-huynh'), wardActivity, { data: pdf, name: 'Bao-cao-von-dau-tu-cong-2025.pdf', type: 'application/pdf' }, {
    title: 'Báo cáo của Ủy ban nhân dân phường về quản lý, sử dụng vốn đầu tư công năm 2025',
  });
}

/** Topic proposals for the ward's 2027 programmes, sent before the 01/03/2026 collection date. */
export async function seedProposals(ctx: SeedContext): Promise<void> {
  const ward = ctx.ids.get('council:sa-huynh');
  const ubnd = ctx.ids.get('agency:ubnd-sa-huynh');
  if (!ward || !ubnd) return;
  const on = (day: string): OversightCtx => ({ db: ctx.db, actor: SYSTEM_ACTOR, now: at(day) });
  await createProposal(on('2026-02-10'), ward, {
    year: 2027, sourceKind: 'fatherland_front', sourceName: 'Ủy ban MTTQ Việt Nam phường Sa Huỳnh',
    title: 'Giám sát việc thực hiện chính sách hỗ trợ ngư dân khai thác hải sản xa bờ',
    need: 'Nhiều ý kiến cử tri các khu phố ven biển phản ánh việc chi trả hỗ trợ nhiên liệu còn chậm.', subjectAgencyIds: [ubnd],
  });
  await createProposal(on('2026-02-24'), ward, {
    year: 2027, sourceKind: 'delegate_group', sourceName: 'Tổ đại biểu số 1',
    title: 'Khảo sát công tác thu gom, xử lý rác thải sinh hoạt tại các khu dân cư', subjectAgencyIds: [ubnd],
  });
}
