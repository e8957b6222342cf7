// Importing the official administrative-unit list (code, name, type, parent code — the shape the
// national statistics office publishes) from CSV or XLSX: preview first, then an all-or-nothing
// commit (modules/spreadsheets/importPlan.ts). Existing codes are updated, new codes created; a
// parent may come from the file itself or from the database.
import { z } from 'zod';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { fold } from '../../domain/text/normalize.ts';
import { sortKey } from '../../domain/text/sort.ts';
import { unitTypeFromLabel } from '../../domain/directory/labels.ts';
import { commitImport, planImport, type FieldSpec, type Mapping, type RowError } from '../spreadsheets/index.ts';
import type { Actor } from '../audit/service.ts';
import { adminUnits } from './schema.ts';

export const UNIT_FIELDS: FieldSpec[] = [
  { key: 'code', label: 'Mã', aliases: ['Mã đơn vị', 'Mã ĐVHC', 'Mã số', 'code'], required: true, schema: z.string().max(20) },
  { key: 'name', label: 'Tên', aliases: ['Tên đơn vị', 'Tên ĐVHC', 'name'], required: true, schema: z.string().max(200) },
  { key: 'type', label: 'Cấp', aliases: ['Loại', 'Loại đơn vị', 'Cấp hành chính', 'type'], required: true, schema: z.string().max(100) },
  { key: 'parentCode', label: 'Mã cấp trên', aliases: ['Mã đơn vị cấp trên', 'parent code', 'parent_code', 'Mã cha'], schema: z.string().max(20) },
  { key: 'validFrom', label: 'Hiệu lực từ', aliases: ['Ngày hiệu lực', 'valid_from'], schema: z.iso.date() },
  { key: 'validTo', label: 'Hiệu lực đến', aliases: ['Ngày hết hiệu lực', 'valid_to'], schema: z.iso.date() },
];

export interface UnitImportPlan {
  headers: string[];
  mapping: Mapping;
  total: number;
  creates: number;
  updates: number;
  errors: RowError[];
  preview: { row: number; code: string; name: string; type: string; parentCode: string; action: 'create' | 'update' }[];
  rows: { row: number; code: string; name: string; type: string; level: string; parentCode: string; validFrom: string | null; validTo: string | null; action: 'create' | 'update' }[];
}

type UnitRow = UnitImportPlan['rows'][number];

export async function planUnitImport(db: Db, data: Uint8Array, fileName: string, mapping?: Mapping): Promise<UnitImportPlan> {
  const seen = new Map<string, number>();
  const plan = await planImport<UnitRow, UnitImportPlan['preview'][number]>({
    data,
    fileName,
    fields: UNIT_FIELDS,
    mapping,
    legacy: 'convert',
    row: (r, { row, reject }) => {
      const code = String(r.code ?? '').trim();
      const type = unitTypeFromLabel(String(r.type ?? ''), fold);
      if (!type) return reject('Cấp', `loại đơn vị "${r.type}" không hợp lệ (ví dụ: Tỉnh, Thị xã, Phường, Xã).`);
      if (seen.has(code)) return reject('Mã', `mã "${code}" trùng với dòng ${seen.get(code)}.`);
      seen.set(code, row);
      return {
        row,
        code,
        name: String(r.name).trim(),
        type: type.code,
        level: type.level,
        parentCode: String(r.parentCode ?? '').trim(),
        validFrom: (r.validFrom as string | undefined) ?? null,
        validTo: (r.validTo as string | undefined) ?? null,
        action: 'create',
      };
    },
    // Existing codes become updates; a parent must be in the file or in the database.
    check: async (rows, reject) => {
      const codes = [...new Set([...rows.map((r) => r.code), ...rows.map((r) => r.parentCode).filter(Boolean)])];
      const existing = new Map<string, string>();
      for (let i = 0; i < codes.length; i += 1000) {
        const chunk = codes.slice(i, i + 1000);
        for (const u of await db.select({ id: adminUnits.id, code: adminUnits.code }).from(adminUnits).where(inArray(adminUnits.code, chunk))) {
          existing.set(u.code, u.id);
        }
      }
      for (const r of rows) {
        r.action = existing.has(r.code) ? 'update' : 'create';
        if (r.parentCode && !seen.has(r.parentCode) && !existing.has(r.parentCode)) {
          reject(r.row, 'Mã cấp trên', `không tìm thấy đơn vị cấp trên có mã "${r.parentCode}".`);
        }
        if (r.parentCode === r.code) reject(r.row, 'Mã cấp trên', 'đơn vị không thể là cấp trên của chính nó.');
      }
    },
    preview: ({ row, code, name, type, parentCode, action }) => ({ row, code, name, type, parentCode, action }),
  });
  const { rows } = plan;
  return {
    headers: plan.headers,
    mapping: plan.mapping,
    total: plan.total,
    creates: rows.filter((r) => r.action === 'create').length,
    updates: rows.filter((r) => r.action === 'update').length,
    errors: plan.errors,
    preview: plan.preview,
    rows,
  };
}

/** Commits a plan with no errors, in one transaction: every row or none. */
export async function commitUnitImport(db: Db, actor: Actor, plan: UnitImportPlan, fileName: string) {
  return commitImport(db, actor, {
    errors: plan.errors,
    count: plan.rows.length,
    write: async (tx) => {
      const ids = new Map<string, string>();
      // Parents first: order rows so that a parent in the file precedes its children.
      const byCode = new Map(plan.rows.map((r) => [r.code, r]));
      const depth = (r: UnitRow, n = 0): number => {
        const p = byCode.get(r.parentCode);
        return p && n < 20 ? depth(p, n + 1) + 1 : 0;
      };
      const ordered = [...plan.rows].sort((a, b) => depth(a) - depth(b));
      for (const r of ordered) {
        let parentId: string | null = null;
        if (r.parentCode) {
          parentId = ids.get(r.parentCode) ?? (await tx.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.code, r.parentCode)))[0]?.id ?? null;
        }
        const values = {
          code: r.code,
          name: r.name,
          type: r.type,
          level: r.level,
          parentId,
          validFrom: r.validFrom,
          validTo: r.validTo,
          sortKey: sortKey(r.name),
          searchKey: fold(`${r.code} ${r.name}`),
        };
        const [row] = await tx
          .insert(adminUnits)
          .values(values)
          .onConflictDoUpdate({ target: adminUnits.code, set: { ...values, updatedAt: new Date() } })
          .returning({ id: adminUnits.id });
        ids.set(r.code, row!.id);
      }
      return {
        result: { creates: plan.creates, updates: plan.updates },
        event: {
          action: 'unit.import',
          entityType: 'admin_unit_import',
          entityId: fileName.slice(0, 200),
          after: { fileName, creates: plan.creates, updates: plan.updates, codes: plan.rows.map((r) => r.code) },
        },
      };
    },
  });
}
