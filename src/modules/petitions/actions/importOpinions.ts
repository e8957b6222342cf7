// Import opinions from an XLSX/CSV sheet made in a commune: column mapping (guessed, or the
// clerk's), a preview with row errors, then an all-or-nothing commit (same pattern as the
// directory's unit import). Legacy TCVN3/VNI cells are converted; originals are kept.
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { invalid } from '../../../server/errors.ts';
import { fold } from '../../../domain/text/normalize.ts';
import { convertLegacy } from '../../../domain/text/legacy.ts';
import { applyMapping, guessMapping, readTable, SpreadsheetError, type FieldSpec, type Mapping, type RowError } from '../../spreadsheets/index.ts';
import { recordEvent } from '../../audit/service.ts';
import { adminUnits } from '../../directory/schema.ts';
import { today, type ActionCtx } from '../common.ts';
import { insertOpinions, type CreateOpinionsInput, type OpinionItem } from './createOpinions.ts';
import { inForce } from '../../../domain/directory/labels.ts';

export const OPINION_FIELDS: FieldSpec[] = [
  {
    key: 'text',
    label: 'Nội dung',
    aliases: ['Nội dung ý kiến', 'Nội dung kiến nghị', 'Ý kiến, kiến nghị', 'Ý kiến kiến nghị của cử tri', 'Kiến nghị', 'Ý kiến'],
    required: true,
    schema: z.string().min(1).max(10000),
  },
  { key: 'voterName', label: 'Họ tên cử tri', aliases: ['Họ và tên', 'Họ tên', 'Cử tri', 'Tên cử tri', 'Người kiến nghị'], schema: z.string().max(200) },
  { key: 'voterHamlet', label: 'Thôn, tổ dân phố', aliases: ['Thôn', 'Tổ dân phố', 'Thôn/Tổ dân phố', 'Địa chỉ', 'Nơi ở'], schema: z.string().max(200) },
  { key: 'unit', label: 'Xã, phường', aliases: ['Địa bàn', 'Xã/phường', 'Phường', 'Xã', 'Đơn vị'], schema: z.string().max(200) },
  { key: 'voterCount', label: 'Số cử tri', aliases: ['Số người', 'Số lượng cử tri'], schema: z.int().min(1).max(100000) },
];

export interface OpinionImportPlan {
  headers: string[];
  mapping: Mapping;
  total: number;
  valid: number;
  errors: RowError[];
  converted: number;
  preview: { row: number; text: string; voterName: string; voterHamlet: string; unit: string }[];
  items: OpinionItem[];
}

export async function planOpinionImport(db: Db, data: Uint8Array, fileName: string, mapping?: Mapping, at?: string): Promise<OpinionImportPlan> {
  let table;
  try {
    table = await readTable(data, fileName);
  } catch (err) {
    if (err instanceof SpreadsheetError) throw invalid(err.message);
    throw err;
  }
  const map = mapping ?? guessMapping(table.headers, OPINION_FIELDS);
  for (const [k, v] of Object.entries(map)) {
    if (v !== null && !table.headers.includes(v)) throw invalid(`Cột "${v}" (cho "${k}") không có trong tệp.`);
  }
  const mapped = applyMapping(table, map, OPINION_FIELDS);
  const errors: RowError[] = [...mapped.errors];
  // Units by folded name ("Phổ Thạnh", "phường Sa Huỳnh"); units in force at the date win.
  const units = await db.select().from(adminUnits);
  const byName = new Map<string, (typeof units)[number][]>();
  for (const u of units) {
    const k = fold(u.name);
    byName.set(k, [...(byName.get(k) ?? []), u]);
  }
  const day = at ?? '9999-12-31';
  let converted = 0;
  const items: OpinionItem[] = [];
  const preview: OpinionImportPlan['preview'] = [];
  mapped.rows.forEach((r, i) => {
    const row = mapped.rowNumbers[i]!;
    const text = String(r.text ?? '');
    const c = convertLegacy(text);
    if (c.changed) converted++;
    const unitLabel = String(r.unit ?? '').trim();
    let unitId: string | null = null;
    if (unitLabel) {
      const key = fold(convertLegacy(unitLabel).text).replace(/^(xa|phuong|thi tran|dac khu)\s+/, '');
      const cands = byName.get(key) ?? [];
      const live = cands.filter((u) => inForce(u, day));
      const pick = live.length === 1 ? live[0] : cands.length === 1 ? cands[0] : undefined;
      if (!pick) {
        errors.push({ row, column: 'Xã, phường', message: `Dòng ${row}: không xác định được xã, phường "${unitLabel}".` });
        return;
      }
      unitId = pick.id;
    }
    const voterName = convertLegacy(String(r.voterName ?? '')).text;
    const voterHamlet = convertLegacy(String(r.voterHamlet ?? '')).text;
    items.push({ text, voterName, voterHamlet, voterCount: (r.voterCount as number | undefined) ?? 1, unitId });
    if (preview.length < 20) preview.push({ row, text: c.text, voterName, voterHamlet, unit: unitLabel });
  });
  errors.sort((a, b) => a.row - b.row);
  return { headers: table.headers, mapping: map, total: table.rows.length, valid: items.length, errors, converted, preview, items };
}

/** Commits a plan without errors: every row or none. */
export async function commitOpinionImport(
  ctx: ActionCtx,
  councilId: string,
  plan: OpinionImportPlan,
  target: Omit<CreateOpinionsInput, 'items'>,
  fileName: string,
) {
  if (plan.errors.length) throw invalid(`Tệp có ${plan.errors.length} lỗi; chưa ghi ý kiến nào. Hãy sửa rồi nhập lại.`, plan.errors);
  if (!plan.items.length) throw invalid('Tệp không có dòng ý kiến nào.');
  return ctx.db.transaction(async (tx) => {
    const rows = await insertOpinions(tx, ctx, councilId, { ...target, items: plan.items });
    await recordEvent(tx, ctx.actor, {
      action: 'opinion.import',
      entityType: 'petition_round',
      entityId: target.roundId,
      councilId,
      after: { fileName, count: rows.length, converted: plan.converted, at: today(ctx.now) },
    });
    return { created: rows.length };
  });
}
