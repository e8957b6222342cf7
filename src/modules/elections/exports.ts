// The voter list (Mẫu 31) as .xlsx (exceljs, src/modules/spreadsheets) and .docx, and the voter
// cards (Mẫu 10) as .docx, through the documents engine's renderer (ND30 layout). They carry
// voters' personal data: never public, never numbered into the shared register (its documents are
// readable by every delegate), and EVERY export is recorded in the audit log (who, which area, how
// many rows — not the identities).
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { DocumentContent } from '../../domain/documents/content.ts';
import { formatShortDate } from '../../domain/documents/format.ts';
import { upperVi } from '../../domain/documents/format.ts';
import { todayInVietnam } from '../../domain/calendar/index.ts';
import { renderDocx } from '../documents/render/docx.ts';
import { xlsxBytes } from '../spreadsheets/export.ts';
import { recordEvent, type Actor } from '../audit/service.ts';
import { adminUnits } from '../directory/schema.ts';
import { allAreaVoters, type EntryRow } from './queries/voters.ts';
import { electionOf } from './common.ts';
import type { pollingAreas } from './schema.ts';

type Area = typeof pollingAreas.$inferSelect;

const birth = (b: string) => (b.length === 4 ? b : formatShortDate(b));
const x = (b: boolean) => (b ? 'X' : '0');

async function placeNames(db: Db, area: Area) {
  const [commune] = await db.select({ name: adminUnits.name, type: adminUnits.type, parentId: adminUnits.parentId }).from(adminUnits).where(eq(adminUnits.id, area.communeUnitId));
  const [province] = await db.select({ name: adminUnits.name }).from(adminUnits).where(eq(adminUnits.code, area.provinceCode));
  const kind = commune?.type === 'phuong' ? 'Phường' : commune?.type === 'dac_khu' ? 'Đặc khu' : 'Xã';
  return { commune: `${kind} ${commune?.name ?? area.communeCode}`, province: `Tỉnh ${province?.name ?? area.provinceCode}` };
}

async function audit(db: Db, actor: Actor, area: Area, format: string, rows: number) {
  await recordEvent(db, actor, { action: 'voter_list.export', entityType: 'polling_area', entityId: area.id, councilId: area.councilId, after: { format, rows, electionId: area.electionId } });
}

const columnsOf = (r: EntryRow, i: number) => ({
  stt: i + 1, fullName: r.fullName, birthDate: birth(r.birthDate), male: r.sex === 'male' ? 'X' : '', female: r.sex === 'female' ? 'X' : '',
  citizenId: r.citizenId ?? '', ethnicity: r.ethnicity, permanent: r.permanentAddress, temporary: r.residenceKind === 'temporary' ? r.temporaryAddress : '',
  current: r.currentAddress, na: x(r.ballotNa), province: x(r.ballotProvince), commune: x(r.ballotCommune),
  note: [r.residenceKind === 'temporary' && r.residenceSince ? `Tạm trú từ ${formatShortDate(r.residenceSince)}` : '', r.note].filter(Boolean).join('; '),
});

/** Mẫu 31 columns (NQ 40/NQ-HĐBCQG). */
const COLUMNS = [
  { header: 'STT', key: 'stt', width: 6 }, { header: '(1) Họ và tên', key: 'fullName', width: 26 }, { header: '(2) Ngày sinh', key: 'birthDate', width: 12 },
  { header: '(3) Nam', key: 'male', width: 6 }, { header: '(4) Nữ', key: 'female', width: 6 }, { header: '(5) Số Căn cước', key: 'citizenId', width: 15 },
  { header: '(6) Dân tộc', key: 'ethnicity', width: 9 }, { header: '(7a) Thường trú', key: 'permanent', width: 24 }, { header: '(7b) Tạm trú', key: 'temporary', width: 24 },
  { header: '(7c) Nơi ở hiện tại', key: 'current', width: 24 }, { header: '(8) ĐBQH', key: 'na', width: 7 }, { header: '(9) HĐND tỉnh', key: 'province', width: 8 },
  { header: '(10) HĐND xã', key: 'commune', width: 8 }, { header: '(11) Ghi chú', key: 'note', width: 30 },
];

function totals(rows: EntryRow[]) {
  return {
    male: rows.filter((r) => r.sex === 'male').length, female: rows.filter((r) => r.sex === 'female').length,
    na: rows.filter((r) => r.ballotNa).length, province: rows.filter((r) => r.ballotProvince).length, commune: rows.filter((r) => r.ballotCommune).length,
  };
}

export async function voterListXlsx(db: Db, actor: Actor, area: Area) {
  const rows = await allAreaVoters(db, area);
  const names = await placeNames(db, area);
  const t = totals(rows);
  const data: Record<string, unknown>[] = rows.map(columnsOf);
  data.push({ fullName: `Tổng số: ${rows.length} cử tri (nam ${t.male}, nữ ${t.female}); ĐBQH ${t.na}, HĐND tỉnh ${t.province}, HĐND xã ${t.commune}` });
  const bytes = await xlsxBytes({
    fileName: 'x', sheetName: `KVBP số ${area.number}`, columns: COLUMNS, rows: data,
    title: `DANH SÁCH CỬ TRI (Mẫu số 31/HĐBC) — Khu vực bỏ phiếu số ${area.number}, ${names.commune}, ${names.province}`,
  });
  await audit(db, actor, area, 'xlsx', rows.length);
  return { bytes, fileName: `Danh-sach-cu-tri-KVBP-${area.number}.xlsx` };
}

function header(names: { commune: string; province: string }, date: string) {
  return { parentBody: upperVi(names.province.replace(/^Tỉnh /, 'UBND TỈNH ')), issuingBody: `ỦY BAN NHÂN DÂN\n${upperVi(names.commune)}`, numberLine: '', place: names.commune.replace(/^(Xã|Phường|Đặc khu) /, ''), date };
}

export async function voterListDocx(db: Db, actor: Actor, area: Area, now: Date) {
  const election = await electionOf(db, area.electionId);
  const rows = await allAreaVoters(db, area);
  const names = await placeNames(db, area);
  const t = totals(rows);
  const content: DocumentContent = {
    header: header(names, todayInVietnam(now)),
    kindTitle: 'DANH SÁCH CỬ TRI',
    subject: `${election.name}\nKhu vực bỏ phiếu số ${area.number} (${area.name}), ${names.commune}, ${names.province}`,
    body: [
      { type: 'table', fontSize: 10, columns: [
        { title: 'STT', width: 4, align: 'center' }, { title: '(1) Họ và tên', width: 14 }, { title: '(2) Ngày sinh', width: 8, align: 'center' },
        { title: '(3) Nam', width: 4, align: 'center' }, { title: '(4) Nữ', width: 4, align: 'center' }, { title: '(5) Số Căn cước', width: 10 },
        { title: '(6) Dân tộc', width: 5 }, { title: '(7a) Thường trú', width: 10 }, { title: '(7b) Tạm trú', width: 9 }, { title: '(7c) Nơi ở hiện tại', width: 9 },
        { title: '(8)', width: 3.5, align: 'center' }, { title: '(9)', width: 3.5, align: 'center' }, { title: '(10)', width: 4, align: 'center' }, { title: '(11) Ghi chú', width: 12.5 },
      ], rows: rows.map((r, i) => { const c = columnsOf(r, i); return [String(c.stt), c.fullName, c.birthDate, c.male, c.female, c.citizenId, c.ethnicity, c.permanent, c.temporary, c.current, c.na, c.province, c.commune, c.note]; }) },
      { type: 'paragraph', indent: false, text: `Tổng số cử tri: ${rows.length} (nam: ${t.male}; nữ: ${t.female}). Cử tri bầu đại biểu Quốc hội: ${t.na}; bầu đại biểu HĐND tỉnh: ${t.province}; bầu đại biểu HĐND xã: ${t.commune}.` },
      { type: 'paragraph', indent: false, text: [{ text: 'Ghi chú: ', italic: true }, { text: 'cột (8), (9), (10) ghi "X" nếu cử tri được bầu cấp đó, "0" nếu không (Mẫu số 31 ban hành kèm theo Nghị quyết số 40/NQ-HĐBCQG).', italic: true }] },
    ],
    signature: { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], signerName: '(ký tên, đóng dấu)' },
    recipients: [],
    // Fourteen columns: A4 landscape, as the form is printed.
    orientation: 'landscape',
  };
  const bytes = await renderDocx(content);
  await audit(db, actor, area, 'docx', rows.length);
  return { bytes, fileName: `Danh-sach-cu-tri-KVBP-${area.number}.docx` };
}

/** Thẻ cử tri (Mẫu 10): card number = the voter's row in the list. */
export async function voterCardsDocx(db: Db, actor: Actor, area: Area, now: Date) {
  const election = await electionOf(db, area.electionId);
  const rows = await allAreaVoters(db, area);
  const names = await placeNames(db, area);
  const card = (r: EntryRow, i: number) => [
    { text: `THẺ CỬ TRI — Số: ${i + 1}\n`, bold: true },
    `${election.name}\nHọ và tên: ${r.fullName}\nNgày sinh: ${birth(r.birthDate)}   Giới tính: ${r.sex === 'male' ? 'Nam' : 'Nữ'}\nSố Căn cước: ${r.citizenId ?? '…………'}\nNơi cư trú: ${r.residenceKind === 'temporary' ? r.temporaryAddress : r.permanentAddress}\nKhu vực bỏ phiếu số ${area.number}, ${names.commune}, ${names.province}`,
  ];
  const pairs: (readonly (string | { text: string; bold: boolean })[])[][] = [];
  for (let i = 0; i < rows.length; i += 2) pairs.push([card(rows[i]!, i), rows[i + 1] ? card(rows[i + 1]!, i + 1) : ['']]);
  const content: DocumentContent = {
    header: header(names, todayInVietnam(now)),
    kindTitle: 'THẺ CỬ TRI',
    subject: `Khu vực bỏ phiếu số ${area.number} (${area.name}) — ${rows.length} thẻ (Mẫu số 10)`,
    body: [{ type: 'table', fontSize: 11, showHeader: false, columns: [{ title: '', width: 50 }, { title: '', width: 50 }], rows: pairs }],
    signature: { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], signerName: '(ký tên, đóng dấu)' },
    recipients: [],
  };
  const bytes = await renderDocx(content);
  await audit(db, actor, area, 'cards', rows.length);
  return { bytes, fileName: `The-cu-tri-KVBP-${area.number}.docx` };
}
