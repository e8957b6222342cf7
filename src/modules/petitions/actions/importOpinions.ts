// Import opinions from an XLSX/CSV sheet made in a commune: column mapping (guessed, or the
// clerk's), a preview with row errors, then an all-or-nothing commit (the shared pattern of
// modules/spreadsheets/importPlan.ts). Legacy TCVN3/VNI cells are converted; originals are kept.
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { invalid } from '../../../server/errors.ts';
import { fold } from '../../../domain/text/normalize.ts';
import { convertLegacy } from '../../../domain/text/legacy.ts';
import { separateSpeaker } from '../../../domain/petitions/speaker.ts';
import { commitImport, planImport, type FieldSpec, type Mapping, type RowError } from '../../spreadsheets/index.ts';
import { adminUnits } from '../../directory/schema.ts';
import { today, type ActionCtx } from '../common.ts';
import { insertImportedOpinions, textColumnsOf, withTextColumns, type CreateOpinionsInput, type OpinionItem } from './createOpinions.ts';
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

/** A planned opinion: what is written, and what the preview shows (the text converted; the item keeps the original). */
interface OpinionRow {
  item: OpinionItem;
  shown: OpinionImportPlan['preview'][number];
}

/** `onProgress`: rows checked so far, of the sheet's rows (the check of a large sheet takes a while). */
export async function planOpinionImport(
  db: Db,
  data: Uint8Array,
  fileName: string,
  mapping?: Mapping,
  at?: string,
  onProgress?: (done: number, total: number) => void,
): Promise<OpinionImportPlan> {
  // Units by folded name ("Phổ Thạnh", "phường Sa Huỳnh"); units in force at the date win.
  const units = await db.select().from(adminUnits);
  const byName = new Map<string, (typeof units)[number][]>();
  for (const u of units) {
    const k = fold(u.name);
    byName.set(k, [...(byName.get(k) ?? []), u]);
  }
  const day = at ?? '9999-12-31';
  let converted = 0;
  const plan = await planImport<OpinionRow, OpinionImportPlan['preview'][number]>({
    data,
    fileName,
    fields: OPINION_FIELDS,
    mapping,
    legacy: 'keep',
    row: (r, { row, reject }) => {
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
        if (!pick) return reject('Xã, phường', `không xác định được xã, phường "${unitLabel}".`);
        unitId = pick.id;
      }
      // "Cử tri Đặng Văn Sơn (thôn Tân Hy): Đề nghị …" in the content cell: the speaker goes to the
      // voter columns (kept when the sheet has them), the request alone to the text.
      const s = separateSpeaker(c.text);
      const voterName = convertLegacy(String(r.voterName ?? '')).text.trim() || (s.speaker ? s.speaker.name || s.speaker.group : '');
      const voterHamlet = convertLegacy(String(r.voterHamlet ?? '')).text.trim() || (s.speaker?.place ?? '');
      const item: OpinionItem = { text: s.speaker ? s.text : text, voterName, voterHamlet, voterCount: (r.voterCount as number | undefined) ?? 1, unitId };
      // The text as the cell had it is written converted: that conversion is `c` (not done twice).
      return { item: s.speaker ? item : withTextColumns(item, textColumnsOf(text, c)), shown: { row, text: s.text, voterName, voterHamlet, unit: unitLabel } };
    },
    preview: (o) => o.shown,
    onProgress,
  });
  // A column the clerk chose that the file lacks is refused outright (not a row error).
  for (const [k, v] of Object.entries(plan.mapping)) {
    if (v !== null && !plan.headers.includes(v)) throw invalid(`Cột "${v}" (cho "${k}") không có trong tệp.`);
  }
  const items = plan.rows.map((o) => o.item);
  return { headers: plan.headers, mapping: plan.mapping, total: plan.total, valid: items.length, errors: plan.errors, converted, preview: plan.preview, items };
}

/** Commits a plan without errors: every row or none, with one audit event naming them. */
export async function commitOpinionImport(
  ctx: ActionCtx,
  councilId: string,
  plan: OpinionImportPlan,
  target: Omit<CreateOpinionsInput, 'items'>,
  fileName: string,
  onProgress?: (done: number, total: number) => void,
) {
  return commitImport(ctx.db, ctx.actor, {
    errors: plan.errors,
    count: plan.items.length,
    nothingWritten: 'chưa ghi ý kiến nào',
    empty: 'Tệp không có dòng ý kiến nào.',
    write: async (tx) => {
      const ids = await insertImportedOpinions(tx, ctx, councilId, { ...target, items: plan.items }, { onProgress });
      // One event for the whole import, naming every opinion it created (their timelines read it).
      return {
        result: { created: ids.length },
        event: {
          action: 'opinion.import',
          entityType: 'petition_round',
          entityId: target.roundId,
          councilId,
          after: { fileName, count: ids.length, converted: plan.converted, at: today(ctx.now), opinionIds: ids },
        },
      };
    },
  });
}
