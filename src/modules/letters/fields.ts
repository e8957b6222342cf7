// Fields (lĩnh vực) of letters: the council's taxonomy (letter_fields, or the shipped defaults of
// domain DEFAULT_LETTER_FIELDS while it stores none), the text engine's suggestion at intake, and
// the clerk's confirmation (one action, one audit event naming codes, never content).
import { and, asc, eq } from 'drizzle-orm';
import { conflict, invalid } from '../../server/errors.ts';
import { DEFAULT_LETTER_FIELDS, letterFieldName, suggestLetterField } from '../../domain/letters/index.ts';
import type { FieldDefinition } from '../../domain/text/fields.ts';
import { recordEvent } from '../audit/service.ts';
import { letterOf, type ActionCtx, type DbOrTx } from './common.ts';
import { letterFields, letters } from './schema.ts';

export type TaxonomyField = FieldDefinition & { active: boolean; sortOrder: number };

/** The council's fields in order (inactive ones kept for old letters' names); the defaults when it stored none. */
export async function letterTaxonomy(db: DbOrTx, councilId: string): Promise<{ fields: TaxonomyField[]; custom: boolean }> {
  const rows = await db.select().from(letterFields).where(eq(letterFields.councilId, councilId)).orderBy(asc(letterFields.sortOrder), asc(letterFields.code));
  if (!rows.length) return { fields: DEFAULT_LETTER_FIELDS.map((f, i) => ({ ...f, keywords: [...f.keywords], active: true, sortOrder: i + 1 })), custom: false };
  return { fields: rows.map((r) => ({ code: r.code, name: r.name, keywords: r.keywords, active: r.active, sortOrder: r.sortOrder })), custom: true };
}

export const activeFields = (t: { fields: TaxonomyField[] }) => t.fields.filter((f) => f.active);

/** The field the text engine suggests for this text, within the council's active taxonomy. */
export function suggestionOf(text: string, taxonomy: { fields: TaxonomyField[] }) {
  const s = suggestLetterField(text, activeFields(taxonomy));
  return s.field ? { code: s.field, name: s.name!, confidence: s.confidence, alternatives: s.alternatives.map((a) => ({ code: a.field, name: letterFieldName(a.field, taxonomy.fields) })) } : null;
}

export function checkFieldCode(code: string, taxonomy: { fields: TaxonomyField[] }) {
  if (!activeFields(taxonomy).some((f) => f.code === code)) throw invalid(`Lĩnh vực "${code}" không có trong danh mục lĩnh vực đơn thư của Hội đồng nhân dân.`);
}

/** The clerk confirms the suggested field or picks another. */
export async function setLetterField(ctx: ActionCtx, councilId: string, letterId: string, input: { fieldCode: string; version?: number }) {
  return ctx.db.transaction(async (tx) => {
    const l = await letterOf(tx, councilId, letterId, { lock: true });
    if (input.version !== undefined && input.version !== l.version) throw conflict('Đơn này vừa được người khác cập nhật. Vui lòng tải lại rồi thực hiện lại.');
    const taxonomy = await letterTaxonomy(tx, councilId);
    checkFieldCode(input.fieldCode, taxonomy);
    const [after] = await tx.update(letters).set({ fieldCode: input.fieldCode, fieldConfirmed: true, version: l.version + 1, updatedAt: new Date() }).where(eq(letters.id, l.id)).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'letter.field', entityType: 'letter', entityId: l.id, councilId,
      before: { fieldCode: l.fieldCode, fieldConfirmed: l.fieldConfirmed }, after: { reference: l.reference, fieldCode: input.fieldCode, suggested: l.fieldSuggested },
    });
    return { id: after!.id, fieldCode: after!.fieldCode, fieldName: letterFieldName(after!.fieldCode, taxonomy.fields), fieldConfirmed: true, version: after!.version };
  });
}

export interface FieldInput { code: string; name: string; keywords: string[]; active: boolean }

/** Saves the council's taxonomy (the list given, in its order; a code used by letters is deactivated, never deleted). */
export async function saveLetterFields(ctx: ActionCtx, councilId: string, input: { fields: FieldInput[] }) {
  const codes = input.fields.map((f) => f.code);
  if (new Set(codes).size !== codes.length) throw invalid('Mỗi mã lĩnh vực chỉ được khai một lần.');
  if (!input.fields.some((f) => f.active)) throw invalid('Danh mục cần ít nhất một lĩnh vực đang dùng.');
  return ctx.db.transaction(async (tx) => {
    const before = await letterTaxonomy(tx, councilId);
    const existing = await tx.select({ code: letterFields.code }).from(letterFields).where(eq(letterFields.councilId, councilId));
    // Codes left out are kept, inactive, so old letters keep their field's name.
    const dropped = [...before.fields.filter((f) => !codes.includes(f.code))].map((f, i) => ({ ...f, active: false, sortOrder: input.fields.length + i + 1 }));
    const all = [...input.fields.map((f, i) => ({ ...f, sortOrder: i + 1 })), ...dropped];
    for (const f of all) {
      const values = { name: f.name.trim(), keywords: [...new Set(f.keywords.map((k) => k.trim()).filter(Boolean))], active: f.active, sortOrder: f.sortOrder, updatedAt: new Date() };
      if (existing.some((e) => e.code === f.code)) await tx.update(letterFields).set(values).where(and(eq(letterFields.councilId, councilId), eq(letterFields.code, f.code)));
      else await tx.insert(letterFields).values({ councilId, code: f.code, ...values });
    }
    await recordEvent(tx, ctx.actor, {
      action: 'letter_fields.save', entityType: 'council', entityId: councilId, councilId,
      before: { codes: before.fields.filter((f) => f.active).map((f) => f.code), custom: before.custom }, after: { codes: all.filter((f) => f.active).map((f) => f.code) },
    });
    return letterTaxonomy(tx, councilId);
  });
}
