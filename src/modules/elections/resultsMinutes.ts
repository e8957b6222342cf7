// Biên bản xác định kết quả bầu cử (Mẫu số 24, NQ 40/NQ-HĐBCQG) of one unit and round, from the
// confirmed minutes (frozen figures and outcome), laid out by the documents engine's renderer
// (ND30). The Ban's minutes are its own record: not numbered in a council's register.
import { and, eq } from 'drizzle-orm';
import { BALLOT_TYPE_LABELS, ROUND_KIND_LABELS, percentOf, type RoundKind, type TallyFigures, type UnitOutcome } from '../../domain/elections/index.ts';
import { computeUnitResult } from './winners.ts';
import type { DocumentContent } from '../../domain/documents/content.ts';
import { formatShortDate, upperVi } from '../../domain/documents/format.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { renderDocx } from '../documents/render/docx.ts';
import { councilPlace, type DbOrTx } from './common.ts';
import { resultMinutes } from './daySchema.ts';
import { loadUnits, type DayElection } from './tallyScope.ts';

const n = (x: number) => x.toLocaleString('vi-VN');
const p = (x: number) => `${x.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

export async function unitMinutesDocx(db: DbOrTx, election: DayElection, unitId: string, round: string) {
  const unit = (await loadUnits(db, election)).find((u) => u.id === unitId);
  if (!unit) throw notFound('đơn vị bầu cử');
  const [m] = await db.select().from(resultMinutes).where(and(eq(resultMinutes.electionId, election.id), eq(resultMinutes.scope, 'unit'), eq(resultMinutes.unitId, unitId), eq(resultMinutes.round, round)));
  // Before the Ban confirms: a draft from the locked sheets so far, marked as such.
  const live = m ? null : await computeUnitResult(db, election, unit, round as RoundKind);
  if (!m && (!live?.rollUp || !live.outcome)) throw conflict('Chưa có biên bản kết quả kiểm phiếu nào đã khóa sổ của đơn vị bầu cử này.');
  const f = (m ? m.figures : live!.rollUp!.figures) as TallyFigures;
  const o = (m ? m.outcome : live!.outcome) as UnitOutcome;
  const draftNote = live ? [{ type: 'paragraph' as const, text: [{ text: `Dự thảo: Ban bầu cử chưa xác nhận kết quả${live.missingAreas.length ? `; chưa có biên bản đã khóa sổ của ${live.missingAreas.map((a) => `khu vực bỏ phiếu số ${a.number}`).join(', ')}` : ''}.`, italic: true }] }] : [];
  const place = await councilPlace(db, unit.councilId);
  const council = unit.ballotType === 'na' ? 'đại biểu Quốc hội' : `đại biểu Hội đồng nhân dân ${unit.ballotType === 'province' ? place.province.name.replace(/^Tỉnh /, 'tỉnh ') : place.unit.name.replace(/^(Xã|Phường)/, (x) => x.toLowerCase())}`;
  const date = (m?.confirmedAt ?? new Date()).toISOString().slice(0, 10);
  const content: DocumentContent = {
    header: {
      parentBody: upperVi(`Ủy ban bầu cử ${unit.ballotType === 'commune' ? place.unit.name : place.province.name}`),
      issuingBody: upperVi(`Ban bầu cử ${council}\nđơn vị bầu cử số ${unit.number}`),
      numberLine: '',
      place: (unit.ballotType === 'commune' ? place.unit.name : place.province.name).replace(/^(Xã|Phường|Tỉnh|Đặc khu) /, ''),
      date,
    },
    kindTitle: m ? 'BIÊN BẢN' : 'BIÊN BẢN (DỰ THẢO)',
    subject: `Xác định kết quả bầu cử ${council}\nở ${unit.name}${round === 'first' ? '' : ` (${ROUND_KIND_LABELS[round as 'revote' | 'additional'].toLowerCase()})`}`,
    body: [
      ...draftNote,
      { type: 'paragraph', text: `Ban bầu cử ${council} ở ${unit.name} xác định kết quả bầu cử (${BALLOT_TYPE_LABELS[unit.ballotType]}) như sau:` },
      { type: 'list', style: 'bullets', items: [
        `Số đại biểu được bầu: ${unit.seats}${f.seats !== unit.seats ? ` (bầu thêm ${f.seats})` : ''}.`,
        `Số người ứng cử: ${f.candidates.length}.`,
        `Tổng số cử tri của đơn vị bầu cử: ${n(f.votersOnList)}.`,
        `Số cử tri đã tham gia bỏ phiếu: ${n(f.votersVoted)}, đạt tỷ lệ ${p(percentOf(f.votersVoted, f.votersOnList))} so với tổng số cử tri.`,
        `Số phiếu phát ra: ${n(f.ballotsIssued)}; số phiếu thu vào: ${n(f.ballotsReceived)}.`,
        `Số phiếu hợp lệ: ${n(f.validBallots)}, đạt tỷ lệ ${p(percentOf(f.validBallots, f.ballotsReceived))} so với tổng số phiếu thu vào.`,
        `Số phiếu không hợp lệ: ${n(f.invalidBallots)}, chiếm tỷ lệ ${p(percentOf(f.invalidBallots, f.ballotsReceived))} so với tổng số phiếu thu vào.`,
      ] },
      { type: 'paragraph', indent: false, text: [{ text: 'Số phiếu bầu cho mỗi người ứng cử:', bold: true }] },
      { type: 'table', columns: [{ title: 'STT', width: 8, align: 'center' }, { title: 'Họ và tên', width: 42 }, { title: 'Số phiếu bầu', width: 20, align: 'right' }, { title: 'Tỷ lệ so với số phiếu hợp lệ', width: 30, align: 'right' }],
        rows: [...o.candidates].sort((a, b) => b.votes - a.votes).map((c, i) => [String(i + 1), c.name, n(c.votes), p(c.percent)]) },
      { type: 'paragraph', indent: false, text: [{ text: 'Danh sách những người trúng cử (theo thứ tự số phiếu từ cao xuống thấp):', bold: true }] },
      o.winners.length
        ? { type: 'table', columns: [{ title: 'STT', width: 8, align: 'center' }, { title: 'Họ và tên', width: 42 }, { title: 'Số phiếu bầu', width: 20, align: 'right' }, { title: 'Tỷ lệ', width: 30, align: 'right' }],
          rows: o.winners.map((w, i) => [String(i + 1), w.name, n(w.votes), p(w.percent)]) }
        : { type: 'paragraph', text: 'Không có người trúng cử.' },
      { type: 'paragraph', indent: false, text: [{ text: 'Căn cứ xác định kết quả:', bold: true }] },
      { type: 'list', style: 'bullets', items: [...o.reasons, ...o.candidates.map((c) => c.reason)] },
      { type: 'paragraph', text: `Số đại biểu được bầu: ${unit.seats}; số người trúng cử: ${o.winners.length}; số đại biểu còn thiếu: ${o.seatsLeft}.` },
      { type: 'paragraph', text: `Biên bản được lập ngày ${formatShortDate(date)}.` },
    ],
    signature: { lines: ['TM. BAN BẦU CỬ', 'TRƯỞNG BAN'], signerName: '(ký tên, đóng dấu)' },
    recipients: [],
  };
  return { bytes: await renderDocx(content), fileName: `Bien-ban-xac-dinh-ket-qua-don-vi-${unit.number}-${round}.docx` };
}
