// Importing a council's delegate list from CSV or XLSX, in the shape of the unit import
// (modules/spreadsheets/importPlan.ts): preview first (column mapping, per-row Vietnamese errors),
// then an all-or-nothing commit in one transaction with one summary audit event. Legacy TCVN3/VNI
// cells are converted while reading; the rows go in with the service's sort/search keys.
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../server/errors.ts';
import { collapseWhitespace, fold } from '../../domain/text/normalize.ts';
import { commitImport, planImport, type FieldSpec, type Mapping, type RowError } from '../spreadsheets/index.ts';
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
  {
    key: 'allowDuplicate',
    label: 'Vẫn nhập nếu trùng',
    aliases: ['Cho phép trùng', 'Trùng tên vẫn nhập', 'Người khác trùng tên'],
    schema: z.boolean(),
  },
];

/** Header text of the "mark": a row with Có in this column is imported even if the council already has a namesake. */
export const ALLOW_DUPLICATE_LABEL = 'Vẫn nhập nếu trùng';

interface DelegateRow {
  row: number;
  fullName: string;
  gender: 'male' | 'female' | null;
  birthYear: number | null;
  position: string;
  workplace: string;
  constituencyId: string | null;
  constituencyName: string | null;
  phone: string;
  email: string;
}

export interface DelegateImportPlan {
  headers: string[];
  mapping: Mapping;
  termId: string | null;
  total: number;
  creates: number;
  updates: number;
  errors: RowError[];
  preview: { row: number; fullName: string; gender: 'male' | 'female' | null; birthYear: number | null; position: string; constituencyName: string | null; action: 'create' }[];
  rows: DelegateRow[];
}

function parseGender(v: string): 'male' | 'female' | null | undefined {
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

const personKey = (name: string, year: number | null) => `${fold(name)}|${year ?? ''}`;

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

  const existing = new Set(
    (await db.select({ fullName: delegates.fullName, birthYear: delegates.birthYear }).from(delegates).where(eq(delegates.councilId, councilId))).map(
      (d) => personKey(d.fullName, d.birthYear),
    ),
  );

  const thisYear = new Date().getUTCFullYear();
  const seen = new Map<string, number>();
  const plan = await planImport<DelegateRow, DelegateImportPlan['preview'][number]>({
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
      const key = personKey(fullName, birthYear ?? null);
      const yearText = birthYear ? ` (sinh năm ${birthYear})` : '';
      if (seen.has(key)) return reject(column('fullName'), `đại biểu "${fullName}"${yearText} trùng với dòng ${seen.get(key)} của tệp.`);
      seen.set(key, row);
      if (existing.has(key) && r.allowDuplicate !== true) {
        return reject(
          column('fullName'),
          `đại biểu "${fullName}"${yearText} đã có trong danh sách của HĐND. Nếu là người khác trùng tên, ghi "Có" ở cột "${ALLOW_DUPLICATE_LABEL}".`,
        );
      }
      return {
        row,
        fullName,
        gender: gender ?? null,
        birthYear: birthYear ?? null,
        position: String(r.position ?? '').trim(),
        workplace: String(r.workplace ?? '').trim(),
        constituencyId: constituency?.id ?? null,
        constituencyName: constituency?.name ?? null,
        phone: String(r.phone ?? '').trim(),
        email: String(r.email ?? '').trim(),
      };
    },
    preview: ({ row, fullName, gender, birthYear, position, constituencyName }) => ({
      row, fullName, gender, birthYear, position, constituencyName, action: 'create' as const,
    }),
  });
  return {
    headers: plan.headers,
    mapping: plan.mapping,
    termId,
    total: plan.total,
    creates: plan.rows.length,
    updates: 0,
    errors: plan.errors,
    preview: plan.preview,
    rows: plan.rows,
  };
}

/** Commits a plan with no errors, in one transaction: every row or none. */
export async function commitDelegateImport(db: Db, actor: Actor, councilId: string, plan: DelegateImportPlan, fileName: string) {
  return commitImport(db, actor, {
    errors: plan.errors,
    count: plan.rows.length,
    write: async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < plan.rows.length; i += 500) {
        const chunk = plan.rows.slice(i, i + 500).map((r) => {
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
          };
          return { ...input, councilId, ...delegateKeys(input) };
        });
        for (const d of await tx.insert(delegates).values(chunk).returning({ id: delegates.id })) ids.push(d.id);
      }
      return {
        result: { creates: ids.length, updates: 0 },
        event: {
          action: 'delegate.import',
          entityType: 'delegate_import',
          entityId: fileName.slice(0, 200),
          councilId,
          after: { fileName, termId: plan.termId, creates: ids.length, delegates: plan.rows.map((r, i) => ({ id: ids[i], fullName: r.fullName })) },
        },
      };
    },
  });
}
