// Importing a council's delegate list from CSV or XLSX, in the shape of the unit import
// (modules/spreadsheets/importPlan.ts): preview first (column mapping, per-row Vietnamese errors),
// then an all-or-nothing commit in one transaction with one summary audit event. Legacy TCVN3/VNI
// cells are converted while reading; the rows go in with the service's sort/search keys.
//
// A row either creates a delegate or updates the one it matches, so the secretariat can re-import
// the updated list after a by-election, a change of position or a delegate leaving. Matching rule:
// same council, same term (or a delegate with no term yet, which then gets the term), the same
// full name folded by the text engine (accents, tone placement, case and spacing ignored) and the
// same birth year. A birth year missing on either side matches only when no exact-year candidate
// exists. When several candidates remain and the row's name has diacritics, an exact-diacritics
// match (canonical tone placement) decides; otherwise the row is an error, never a guess. A row
// marked "Có" in "Vẫn nhập nếu trùng" is always a new delegate. An empty cell means "not given":
// an update never clears a field, and the name of a matched delegate is never rewritten.
import { z } from 'zod';
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { canonicalTones, collapseWhitespace, fold, hasDiacritics, matchKey } from '../../domain/text/normalize.ts';
import { commitImport, planImport, PREVIEW_ROWS, type FieldSpec, type Mapping, type RowError } from '../spreadsheets/index.ts';
import type { Actor } from '../audit/service.ts';
import { constituencies, delegates, terms } from './schema.ts';
import { delegateKeys } from './service.ts';

export const DELEGATE_FIELDS: FieldSpec[] = [
  { key: 'fullName', label: 'Họ và tên', aliases: ['Họ tên', 'Họ và tên đại biểu', 'Tên đại biểu', 'full name', 'fullName'], required: true, schema: z.string().max(150) },
  { key: 'gender', label: 'Giới tính', aliases: ['Giới', 'Phái', 'gender'], schema: z.string().max(20) },
  { key: 'birthYear', label: 'Năm sinh', aliases: ['Sinh năm', 'Ngày sinh', 'birth year', 'birthYear'], schema: z.string().max(40) },
  { key: 'position', label: 'Chức vụ', aliases: ['Chức danh', 'Chức vụ hiện nay', 'position'], schema: z.string().max(300) },
  { key: 'workplace', label: 'Nơi công tác', aliases: ['Đơn vị công tác', 'Cơ quan công tác', 'workplace'], schema: z.string().max(300) },
  { key: 'constituency', label: 'Đơn vị bầu cử', aliases: ['ĐVBC', 'Đơn vị bầu cử số', 'constituency'], schema: z.string().max(200) },
  { key: 'phone', label: 'Điện thoại', aliases: ['Số điện thoại', 'SĐT', 'Điện thoại di động', 'phone'], schema: z.string().max(30) },
  { key: 'email', label: 'Thư điện tử', aliases: ['Email', 'E-mail', 'Địa chỉ email'], schema: z.email().max(200) },
  { key: 'status', label: 'Trạng thái', aliases: ['Tình trạng', 'status'], schema: z.string().max(60) },
  {
    key: 'allowDuplicate',
    label: 'Vẫn nhập nếu trùng',
    aliases: ['Cho phép trùng', 'Trùng tên vẫn nhập', 'Người khác trùng tên'],
    schema: z.boolean(),
  },
];

/** Header text of the "mark": a row with Có in this column is always a new delegate, even if the council already has a namesake. */
export const ALLOW_DUPLICATE_LABEL = 'Vẫn nhập nếu trùng';

type Status = 'active' | 'ended';
type Gender = 'male' | 'female';

/** The fields an import may change on an existing delegate, with their Vietnamese labels. */
const CHANGE_LABELS = {
  termId: 'Nhiệm kỳ',
  gender: 'Giới tính',
  birthYear: 'Năm sinh',
  position: 'Chức vụ',
  workplace: 'Nơi công tác',
  constituencyId: 'Đơn vị bầu cử',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  status: 'Trạng thái',
} as const;
type ChangeField = keyof typeof CHANGE_LABELS;

/** One changed field of an updated delegate: stored values (for the write and the audit event) and display text. */
export interface DelegateChange {
  field: ChangeField;
  label: string;
  before: string | number | null;
  after: string | number | null;
  beforeText: string;
  afterText: string;
}

interface DelegateRow {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  /** The matched delegate (update / unchanged). */
  id: string | null;
  fullName: string;
  /** Values given by the file; null / '' = the cell was empty (not given). */
  gender: Gender | null;
  birthYear: number | null;
  position: string;
  workplace: string;
  constituencyId: string | null;
  constituencyName: string | null;
  phone: string;
  email: string;
  status: Status | null;
  changes: DelegateChange[];
}

export interface DelegatePreviewRow {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  fullName: string;
  gender: Gender | null;
  birthYear: number | null;
  position: string;
  constituencyName: string | null;
  changes: { label: string; before: string; after: string }[];
}

export interface DelegateImportPlan {
  headers: string[];
  mapping: Mapping;
  termId: string | null;
  total: number;
  creates: number;
  updates: number;
  unchanged: number;
  errors: RowError[];
  /** Creates and updates first (file order), then unchanged rows; at most PREVIEW_ROWS. */
  preview: DelegatePreviewRow[];
  rows: DelegateRow[];
}

function parseGender(v: string): Gender | null | undefined {
  const f = fold(v);
  if (f === '') return null;
  if (['nam', 'm', 'male', 'trai'].includes(f)) return 'male';
  if (['nu', 'f', 'female', 'gai'].includes(f)) return 'female';
  return undefined;
}

function parseBirthYear(v: string, thisYear: number): number | null | undefined {
  const s = v.trim();
  if (s === '') return null;
  const m = /^(\d{4})(?:\.0+)?$/.exec(s) ?? /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/.exec(s) ?? /^(\d{4})-\d{2}-\d{2}$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  return y >= 1900 && y <= thisYear ? y : undefined;
}

const ACTIVE = ['dang la dai bieu', 'dang hoat dong', 'hoat dong', 'duong nhiem', 'dang duong nhiem', 'con', 'active'];
const ENDED = ['da thoi', 'thoi', 'da thoi lam dai bieu', 'thoi lam dai bieu', 'da nghi', 'nghi', 'khong con', 'ended'];
function parseStatus(v: string): Status | null | undefined {
  const f = fold(v).replace(/[.;]+$/, '');
  if (f === '') return null;
  if (ACTIVE.includes(f)) return 'active';
  if (ENDED.includes(f)) return 'ended';
  return undefined;
}

const STATUS_TEXT: Record<Status, string> = { active: 'Đang là đại biểu', ended: 'Đã thôi' };
const GENDER_TEXT: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

const personKey = (name: string, year: number | null) => `${fold(name)}|${year ?? ''}`;
/** Text equal up to Unicode form, tone placement and spacing: such a difference is not a change. */
const sameText = (a: string, b: string) => canonicalTones(collapseWhitespace(a.normalize('NFC')).trim()) === canonicalTones(collapseWhitespace(b.normalize('NFC')).trim());

type Existing = typeof delegates.$inferSelect;

export async function planDelegateImport(
  db: Db,
  councilId: string,
  data: Uint8Array,
  fileName: string,
  opts: { mapping?: Mapping; termId?: string | null } = {},
): Promise<DelegateImportPlan> {
  // The term: the one chosen, else the council's latest.
  const termRows = await db.select().from(terms).where(eq(terms.councilId, councilId));
  let termId: string | null = null;
  if (opts.termId) {
    if (!termRows.some((t) => t.id === opts.termId)) throw notFound('nhiệm kỳ');
    termId = opts.termId;
  } else if (termRows.length) {
    termId = [...termRows].sort((a, b) => b.startYear - a.startYear)[0]!.id;
  }
  const termName = new Map(termRows.map((t) => [t.id, t.name]));

  const consts = termId
    ? await db.select().from(constituencies).where(and(eq(constituencies.councilId, councilId), eq(constituencies.termId, termId)))
    : [];
  const byNumber = new Map(consts.map((k) => [k.number, k]));
  const byName = new Map(consts.map((k) => [fold(k.name), k]));
  const findConstituency = (v: string) => {
    const f = fold(v);
    const named = byName.get(f);
    if (named) return named;
    const m = /^(?:(?:don vi bau cu|dvbc)\s*)?(?:so\s*)?(\d{1,3})$/.exec(f);
    return m ? byNumber.get(Number(m[1])) : undefined;
  };
  // A matched delegate's current constituency may belong to no term on screen; read every name of the council.
  const constName = new Map(
    (await db.select({ id: constituencies.id, name: constituencies.name }).from(constituencies).where(eq(constituencies.councilId, councilId))).map(
      (k) => [k.id, k.name],
    ),
  );

  // Candidates: the council's delegates of this term, and those with no term yet.
  const existingRows = await db
    .select()
    .from(delegates)
    .where(and(eq(delegates.councilId, councilId), termId ? or(eq(delegates.termId, termId), isNull(delegates.termId)) : isNull(delegates.termId)));
  const byFoldedName = new Map<string, Existing[]>();
  for (const d of existingRows) {
    const k = fold(d.fullName);
    byFoldedName.set(k, [...(byFoldedName.get(k) ?? []), d]);
  }
  const match = (fullName: string, year: number | null): Existing[] => {
    const same = byFoldedName.get(fold(fullName)) ?? [];
    let hits = same.filter((d) => d.birthYear === year);
    if (!hits.length) hits = same.filter((d) => year === null || d.birthYear === null);
    if (hits.length > 1 && hasDiacritics(fullName)) {
      const exact = hits.filter((d) => matchKey(d.fullName) === matchKey(fullName));
      if (exact.length === 1) hits = exact;
    }
    return hits;
  };

  const diff = (d: Existing, r: Omit<DelegateRow, 'changes' | 'action' | 'id' | 'row' | 'fullName'>): DelegateChange[] => {
    const out: DelegateChange[] = [];
    const add = (field: ChangeField, before: string | number | null, after: string | number | null, text: (v: string | number | null) => string) =>
      out.push({ field, label: CHANGE_LABELS[field], before, after, beforeText: text(before), afterText: text(after) });
    const plainText = (v: string | number | null) => (v === null ? '' : String(v));
    if (termId && d.termId === null) add('termId', null, termId, (v) => (v ? (termName.get(String(v)) ?? '') : ''));
    if (r.gender && r.gender !== d.gender) add('gender', d.gender, r.gender, (v) => (v ? (GENDER_TEXT[v as Gender] ?? String(v)) : ''));
    if (r.birthYear !== null && r.birthYear !== d.birthYear) add('birthYear', d.birthYear, r.birthYear, plainText);
    if (r.position && !sameText(r.position, d.position)) add('position', d.position, r.position, plainText);
    if (r.workplace && !sameText(r.workplace, d.workplace)) add('workplace', d.workplace, r.workplace, plainText);
    if (r.constituencyId && r.constituencyId !== d.constituencyId) {
      add('constituencyId', d.constituencyId, r.constituencyId, (v) => (v ? (constName.get(String(v)) ?? '') : ''));
    }
    if (r.phone && r.phone.replace(/[\s.]/g, '') !== d.phone.replace(/[\s.]/g, '')) add('phone', d.phone, r.phone, plainText);
    if (r.email && r.email.toLowerCase() !== d.email.toLowerCase()) add('email', d.email, r.email, plainText);
    if (r.status && r.status !== d.status) add('status', d.status, r.status, (v) => STATUS_TEXT[v as Status] ?? String(v ?? ''));
    return out;
  };

  const thisYear = new Date().getUTCFullYear();
  const seen = new Map<string, number>();
  const matchedAt = new Map<string, number>();
  const plan = await planImport<DelegateRow, DelegatePreviewRow>({
    data,
    fileName,
    fields: DELEGATE_FIELDS,
    mapping: opts.mapping,
    legacy: 'convert',
    row: (r, { row, reject, column }) => {
      let ok = true;
      const fullName = collapseWhitespace(String(r.fullName ?? '')).trim();
      const gender = parseGender(String(r.gender ?? ''));
      if (gender === undefined) {
        reject(column('gender'), `giới tính "${r.gender}" không hợp lệ (ghi Nam hoặc Nữ).`);
        ok = false;
      }
      const birthYear = parseBirthYear(String(r.birthYear ?? ''), thisYear);
      if (birthYear === undefined) {
        reject(column('birthYear'), `năm sinh không hợp lệ ("${r.birthYear}"; cần năm có 4 chữ số, ví dụ 1975).`);
        ok = false;
      }
      const status = parseStatus(String(r.status ?? ''));
      if (status === undefined) {
        reject(column('status'), `trạng thái "${r.status}" không hợp lệ (ghi "Đang là đại biểu" hoặc "Đã thôi").`);
        ok = false;
      }
      let constituency: (typeof consts)[number] | undefined;
      const cText = String(r.constituency ?? '').trim();
      if (cText) {
        constituency = findConstituency(cText);
        if (!constituency) {
          reject(
            column('constituency'),
            termId
              ? `không tìm thấy đơn vị bầu cử "${cText}" trong nhiệm kỳ đã chọn (ghi số hoặc tên đơn vị bầu cử).`
              : `HĐND chưa có nhiệm kỳ nên chưa ghép được đơn vị bầu cử "${cText}".`,
          );
          ok = false;
        }
      }
      if (!ok) return;
      const year = birthYear ?? null;
      const key = personKey(fullName, year);
      const yearText = year ? ` (sinh năm ${year})` : '';
      if (seen.has(key)) return reject(column('fullName'), `đại biểu "${fullName}"${yearText} trùng với dòng ${seen.get(key)} của tệp.`);
      seen.set(key, row);

      const values = {
        gender: gender ?? null,
        birthYear: year,
        position: String(r.position ?? '').trim(),
        workplace: String(r.workplace ?? '').trim(),
        constituencyId: constituency?.id ?? null,
        constituencyName: constituency?.name ?? null,
        phone: String(r.phone ?? '').trim(),
        email: String(r.email ?? '').trim(),
        status: status ?? null,
      };
      if (r.allowDuplicate === true) return { row, action: 'create', id: null, fullName, ...values, changes: [] };

      const hits = match(fullName, year);
      if (hits.length > 1) {
        return reject(
          column('fullName'),
          `có ${hits.length} đại biểu trùng họ tên${year ? ' và năm sinh' : ''} với "${fullName}"${yearText} trong danh sách của HĐND, ` +
            `không xác định được cần cập nhật người nào. Hãy sửa trực tiếp trong danh sách đại biểu (hoặc ghi năm sinh); ` +
            `nếu là người mới trùng tên, ghi "Có" ở cột "${ALLOW_DUPLICATE_LABEL}".`,
        );
      }
      const d = hits[0];
      if (!d) return { row, action: 'create', id: null, fullName, ...values, changes: [] };
      const earlier = matchedAt.get(d.id);
      if (earlier !== undefined) {
        return reject(column('fullName'), `đại biểu "${fullName}"${yearText} là cùng một đại biểu với dòng ${earlier} của tệp (trùng với dòng ${earlier}).`);
      }
      matchedAt.set(d.id, row);
      const changes = diff(d, values);
      // The matched delegate keeps its own name (a name typed without accents never overwrites it).
      return { row, action: changes.length ? 'update' : 'unchanged', id: d.id, fullName: d.fullName, ...values, changes };
    },
    preview: (r) => toPreview(r),
  });
  const { rows } = plan;
  const changed = rows.filter((r) => r.action !== 'unchanged');
  const same = rows.filter((r) => r.action === 'unchanged');
  return {
    headers: plan.headers,
    mapping: plan.mapping,
    termId,
    total: plan.total,
    creates: rows.filter((r) => r.action === 'create').length,
    updates: rows.filter((r) => r.action === 'update').length,
    unchanged: same.length,
    errors: plan.errors,
    preview: [...changed, ...same].slice(0, PREVIEW_ROWS).map(toPreview),
    rows,
  };
}

function toPreview(r: DelegateRow): DelegatePreviewRow {
  return {
    row: r.row,
    action: r.action,
    fullName: r.fullName,
    gender: r.gender,
    birthYear: r.birthYear,
    position: r.position,
    constituencyName: r.constituencyName,
    changes: r.changes.map((c) => ({ label: c.label, before: c.beforeText, after: c.afterText })),
  };
}

/**
 * Commits a plan with no errors, in one transaction: every row or none. New delegates are inserted,
 * matched ones get only their changed fields; one summary audit event (as the unit import) carries
 * the counts, the created delegates and each update's before → after.
 */
export async function commitDelegateImport(db: Db, actor: Actor, councilId: string, plan: DelegateImportPlan, fileName: string) {
  const creates = plan.rows.filter((r) => r.action === 'create');
  const updates = plan.rows.filter((r) => r.action === 'update');
  return commitImport(db, actor, {
    errors: plan.errors,
    count: creates.length + updates.length,
    empty: plan.rows.length
      ? `Không có gì thay đổi: ${plan.rows.length} đại biểu trong tệp đã có trong danh sách với cùng thông tin.`
      : undefined,
    write: async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < creates.length; i += 500) {
        const chunk = creates.slice(i, i + 500).map((r) => {
          const input = {
            fullName: r.fullName,
            termId: plan.termId,
            gender: r.gender,
            birthYear: r.birthYear,
            position: r.position,
            workplace: r.workplace,
            constituencyId: r.constituencyId,
            phone: r.phone,
            email: r.email,
            status: r.status ?? 'active',
          };
          return { ...input, councilId, ...delegateKeys(input) };
        });
        for (const d of await tx.insert(delegates).values(chunk).returning({ id: delegates.id })) ids.push(d.id);
      }
      for (const r of updates) {
        const set: Record<string, unknown> = Object.fromEntries(r.changes.map((c) => [c.field, c.after]));
        const [current] = await tx
          .select({ position: delegates.position, workplace: delegates.workplace })
          .from(delegates)
          .where(and(eq(delegates.id, r.id!), eq(delegates.councilId, councilId)))
          .for('update');
        if (!current) throw conflict(`Đại biểu "${r.fullName}" (dòng ${r.row}) vừa bị xoá khỏi danh sách; chưa nhập dòng nào. Hãy xem trước lại.`);
        const keys = delegateKeys({
          fullName: r.fullName,
          position: (set.position as string | undefined) ?? current.position,
          workplace: (set.workplace as string | undefined) ?? current.workplace,
        });
        await tx.update(delegates).set({ ...set, ...keys, updatedAt: new Date() }).where(eq(delegates.id, r.id!));
      }
      const fieldsOf = (r: DelegateRow, side: 'before' | 'after') => Object.fromEntries(r.changes.map((c) => [c.field, c[side]]));
      return {
        result: { creates: creates.length, updates: updates.length, unchanged: plan.unchanged },
        event: {
          action: 'delegate.import',
          entityType: 'delegate_import',
          entityId: fileName.slice(0, 200),
          councilId,
          before: { updated: updates.map((r) => ({ id: r.id, fullName: r.fullName, ...fieldsOf(r, 'before') })) },
          after: {
            fileName,
            termId: plan.termId,
            creates: creates.length,
            updates: updates.length,
            unchanged: plan.unchanged,
            delegates: creates.map((r, i) => ({ id: ids[i], fullName: r.fullName })),
            updated: updates.map((r) => ({ id: r.id, fullName: r.fullName, ...fieldsOf(r, 'after') })),
          },
        },
      };
    },
  });
}
