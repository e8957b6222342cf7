// Demo letters of Sa Huỳnh (within the 40 days of holidays the demo's calendar covers back): a
// complaint forwarded to the ward's people's committee,
// a request guided, a denunciation (its identity protected) forwarded, and one received by a
// delegate — through the module's own actions, so states, numbers and follow-up agree.
import type { SeedContext } from '../../server/module.ts';
import { closeWithoutForwarding, forwardLetter, receiveLetter } from './actions.ts';
import { recordReception } from './receptions.ts';
import { attachToLetter, attachToReception } from './attachments.ts';
import { setLetterField } from './fields.ts';
import { publishReceptionDay, requestOnlineReception } from './online.ts';
import { loadCalendar } from './common.ts';
import { LETTERS_2026_DATE } from '../../domain/letters/index.ts';

/** A one-page scan (a valid 1×1 PNG) for the demo's attachments. */
const SCAN = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

const daysBefore = (today: Date, n: number) => new Date(today.getTime() - n * 86_400_000);

export async function seedLetters(ctx: SeedContext): Promise<void> {
  const councilId = ctx.ids.get('council:sa-huynh');
  const vp = ctx.ids.get('user:vp.sahuynh');
  const ubnd = ctx.ids.get('agency:ubnd-sa-huynh');
  if (!councilId || !vp || !ubnd) return;
  const actor = { id: vp, name: 'Lê Thị Mỹ' };
  const at = (n: number) => ({ db: ctx.db, actor, now: daysBefore(ctx.today, n) });
  const iso = (n: number) => daysBefore(ctx.today, n).toISOString().slice(0, 10);

  const complaint = await receiveLetter(at(35), councilId, {
    receivedOn: iso(35), channel: 'reception', kinds: ['complaint'],
    summary: 'Khiếu nại việc bồi thường khi thu hồi đất làm đường ven biển tại thôn Thạnh Đức chưa đúng diện tích thực tế.',
    respondent: 'Ủy ban nhân dân phường Sa Huỳnh', signers: [{ name: 'Phạm Văn Lộc', address: 'Thôn Thạnh Đức, phường Sa Huỳnh', idNumber: '051080001234' }],
  });
  await setLetterField(at(35), councilId, complaint.letters[0]!.id, { fieldCode: 'land' });
  await attachToLetter(at(35), councilId, complaint.letters[0]!.id, { data: SCAN, name: 'Don-khieu-nai-Pham-Van-Loc.png', type: 'image/png' }, 'handwriting');
  await forwardLetter(at(33), councilId, complaint.letters[0]!.id, { agencyId: ubnd, signerName: 'Huỳnh Văn Đạt' });

  const request = await receiveLetter(at(20), councilId, {
    receivedOn: iso(20), channel: 'post', kinds: ['request'],
    summary: 'Đề nghị sửa chữa cống thoát nước trước chợ Sa Huỳnh thường xuyên bị tắc, gây ngập khi mưa lớn.',
    signers: [{ name: 'Nguyễn Thị Thu', address: 'Tổ dân phố Long Thạnh 1' }],
  });
  await closeWithoutForwarding(at(19), councilId, request.letters[0]!.id, 'guide', { note: 'Hướng dẫn công dân gửi kiến nghị đến Ủy ban nhân dân phường (bộ phận một cửa).' });

  const denunciation = await receiveLetter(at(10), councilId, {
    receivedOn: iso(10), channel: 'post', kinds: ['denunciation'],
    summary: 'Tố cáo cán bộ địa chính phường nhận tiền để xác nhận hồ sơ cấp giấy chứng nhận quyền sử dụng đất.',
    respondent: 'Cán bộ địa chính phường Sa Huỳnh', signers: [{ name: 'Trần Văn Hùng', address: 'Thôn Châu Me, phường Sa Huỳnh', idNumber: '051075009876' }],
  });
  await forwardLetter(at(9), councilId, denunciation.letters[0]!.id, { agencyId: ubnd, signerName: 'Huỳnh Văn Đạt' });

  // A letter a delegate received at a contact with voters, on their own list.
  const delegateUser = ctx.ids.get('user:daibieu.sahuynh');
  const delegateId = ctx.ids.get('delegate:sa-huynh:3');
  if (delegateUser && delegateId) {
    await receiveLetter({ db: ctx.db, actor: { id: delegateUser, name: 'Đặng Văn Tín' }, now: daysBefore(ctx.today, 5) }, councilId, {
      receivedOn: iso(5), channel: 'delegate', kinds: ['feedback'], delegateId,
      summary: 'Phản ánh bãi đỗ xe tự phát lấn chiếm vỉa hè trước chợ Sa Huỳnh.', signers: [{ name: 'Hà Thị Sen', address: 'Tổ dân phố Long Thạnh 1' }],
    });
  }
  // The standing committee's monthly reception day: one citizen received, a feedback guided.
  const reception = await recordReception(at(15), councilId, {
    receivedOn: iso(15), mode: 'in_person', receiverKind: 'standing_committee', citizenName: 'Đoàn Văn Quý', citizenAddress: 'Thôn Tân Diêm, phường Sa Huỳnh',
    idDocument: '051072003456', proxy: false, authorisationRef: null, summary: 'Phản ánh đường bê tông thôn Tân Diêm bị sụt lún sau mưa lũ.',
    request: 'Đề nghị sửa chữa trước mùa mưa bão.', kinds: ['feedback'], peopleCount: 3, priorHandling: null, withinCompetence: false,
    guidance: { body: 'Ủy ban nhân dân phường Sa Huỳnh', letterNumber: null }, forwarding: null,
    outcome: 'Ghi nhận; hướng dẫn công dân gửi phản ánh đến Ủy ban nhân dân phường; Thường trực sẽ theo dõi.', followUp: null,
  }, { delegateId: null });
  await attachToReception(at(15), councilId, reception.id, { data: SCAN, name: 'Anh-duong-sut-lun-Tan-Diem.png', type: 'image/png' }, 'evidence', { userId: vp, delegateId: null, staff: true });

  // The standing committee's next reception day with online slots (from 01/07/2026), and one citizen's request.
  const calendar = await loadCalendar(ctx.db);
  let on = iso(-15);
  for (let i = 0; i < 10 && !calendar.isWorkingDay(on); i++) on = iso(-15 - i - 1);
  if (on >= LETTERS_2026_DATE && calendar.isWorkingDay(on)) {
    const day = await publishReceptionDay(at(0), councilId, { on, receiverKind: 'standing_committee', place: 'Trụ sở HĐND, UBND phường Sa Huỳnh', onlineSlots: 4 });
    await requestOnlineReception({ db: ctx.db, actor: { id: null, name: 'Công dân' }, now: ctx.today }, councilId, day.id, {
      citizenName: 'Võ Thị Hạnh', citizenAddress: 'Thôn Thạnh Đức, phường Sa Huỳnh', idDocument: '051088004321', phone: '0905111222',
      summary: 'Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất ở bị chậm.',
    }, 'demo');
  }
}
