// Importing a commune's voter list from its spreadsheet (.xlsx/.csv) through the app's one import
// plan (src/modules/spreadsheets/importPlan.ts): legacy TCVN3/VNI cells repaired while reading,
// columns mapped (the user's mapping, else guessed from Mẫu 31's headers), per-row Vietnamese
// errors, a preview; then every row or none, in one transaction with one audit event, with
// progress. A row goes to the polling area named in its "Khu vực bỏ phiếu" column, else to the
// area chosen for the file. The ballots are computed, never read from the file.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { insertColumns, insertMany } from '../../db/bulkInsert.ts';
import { fold } from '../../domain/text/index.ts';
import { normalizeCitizenId, type VoterStatus } from '../../domain/elections/index.ts';
import { commitImport, planImport, type FieldSpec, type Mapping, type RowError } from '../spreadsheets/index.ts';
import { toFloatingDate } from '../spreadsheets/dates.ts';
import { invalid } from '../../server/errors.ts';
import type { Actor } from '../audit/service.ts';
import { pollingAreas } from './schema.ts';
import { voterEntries } from './votersSchema.ts';
import { entryOf, voterFactsProblems, type AreaRef, type EntryValues, type VoterFactsInput } from './voterRows.ts';
import { councilPlace, electionOf, type DbOrTx } from './common.ts';

export const VOTER_FIELDS: FieldSpec[] = [
  { key: 'area', label: 'Khu vực bỏ phiếu', aliases: ['KVBP', 'Khu vực bỏ phiếu số', 'Số khu vực'], schema: z.string().max(50) },
  { key: 'fullName', label: 'Họ và tên', aliases: ['Họ tên', 'Họ và tên cử tri', 'Tên cử tri'], required: true, schema: z.string().max(150) },
  { key: 'birthDate', label: 'Ngày sinh', aliases: ['Ngày, tháng, năm sinh', 'Năm sinh', 'Sinh ngày'], required: true },
  { key: 'sex', label: 'Giới tính', aliases: ['Giới', 'Phái'], schema: z.string().max(20) },
  { key: 'male', label: 'Nam', schema: z.string().max(10) },
  { key: 'female', label: 'Nữ', schema: z.string().max(10) },
  { key: 'citizenId', label: 'Số Căn cước', aliases: ['Số CCCD', 'CCCD', 'Số định danh cá nhân', 'Số căn cước công dân', 'Số CMND'], schema: z.string().max(40) },
  { key: 'ethnicity', label: 'Dân tộc', schema: z.string().max(60) },
  { key: 'permanentAddress', label: 'Thường trú', aliases: ['Nơi thường trú', 'Địa chỉ thường trú'], schema: z.string().max(300) },
  { key: 'temporaryAddress', label: 'Tạm trú', aliases: ['Nơi tạm trú', 'Địa chỉ tạm trú'], schema: z.string().max(300) },
  { key: 'currentAddress', label: 'Nơi ở hiện tại', aliases: ['Chỗ ở hiện tại'], schema: z.string().max(300) },
  { key: 'residenceSince', label: 'Tạm trú từ ngày', aliases: ['Ngày đăng ký tạm trú', 'Bắt đầu tạm trú'] },
  { key: 'residenceKind', label: 'Loại cư trú', aliases: ['Hình thức cư trú'], schema: z.string().max(40) },
  { key: 'status', label: 'Tình trạng đặc biệt', aliases: ['Đối tượng', 'Tình trạng'], schema: z.string().max(100) },
  { key: 'household', label: 'Hộ', aliases: ['Số hộ', 'Mã hộ', 'Chủ hộ'], schema: z.string().max(60) },
  { key: 'place', label: 'Quê quán', aliases: ['Nơi sinh'], schema: z.string().max(200) },
  { key: 'note', label: 'Ghi chú', schema: z.string().max(500) },
];

const STATUS_WORDS: [string, VoterStatus][] = [
  ['quan nhan', 'soldier'], ['tam giam', 'detainee'], ['tam giu', 'detainee'], ['cach ly', 'quarantined'],
  ['benh vien', 'inHospital'], ['dieu tri', 'inHospital'], ['giay chung nhan', 'voteElsewhereCertificate'], ['bo phieu o noi khac', 'voteElsewhereCertificate'],
];

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** 'YYYY-MM-DD' or 'YYYY' from a cell (date, Vietnamese date text, a year), or undefined. */
export function birthDateOf(v: unknown): string | undefined {
  if (typeof v === 'number' && v >= 1880 && v <= 2100 && Number.isInteger(v)) return String(v);
  if (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v)) return v.trim();
  const d = toFloatingDate(v);
  return d ? iso(d) : undefined;
}

const mark = (s: unknown) => typeof s === 'string' && s.trim() !== '' && !['0', 'khong'].includes(fold(s));

export interface VoterImportRow extends VoterFactsInput { row: number; areaId: string }
export interface VoterImportPlan { headers: string[]; mapping: Mapping; total: number; rows: VoterImportRow[]; errors: RowError[]; preview: { row: number; fullName: string; birthDate: string; areaNumber: number; ballots: string }[]; byArea: Record<string, number> }

/** Reads and checks a commune's file for `councilId` (a commune council); writes nothing. */
export async function planVoterImport(db: Db, councilId: string, electionId: string, data: Uint8Array, fileName: string, opts: { mapping?: Mapping; areaId?: string | null; onProgress?: (done: number, total: number) => void }): Promise<VoterImportPlan> {
  const election = await electionOf(db, electionId);
  const areas = await db.select().from(pollingAreas).where(and(eq(pollingAreas.electionId, electionId), eq(pollingAreas.councilId, councilId)));
  if (!areas.length) throw invalid('Xã, phường này chưa có khu vực bỏ phiếu trong cuộc bầu cử.');
  const byNumber = new Map(areas.map((a) => [String(a.number), a]));
  const fallback = opts.areaId ? areas.find((a) => a.id === opts.areaId) : undefined;
  if (opts.areaId && !fallback) throw invalid('Khu vực bỏ phiếu đã chọn không thuộc xã, phường này.');
  const seenIds = new Map<string, number>();
  const plan = await planImport<VoterImportRow, VoterImportPlan['preview'][number]>({
    data, fileName, fields: VOTER_FIELDS, mapping: opts.mapping, legacy: 'convert', onProgress: opts.onProgress,
    row: (v, at) => {
      const areaText = typeof v.area === 'string' ? v.area.replace(/^\D+/, '').trim() : '';
      const area = areaText ? byNumber.get(String(Number(areaText))) : fallback;
      if (!area) return at.reject(at.column('area'), areaText ? `không có khu vực bỏ phiếu số "${String(v.area)}" ở xã, phường này.` : 'chưa chọn khu vực bỏ phiếu (cột "Khu vực bỏ phiếu" trống).');
      const birthDate = birthDateOf(v.birthDate);
      if (!birthDate) return at.reject(at.column('birthDate'), `ngày sinh "${String(v.birthDate ?? '')}" không đọc được (dd/mm/yyyy hoặc chỉ năm).`);
      const sexText = fold(String(v.sex ?? ''));
      const sex = ['nam', 'm', 'male'].includes(sexText) || (sexText === '' && mark(v.male)) ? 'male' : ['nu', 'f', 'female'].includes(sexText) || (sexText === '' && mark(v.female)) ? 'female' : null;
      if (!sex) return at.reject(at.column('sex'), 'chưa ghi giới tính (Nam/Nữ).');
      const kindText = fold(String(v.residenceKind ?? ''));
      const temporary = kindText ? kindText.startsWith('tam') : !v.permanentAddress && !!v.temporaryAddress;
      let since: string | null = null;
      if (v.residenceSince !== undefined && v.residenceSince !== null && v.residenceSince !== '') {
        const d = toFloatingDate(v.residenceSince);
        if (!d) return at.reject(at.column('residenceSince'), `ngày đăng ký tạm trú "${String(v.residenceSince)}" không đọc được.`);
        since = iso(d);
      }
      const statusText = fold(String(v.status ?? ''));
      const status = statusText ? STATUS_WORDS.find(([w]) => statusText.includes(w))?.[1] : 'none';
      if (!status) return at.reject(at.column('status'), `tình trạng "${String(v.status)}" không thuộc các trường hợp của luật (quân nhân, tạm giam/tạm giữ, cách ly, điều trị tại bệnh viện, có Giấy chứng nhận bỏ phiếu nơi khác).`);
      const facts: VoterImportRow = {
        row: at.row, areaId: area.id, citizenId: (v.citizenId as string | undefined) ?? null, fullName: String(v.fullName), birthDate, sex,
        ethnicity: (v.ethnicity as string | undefined) ?? '', residenceKind: temporary ? 'temporary' : 'permanent', residenceSince: since,
        permanentAddress: (v.permanentAddress as string | undefined) ?? '', temporaryAddress: (v.temporaryAddress as string | undefined) ?? '',
        currentAddress: (v.currentAddress as string | undefined) ?? '', place: (v.place as string | undefined) ?? '', status,
        household: (v.household as string | undefined) ?? '', rowOrder: at.row, note: (v.note as string | undefined) ?? '',
      };
      const problems = voterFactsProblems(facts, election.electionDay);
      if (problems.length) return at.reject(at.column(problems[0]!.startsWith('Số Căn cước') ? 'citizenId' : 'birthDate'), problems.join(' '));
      const id = normalizeCitizenId(facts.citizenId);
      if (id) {
        const first = seenIds.get(id);
        if (first !== undefined) return at.reject(at.column('citizenId'), `số Căn cước ${id} trùng với dòng ${first}: mỗi công dân chỉ được ghi tên một lần.`);
        seenIds.set(id, at.row);
      }
      return facts;
    },
    preview: (r) => {
      const a = areas.find((x) => x.id === r.areaId)!;
      const e = entryOf(a, election.electionDay, r, { voterId: '', version: 1, change: 'initial', reason: '', createdBy: null });
      return { row: r.row, fullName: r.fullName, birthDate: r.birthDate, areaNumber: a.number, ballots: [e.ballotNa, e.ballotProvince, e.ballotCommune].map((b) => (b ? 'X' : '0')).join(' ') };
    },
  });
  const byArea: Record<string, number> = {};
  for (const r of plan.rows) byArea[r.areaId] = (byArea[r.areaId] ?? 0) + 1;
  return { ...plan, byArea };
}

/** Rows written per INSERT (one text parameter per column, see insertColumns). */
const WRITE_BATCH = 10_000;

/** Writes a plan without errors: every row or none, one audit event (counts only, no identities). */
export async function commitVoterImport(db: Db, actor: Actor, councilId: string, electionId: string, plan: VoterImportPlan, fileName: string, onProgress?: (done: number, total: number) => void) {
  const election = await electionOf(db, electionId);
  const areas = new Map((await db.select().from(pollingAreas).where(eq(pollingAreas.electionId, electionId))).map((a) => [a.id, a]));
  const importId = randomUUID();
  return commitImport(db, actor, {
    errors: plan.errors, count: plan.rows.length, nothingWritten: 'chưa ghi cử tri nào',
    write: async (tx) => {
      await writeEntries(tx, plan.rows.map((r) => {
        const area: AreaRef = areas.get(r.areaId)!;
        const posted = areas.get(r.areaId)!.listPostedOn !== null;
        return entryOf(area, election.electionDay, r, { voterId: randomUUID(), version: 1, change: posted ? 'add' : 'initial', reason: posted ? `Bổ sung từ tệp ${fileName}` : '', createdBy: actor.id, importId });
      }), onProgress);
      return {
        result: { importId, created: plan.rows.length, byArea: plan.byArea },
        event: { action: 'voter_list.import', entityType: 'election', entityId: electionId, councilId, after: { importId, fileName, created: plan.rows.length, byArea: plan.byArea } },
      };
    },
  });
}

/** Batched insert of versions (import, seed, bench): columnar, one statement per WRITE_BATCH rows. */
export async function writeEntries(tx: Tx | DbOrTx, rows: EntryValues[], onProgress?: (done: number, total: number) => void): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    const batch = rows.slice(i, i + WRITE_BATCH);
    if (!(await insertColumns(tx as Tx, voterEntries, batch))) await insertMany(tx as Tx, voterEntries, batch);
    onProgress?.(Math.min(i + WRITE_BATCH, rows.length), rows.length);
  }
}

export { councilPlace };
