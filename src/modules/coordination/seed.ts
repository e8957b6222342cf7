// Demo coordination data, through the module's own actions (numbers, follow-up items, audit agree):
// Sa Huỳnh's incoming register (a plan routed and overdue, a submission for the coming session,
// an answer to a petition replied, an arrival waiting to be routed, a scan), invitations of the
// ward's people's committee to the standing committee, the periodic reports the ward's committee
// owes for the year-end session; the province's reporting conference with its communes.
import { and, asc, eq } from 'drizzle-orm';
import type { SeedContext } from '../../server/module.ts';
import { addDays, todayInVietnam } from '../../domain/calendar/index.ts';
import { councilSessions } from '../sessions/schema.ts';
import { petitions } from '../petitions/schema.ts';
import { demoPdf } from '../sessions/seed.ts';
import { assignIncoming, ensureKinds, expectReport, finishIncoming, receiveInvitation, receiveReport, registerIncoming, stepInvitation, uploadIncomingFile } from './actions.ts';
import { planConference } from './conference.ts';

export async function seedCoordination(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const sh = ids.get('council:sa-huynh');
  const province = ids.get('council:province');
  const vp = ids.get('user:vp.sahuynh');
  const tt = ids.get('user:tt.sahuynh');
  const ubnd = ids.get('agency:ubnd-sa-huynh');
  const vpTinh = ids.get('user:vp.tinh');
  if (!sh || !province || !vp || !tt || !ubnd || !vpTinh) return;
  const today = todayInVietnam(ctx.today);
  const at = (actor: { id: string; name: string }, n: number) => ({ db, actor, now: new Date(`${addDays(today, -n)}T03:00:00Z`) });
  const VP = { id: vp, name: 'Lê Thị Mỹ' };
  const TT = { id: tt, name: 'Huỳnh Văn Đạt' };
  const iso = (n: number) => addDays(today, -n);
  const sender = 'Ủy ban nhân dân phường Sa Huỳnh';

  const [coming] = await db.select({ id: councilSessions.id, openingDate: councilSessions.openingDate }).from(councilSessions)
    .where(and(eq(councilSessions.councilId, sh), eq(councilSessions.state, 'planned'))).orderBy(asc(councilSessions.openingDate)).limit(1);
  const [petition] = await db.select({ id: petitions.id }).from(petitions).where(eq(petitions.councilId, sh)).orderBy(asc(petitions.number)).limit(1);

  // An answer to voters' petition, replied.
  const answer = await registerIncoming(at(VP, 30), sh, {
    receivedOn: iso(30), senderName: sender, senderAgencyId: ubnd, docSymbol: '190/UBND-KT', docDate: iso(31), kind: 'answer',
    summary: 'Văn bản trả lời kiến nghị của cử tri về sửa chữa đường bê tông thôn Tân Diêm.', ...(petition ? { petitionId: petition.id } : {}),
  });
  await assignIncoming(at(VP, 30), sh, answer.id, { handlerUserId: vp, workingDays: 5 });
  await finishIncoming(at(VP, 27), sh, answer.id, { outcome: 'reply', note: 'Đã thông báo kết quả trả lời đến cử tri qua Ủy ban MTTQ phường.' }, { manager: true });

  // A plan routed to the standing member with a deadline now past.
  const plan = await registerIncoming(at(VP, 20), sh, {
    receivedOn: iso(20), receivedTime: '08:30', senderName: sender, senderAgencyId: ubnd, docSymbol: '215/KH-UBND', docDate: iso(22), kind: 'plan',
    summary: 'Kế hoạch tổ chức đối thoại với Nhân dân về công tác bồi thường, giải phóng mặt bằng tuyến đường ven biển.',
  });
  await assignIncoming(at(VP, 20), sh, plan.id, { handlerUserId: tt, workingDays: 5, note: 'Đề nghị đồng chí Phó Chủ tịch cho ý kiến, cử đại diện Thường trực dự đối thoại.' });
  await uploadIncomingFile(at(VP, 20), sh, plan.id, { name: '215-KH-UBND.pdf', type: 'application/pdf', data: demoPdf('Kế hoạch 215/KH-UBND') });

  // The committee's submission for the coming session, routed to the secretariat.
  const sub = await registerIncoming(at(VP, 6), sh, {
    receivedOn: iso(6), senderName: sender, senderAgencyId: ubnd, docSymbol: '88/TTr-UBND', docDate: iso(7), kind: 'submission', urgency: 'urgent',
    summary: 'Tờ trình về dự toán ngân sách phường và phân bổ ngân sách năm sau, trình kỳ họp cuối năm.', ...(coming ? { sessionId: coming.id } : {}),
  });
  await assignIncoming(at(VP, 6), sh, sub.id, { handlerUserId: vp, workingDays: 7, note: 'Chuyển Ban Kinh tế – Ngân sách thẩm tra.' });

  // Invitations: one coming (accepted), one held and attended, one delegated to the secretariat.
  const inv = await registerIncoming(at(VP, 3), sh, {
    receivedOn: iso(3), senderName: sender, senderAgencyId: ubnd, docSymbol: '97/GM-UBND', docDate: iso(4), kind: 'invitation',
    summary: 'Giấy mời dự phiên họp thường kỳ tháng của Ủy ban nhân dân phường.',
  });
  // Arrived this morning, waiting to be routed.
  await registerIncoming(at(VP, 0), sh, {
    receivedOn: today, receivedTime: '07:45', senderName: 'Chi cục Thuế khu vực Đức Phổ', docSymbol: '512/CCT-NV', docDate: iso(2), kind: 'result',
    summary: 'Báo cáo kết quả thu ngân sách nhà nước trên địa bàn phường 11 tháng.',
  });

  const meeting = new Date(`${addDays(today, 5)}T01:00:00Z`);
  const coming1 = await receiveInvitation(at(VP, 3), sh, {
    title: 'Phiên họp thường kỳ tháng của Ủy ban nhân dân phường', organizerName: sender, organizerAgencyId: ubnd,
    startsAt: meeting.toISOString(), endsAt: new Date(meeting.getTime() + 3 * 3600_000).toISOString(), location: 'Hội trường UBND phường Sa Huỳnh', inviteeUserId: tt, incomingDocumentId: inv.id,
  });
  await stepInvitation(at(TT, 2), sh, coming1.id, { action: 'accept' }, { manager: false });
  const held = new Date(`${addDays(today, -12)}T07:00:00Z`);
  const past = await receiveInvitation(at(VP, 16), sh, {
    title: 'Hội nghị thông qua dự thảo Tờ trình dự toán ngân sách', organizerName: sender, organizerAgencyId: ubnd,
    startsAt: held.toISOString(), location: 'Phòng họp UBND phường', inviteeUserId: tt, ...(coming ? { sessionId: coming.id } : {}),
  });
  await stepInvitation(at(TT, 15), sh, past.id, { action: 'accept' }, { manager: false });
  await stepInvitation(at(TT, 11), sh, past.id, { action: 'attended', notes: 'Thường trực đề nghị làm rõ nguồn vốn sửa chữa đường ven biển trước khi trình kỳ họp.' }, { manager: false });
  const dialog = await receiveInvitation(at(VP, 2), sh, {
    title: 'Đối thoại với Nhân dân về bồi thường, giải phóng mặt bằng', organizerName: sender, organizerAgencyId: ubnd,
    startsAt: new Date(`${addDays(today, 9)}T07:30:00Z`).toISOString(), location: 'Nhà văn hóa thôn Thạnh Đức', inviteeUserId: tt,
  });
  await stepInvitation(at(TT, 1), sh, dialog.id, { action: 'delegate', attendeeUserId: vp, note: 'Trùng lịch làm việc với Thường trực HĐND tỉnh.' }, { manager: false });

  // Periodic reports the ward's committee owes for the year-end session.
  await db.transaction((tx) => ensureKinds(tx, sh));
  await db.transaction((tx) => ensureKinds(tx, province));
  const year = Number(today.slice(0, 4));
  const reportOf = (kindKey: string) => ({ kindKey, agencyId: ubnd, year, period: 'year_end' as const, ...(coming ? { sessionId: coming.id } : { due: addDays(today, 5) }) });
  const work = await expectReport(at(VP, 25), sh, reportOf('ubnd_work'));
  await expectReport(at(VP, 25), sh, reportOf('socio_economic'));
  await expectReport(at(VP, 25), sh, reportOf('complaints_petitions'));
  // The mid-year work report, received after its due date.
  const mid = await expectReport(at(VP, 200), sh, { kindKey: 'ubnd_work', agencyId: ubnd, year, period: 'mid_year', due: iso(160) });
  await receiveReport(at(VP, 150), sh, mid.id, { receivedOn: iso(150) });
  void work;

  // The province's reporting conference with the communes (held a week ago).
  await planConference(at({ id: vpTinh, name: 'Nguyễn Thị Hồng' }, 14), province, {
    title: `Hội nghị trực báo Thường trực HĐND tỉnh với Thường trực HĐND các xã, phường, đặc khu năm ${year}`,
    heldOn: iso(7), periodFrom: `${year}-01-01`, periodTo: iso(7), chairName: 'đồng chí Chủ tịch HĐND tỉnh',
    place: 'Hội trường HĐND tỉnh Quảng Ngãi', sites: 13, attendees: 'Thường trực HĐND tỉnh, lãnh đạo các Ban HĐND tỉnh, Thường trực HĐND các xã, phường, đặc khu',
  });
}
