// The Ủy ban bầu cử's documents of one council level (NQ 40/NQ-HĐBCQG): the Biên bản tổng kết cuộc
// bầu cử (Mẫu số 25: the units and their communes; per unit voters, voted, %, valid, invalid; votes
// per candidate; winners; re-votes and additional rounds; complaints) and the Danh sách những người
// trúng cử (Mẫu số 26), from the results (the confirmed minutes where they exist, otherwise a draft
// from the locked tally sheets, marked so), laid out by the documents engine's renderer (ND30).
import { and, eq, inArray } from 'drizzle-orm';
import { BALLOT_TYPE_LABELS, ROUND_KIND_LABELS, percentOf, type BallotType, type TallyFigures, type UnitOutcome } from '../../domain/elections/index.ts';
import type { Block, DocumentContent } from '../../domain/documents/content.ts';
import { formatShortDate, upperVi } from '../../domain/documents/format.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { renderDocx } from '../documents/render/docx.ts';
import { todayInVietnam } from '../../domain/calendar/index.ts';
import { adminUnits } from '../directory/schema.ts';
import { councilPlace, type DbOrTx } from './common.ts';
import { resultComplaints, resultMinutes } from './daySchema.ts';
import { candidates, electoralUnits } from './schema.ts';
import { levelResults } from './results.ts';
import type { DayElection } from './tallyScope.ts';

/** "phường Sa Huỳnh", "tỉnh Quảng Ngãi": the unit's type word (lower case inside a sentence) and name. */
const KIND_WORD: Record<string, string> = { tinh: 'tỉnh', thanh_pho_tw: 'thành phố', xa: 'xã', phuong: 'phường', thi_tran: 'thị trấn', dac_khu: 'đặc khu' };
const named = (u: { type: string; name: string }) => `${KIND_WORD[u.type] ?? ''} ${u.name}`.trim();

const n = (x: number) => x.toLocaleString('vi-VN');
const p = (x: number) => `${x.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

async function levelOf(db: DbOrTx, election: DayElection, ballotType: BallotType) {
  if (!election.ballotTypes.includes(ballotType)) throw notFound('cấp bầu cử của cuộc bầu cử này');
  const level = await levelResults(db, election, ballotType);
  if (!level.units.length) throw notFound('đơn vị bầu cử của cấp này');
  if (level.units.every((u) => u.rounds.every((r) => !r.figures))) throw conflict('Chưa có biên bản kết quả kiểm phiếu nào đã khóa sổ ở cấp này.');
  // The level's place: a commune level is named by the commune whose council holds its units.
  const unitRows = await db.select({ id: electoralUnits.id, councilId: electoralUnits.councilId, unitIds: electoralUnits.unitIds }).from(electoralUnits).where(inArray(electoralUnits.id, level.units.map((u) => u.unit.id)));
  const place = await councilPlace(db, unitRows[0]!.councilId);
  const communeIds = [...new Set(unitRows.flatMap((u) => u.unitIds))];
  const communes = communeIds.length ? await db.select({ id: adminUnits.id, name: adminUnits.name }).from(adminUnits).where(inArray(adminUnits.id, communeIds)) : [];
  const communeName = new Map(communes.map((c) => [c.id, c.name]));
  const communesOf = new Map(unitRows.map((u) => [u.id, u.unitIds.map((id) => communeName.get(id)).filter(Boolean) as string[]]));
  const placeName = named(ballotType === 'commune' ? place.unit : place.province);
  const council = ballotType === 'na' ? 'đại biểu Quốc hội' : `đại biểu Hội đồng nhân dân ${placeName}`;
  const confirmed = !!level.summary;
  return { level, place, placeName, council, communesOf, confirmed };
}

function header(placeName: string, plainName: string, date: string) {
  return { parentBody: '', issuingBody: upperVi(`Ủy ban bầu cử\n${placeName}`), numberLine: '', place: plainName, date };
}

const draftNote = (why: string): Block => ({ type: 'paragraph', text: [{ text: `Dự thảo: ${why}`, italic: true }] });

/** Mẫu số 25: Biên bản tổng kết cuộc bầu cử of one level. */
export async function levelSummaryDocx(db: DbOrTx, election: DayElection, ballotType: BallotType, now: Date) {
  const { level, place, placeName, council, communesOf, confirmed } = await levelOf(db, election, ballotType);
  const plain = (ballotType === 'commune' ? place.unit : place.province).name;
  const date = todayInVietnam(level.summary?.confirmedAt ? new Date(level.summary.confirmedAt as unknown as string) : now);
  const unconfirmed = level.units.filter((u) => u.rounds.some((r) => !r.confirmed)).map((u) => u.unit.name);
  const body: Block[] = [];
  if (!confirmed) body.push(draftNote(`Ủy ban bầu cử chưa lập biên bản tổng kết${unconfirmed.length ? `; chưa xác nhận kết quả của ${unconfirmed.join(', ')}` : ''}.`));
  const totalSeats = level.units.reduce((s, u) => s + u.unit.seats, 0);
  body.push({ type: 'paragraph', text: `Ủy ban bầu cử ${placeName} tổng kết cuộc bầu cử ${council} (${BALLOT_TYPE_LABELS[ballotType]}) ngày ${formatShortDate(election.electionDay)} như sau:` });
  body.push({ type: 'list', style: 'bullets', items: [`Tổng số đơn vị bầu cử: ${level.units.length}.`, `Tổng số đại biểu được bầu: ${totalSeats}.`, `Tổng số người ứng cử: ${level.units.reduce((s, u) => s + ((u.rounds[0]?.figures as TallyFigures | null)?.candidates.length ?? 0), 0)}.`] });
  body.push({ type: 'paragraph', indent: false, text: [{ text: '1. Các đơn vị bầu cử và số liệu của từng đơn vị:', bold: true }] });
  const figRows: string[][] = [];
  let sum = { list: 0, voted: 0, valid: 0, invalid: 0, received: 0 };
  for (const u of level.units) {
    const first = u.rounds.find((r) => r.round === 'first');
    const f = first?.figures as TallyFigures | null | undefined;
    if (f) sum = { list: sum.list + f.votersOnList, voted: sum.voted + f.votersVoted, valid: sum.valid + f.validBallots, invalid: sum.invalid + f.invalidBallots, received: sum.received + f.ballotsReceived };
    const communes = communesOf.get(u.unit.id) ?? [];
    figRows.push([String(u.unit.number), `${u.unit.name}${communes.length ? ` (gồm ${communes.join(', ')})` : ''}`, String(u.unit.seats), f ? n(f.votersOnList) : '—', f ? n(f.votersVoted) : '—', f ? p(percentOf(f.votersVoted, f.votersOnList)) : '—', f ? n(f.validBallots) : '—', f ? n(f.invalidBallots) : '—']);
  }
  figRows.push(['', 'Tổng cộng', String(totalSeats), n(sum.list), n(sum.voted), p(percentOf(sum.voted, sum.list)), n(sum.valid), n(sum.invalid)]);
  body.push({ type: 'table', fontSize: 11, columns: [
    { title: 'Số đơn vị', width: 8, align: 'center' }, { title: 'Đơn vị bầu cử', width: 30 }, { title: 'Số đại biểu được bầu', width: 9, align: 'center' },
    { title: 'Tổng số cử tri', width: 11, align: 'right' }, { title: 'Số cử tri đã bỏ phiếu', width: 11, align: 'right' }, { title: 'Tỷ lệ', width: 9, align: 'right' },
    { title: 'Số phiếu hợp lệ', width: 11, align: 'right' }, { title: 'Số phiếu không hợp lệ', width: 11, align: 'right' },
  ], rows: figRows });
  body.push({ type: 'paragraph', indent: false, text: [{ text: '2. Số phiếu bầu cho mỗi người ứng cử và người trúng cử ở từng đơn vị bầu cử:', bold: true }] });
  const extra: string[] = [];
  for (const u of level.units) {
    for (const r of u.rounds) {
      const o = r.outcome as UnitOutcome | null;
      if (!o) continue;
      const label = `Đơn vị bầu cử số ${u.unit.number}${r.round === 'first' ? '' : ` — ${ROUND_KIND_LABELS[r.round as 'revote' | 'additional'].toLowerCase()}`}${r.confirmed ? '' : ' (chưa xác nhận)'}`;
      if (r.round !== 'first') extra.push(`${label}: ${o.winners.length} người trúng cử.`);
      body.push({ type: 'paragraph', indent: false, text: [{ text: label, italic: true }] });
      body.push({ type: 'table', fontSize: 11, columns: [{ title: 'STT', width: 7, align: 'center' }, { title: 'Họ và tên', width: 40 }, { title: 'Số phiếu bầu', width: 15, align: 'right' }, { title: 'Tỷ lệ so với số phiếu hợp lệ', width: 18, align: 'right' }, { title: 'Kết quả', width: 20 }],
        rows: [...o.candidates].sort((a, b) => b.votes - a.votes).map((c, i) => [String(i + 1), c.name, n(c.votes), p(c.percent), c.outcome === 'elected' ? 'Trúng cử' : 'Không trúng cử']) });
      body.push({ type: 'paragraph', text: `Số đại biểu được bầu: ${u.unit.seats}; số người trúng cử: ${o.winners.length}; số đại biểu còn thiếu: ${o.seatsLeft}.${o.resultCounts ? '' : ' Số cử tri đi bầu chưa quá một nửa tổng số cử tri: phải bầu cử lại.'}` });
    }
  }
  body.push({ type: 'paragraph', indent: false, text: [{ text: '3. Bầu cử lại, bầu cử thêm:', bold: true }] });
  body.push({ type: 'paragraph', text: extra.length ? extra.join(' ') : 'Không có đơn vị bầu cử nào phải bầu cử lại hoặc bầu cử thêm.' });
  const [complaints] = await Promise.all([
    db.select({ state: resultComplaints.state }).from(resultComplaints).innerJoin(resultMinutes, eq(resultMinutes.id, resultComplaints.minutesId)).where(and(eq(resultComplaints.electionId, election.id), eq(resultMinutes.ballotType, ballotType))),
  ]);
  body.push({ type: 'paragraph', indent: false, text: [{ text: '4. Những việc quan trọng đã xảy ra và kết quả giải quyết; khiếu nại, tố cáo:', bold: true }] });
  body.push({ type: 'paragraph', text: complaints.length ? `Đã nhận ${complaints.length} khiếu nại về kết quả bầu cử; đã giải quyết ${complaints.filter((c) => c.state === 'decided').length}.` : 'Không có khiếu nại về kết quả bầu cử.' });
  body.push({ type: 'paragraph', text: `Biên bản được lập thành 06 bản, lập ngày ${formatShortDate(date)}.` });
  const content: DocumentContent = {
    header: header(placeName, plain, date),
    kindTitle: confirmed ? 'BIÊN BẢN TỔNG KẾT' : 'BIÊN BẢN TỔNG KẾT (DỰ THẢO)',
    subject: `Cuộc bầu cử ${council}\nnhiệm kỳ mới, ngày ${formatShortDate(election.electionDay)}`,
    body,
    signature: { lines: ['TM. ỦY BAN BẦU CỬ', 'CHỦ TỊCH'], signerName: '(ký tên, đóng dấu)' },
    // Where the summary goes (elections.md "Results"): the commune's and the province's HĐND, UBND
    // and MTTQ; a province's also to the UBTVQH, the Government and the central MTTQ.
    recipients: [
      ...(ballotType === 'commune' ? [`Thường trực HĐND, UBND, Ban Thường trực Ủy ban MTTQ Việt Nam ${placeName}`] : []),
      `Thường trực HĐND, UBND, Ban Thường trực Ủy ban MTTQ Việt Nam ${named(place.province)}`,
      ...(ballotType === 'commune' ? [] : ['Ủy ban Thường vụ Quốc hội', 'Chính phủ', 'Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam']),
    ],
    orientation: 'landscape',
  };
  return { bytes: await renderDocx(content), fileName: `Bien-ban-tong-ket-${ballotType}.docx` };
}

/** Mẫu số 26: Danh sách những người trúng cử of one level, by unit, highest votes first. */
export async function winnersListDocx(db: DbOrTx, election: DayElection, ballotType: BallotType, now: Date) {
  const { level, place, placeName, council, confirmed } = await levelOf(db, election, ballotType);
  const plain = (ballotType === 'commune' ? place.unit : place.province).name;
  const winners = level.units.flatMap((u) => u.rounds.flatMap((r) => ((r.outcome as UnitOutcome | null)?.winners ?? []).map((w) => ({ ...w, unit: u.unit, confirmed: r.confirmed }))));
  const details = winners.length ? await db.select().from(candidates).where(inArray(candidates.id, winners.map((w) => w.candidateId))) : [];
  const by = new Map(details.map((d) => [d.id, d]));
  const date = todayInVietnam(now);
  const body: Block[] = [];
  if (!confirmed) body.push(draftNote('Ủy ban bầu cử chưa lập biên bản tổng kết; danh sách tính từ các biên bản đã khóa sổ.'));
  body.push({ type: 'paragraph', text: `Tổng số người trúng cử: ${winners.length}/${level.units.reduce((s, u) => s + u.unit.seats, 0)} đại biểu được bầu.` });
  body.push({ type: 'table', fontSize: 11, columns: [
    { title: 'STT', width: 5, align: 'center' }, { title: 'Họ và tên', width: 18 }, { title: 'Ngày sinh', width: 10, align: 'center' }, { title: 'Giới tính', width: 7, align: 'center' },
    { title: 'Nghề nghiệp, chức vụ', width: 16 }, { title: 'Nơi công tác', width: 16 }, { title: 'Nơi cư trú', width: 14 }, { title: 'Đơn vị bầu cử số', width: 7, align: 'center' },
    { title: 'Số phiếu bầu', width: 8, align: 'right' }, { title: 'Tỷ lệ', width: 8, align: 'right' },
  ], rows: winners.map((w, i) => { const d = by.get(w.candidateId); return [String(i + 1), w.name, d ? formatShortDate(d.birthDate) : '', d ? (d.sex === 'male' ? 'Nam' : 'Nữ') : '', d?.occupation ?? '', d?.workplace ?? '', d?.residence ?? '', String(w.unit.number), n(w.votes), p(w.percent)]; }) });
  const content: DocumentContent = {
    header: header(placeName, plain, date),
    kindTitle: confirmed ? 'DANH SÁCH' : 'DANH SÁCH (DỰ THẢO)',
    subject: `Những người trúng cử ${council}\nngày bầu cử ${formatShortDate(election.electionDay)}`,
    body,
    signature: { lines: ['TM. ỦY BAN BẦU CỬ', 'CHỦ TỊCH'], signerName: '(ký tên, đóng dấu)' },
    recipients: [],
    orientation: 'landscape',
  };
  return { bytes: await renderDocx(content), fileName: `Danh-sach-nguoi-trung-cu-${ballotType}.docx` };
}
