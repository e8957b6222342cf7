// Demo training (through the module's own actions): the province runs a trainers' class for the
// ward's chair and vice-chair; Sa Huỳnh relays it in a local class taught by them for its new
// delegates (finished: most completed, one short of the share, one excused; the demo delegate
// holds a certificate); a second required course for the delegate groups' leaders has no class yet.
import type { SeedContext } from '../../server/module.ts';
import { addMaterial, createClass, createCourse, enrolAudience, enrolDelegate, excuseEnrolment, issueCertificate, markAttendance, setClassState } from './actions.ts';
import { classDetail } from './queries.ts';
import { today } from './common.ts';

const daysBefore = (d: Date, n: number) => new Date(d.getTime() - n * 86_400_000);

export async function seedTraining(ctx: SeedContext): Promise<void> {
  const province = ctx.ids.get('council:province');
  const sh = ctx.ids.get('council:sa-huynh');
  const vpTinh = ctx.ids.get('user:vp.tinh');
  const vp = ctx.ids.get('user:vp.sahuynh');
  if (!province || !sh || !vpTinh || !vp) return;
  const iso = (n: number) => today(daysBefore(ctx.today, n));
  const asTinh = { db: ctx.db, actor: { id: vpTinh, name: 'Nguyễn Thị Hồng' }, now: daysBefore(ctx.today, 30) };
  const at = (n: number) => ({ db: ctx.db, actor: { id: vp, name: 'Lê Thị Mỹ' }, now: daysBefore(ctx.today, n) });
  const d = (i: number) => ctx.ids.get(`delegate:sa-huynh:${i}`)!;

  const trainersCourse = await createCourse(asTinh, province, {
    termId: ctx.ids.get('term:province')!, title: 'Bồi dưỡng báo cáo viên về kỹ năng hoạt động của đại biểu HĐND cấp xã',
    programme: 'Kế hoạch bồi dưỡng đại biểu HĐND nhiệm kỳ 2026–2031', host: 'Thường trực HĐND tỉnh, Sở Nội vụ', mode: 'mixed',
    audience: [{ kind: 'body_kind', bodyKind: 'standing' }], required: false,
  });
  const trainers = await createClass(asTinh, province, trainersCourse.id, {
    kind: 'trainers', title: 'Lớp báo cáo viên cấp xã – đợt 1', place: 'Hội trường HĐND tỉnh', startsOn: iso(45), endsOn: iso(44),
    sessions: [{ heldOn: iso(45), topic: 'Vai trò, nhiệm vụ, quyền hạn của đại biểu HĐND cấp xã' }, { heldOn: iso(44), topic: 'Phương pháp truyền đạt cho lớp nhân rộng' }],
  });
  for (const i of [0, 1]) await enrolDelegate(asTinh, province, trainers.id, { delegateId: d(i) });
  const tinhLater = { ...asTinh, now: daysBefore(ctx.today, 43) };
  const tc = await classDetail(ctx.db, province, trainers.id, iso(43));
  for (const s of tc.sessions) await markAttendance(tinhLater, province, s.id, { marks: [0, 1].map((i) => ({ delegateId: d(i), status: 'present' as const })) });
  await setClassState(tinhLater, province, trainers.id, 'finished');

  const course = await createCourse(at(30), sh, {
    termId: ctx.ids.get('term:sa-huynh')!, title: 'Kỹ năng hoạt động của đại biểu HĐND phường', programme: 'Kế hoạch bồi dưỡng đại biểu HĐND nhiệm kỳ 2026–2031',
    host: 'Thường trực HĐND phường Sa Huỳnh', mode: 'in_person', audience: [{ kind: 'new_delegates' }],
    description: 'Chức năng của HĐND phường; kỳ họp; tiếp xúc cử tri; chất vấn; giám sát.',
  });
  await createCourse(at(30), sh, {
    termId: ctx.ids.get('term:sa-huynh')!, title: 'Kỹ năng điều hành Tổ đại biểu', host: 'Thường trực HĐND phường Sa Huỳnh',
    audience: [{ kind: 'body_kind', bodyKind: 'delegate_group', roles: ['chair', 'vice_chair'] }],
  });
  // A one-page PDF of the course's programme (a real, minimal PDF so that it is accepted by content).
  await addMaterial(at(26), sh, course.id, { data: new TextEncoder().encode(DEMO_PDF), name: 'Chuong-trinh-boi-duong.pdf', type: 'application/pdf' }, { title: 'Chương trình bồi dưỡng (khung)' });
  const local = await createClass(at(25), sh, course.id, {
    kind: 'local', parentClassId: trainers.id, title: 'Lớp bồi dưỡng đại biểu HĐND phường Sa Huỳnh', place: 'Hội trường UBND phường Sa Huỳnh',
    startsOn: iso(20), endsOn: iso(18), trainers: [0, 1].map((i) => ({ name: `Báo cáo viên ${i + 1}`, delegateId: d(i) })),
    sessions: [
      { heldOn: iso(20), topic: 'Chức năng, nhiệm vụ của HĐND phường' },
      { heldOn: iso(19), topic: 'Kỳ họp, chất vấn và trả lời chất vấn' },
      { heldOn: iso(18), topic: 'Tiếp xúc cử tri, tiếp công dân, giám sát' },
    ],
  });
  await enrolAudience(at(21), sh, local.id, {});
  const detail = await classDetail(ctx.db, sh, local.id, iso(18));
  const byName = new Map(detail.enrolments.map((e) => [e.delegateId, e.id]));
  await excuseEnrolment(at(21), sh, byName.get(d(4))!, { reason: 'Đi công tác dài ngày theo quyết định của cấp trên; học lớp sau.' });
  for (const [k, s] of detail.sessions.entries()) {
    const marks = [0, 1, 2, 3, 5].map((i) => ({ delegateId: d(i), status: (i === 5 && k > 0 ? 'absent' : 'present') as 'present' | 'absent' }));
    await markAttendance(at(18 - 0), sh, s.id, { marks });
  }
  await setClassState(at(17), sh, local.id, 'finished');
  await issueCertificate(at(16), sh, byName.get(d(3))!, { signerName: 'Huỳnh Văn Đạt', signerTitle: 'Phó Chủ tịch' });
}

const DEMO_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 60 >> stream
BT /F1 16 Tf 72 770 Td (Chuong trinh boi duong dai bieu HDND) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;
