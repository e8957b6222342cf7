// The per-council field taxonomy (lĩnh vực): installed from the default list when a council opens
// its first round, then edited by the secretariat (policy per council as data).
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { conflict, notFound } from '../../../server/errors.ts';
import { insertAudited, recordEvent, updateAudited, type Actor } from '../../audit/service.ts';
import { DEFAULT_FIELDS } from '../../../domain/text/fields.ts';
import { out, type ActionCtx, type DbOrTx, type PageRequest } from '../common.ts';
import { countWhere, pageWithTotal } from '../../../db/paging.ts';
import { petitionFields } from '../schema.ts';

/** The default taxonomy: the text engine's fields plus "Khác". */
export const DEFAULT_TAXONOMY = [
  ...DEFAULT_FIELDS.map((f) => ({ code: f.code, name: f.name, keywords: [...f.keywords] })),
  { code: 'other', name: 'Khác', keywords: [] as string[] },
];

/** Installs the default taxonomy if the council has none (inside the caller's transaction). */
export async function ensureFields(tx: DbOrTx, actor: Actor, councilId: string) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(petitionFields).where(eq(petitionFields.councilId, councilId));
  if ((r?.n ?? 0) > 0) return 0;
  await tx.insert(petitionFields).values(DEFAULT_TAXONOMY.map((f, i) => ({ ...f, councilId, sortOrder: (i + 1) * 10 })));
  await recordEvent(tx, actor, {
    action: 'petition_field.install_defaults',
    entityType: 'petition_field',
    entityId: councilId,
    councilId,
    after: { fields: DEFAULT_TAXONOMY.map((f) => f.name) },
  });
  return DEFAULT_TAXONOMY.length;
}

export interface FieldInput {
  code: string;
  name: string;
  keywords?: string[];
  sortOrder?: number;
  active?: boolean;
}

export async function createField(ctx: ActionCtx, councilId: string, input: FieldInput) {
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: petitionFields.id })
      .from(petitionFields)
      .where(and(eq(petitionFields.councilId, councilId), eq(petitionFields.code, input.code)));
    if (dup) throw conflict(`Mã lĩnh vực "${input.code}" đã có.`);
    return out(
      await insertAudited(tx, ctx.actor, petitionFields, { ...input, keywords: input.keywords ?? [], councilId }, {
        entityType: 'petition_field',
        action: 'petition_field.create',
        councilId,
      }),
    );
  });
}

export async function updateField(ctx: ActionCtx, councilId: string, fieldId: string, input: Partial<Omit<FieldInput, 'code'>>) {
  return ctx.db.transaction(async (tx) => {
    const [f] = await tx.select().from(petitionFields).where(eq(petitionFields.id, fieldId));
    if (!f || f.councilId !== councilId) throw notFound('lĩnh vực');
    return out(
      (await updateAudited(tx, ctx.actor, petitionFields, fieldId, input, {
        entityType: 'petition_field',
        action: 'petition_field.update',
        councilId,
      }))!,
    );
  });
}

export async function listFields(db: DbOrTx, councilId: string, p: PageRequest) {
  const where = eq(petitionFields.councilId, councilId);
  return pageWithTotal(
    p,
    (total) =>
      db.select({ ...getTableColumns(petitionFields), total }).from(petitionFields).where(where).orderBy(petitionFields.sortOrder, petitionFields.name, petitionFields.id),
    () => countWhere(db, petitionFields, where),
    out,
  );
}
