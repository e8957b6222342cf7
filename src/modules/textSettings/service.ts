// Actions on the administrator's abbreviations, and the reindex of stored search keys. Each change
// is one transaction with its audit event, and drops the cached dictionary afterwards.
import { and, asc, eq, gt, ne } from 'drizzle-orm';
import { DEFAULT_ABBREVIATIONS } from '../../domain/text/abbreviations.ts';
import { fold } from '../../domain/text/normalize.ts';
import { exactDocument, searchDocument } from '../../domain/text/searchQuery.ts';
import type { Db } from '../../db/client.ts';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import { deleteAudited, insertAudited, recordEvent, updateAudited, type Actor } from '../audit/service.ts';
import { opinions, petitions } from '../petitions/schema.ts';
import { readAbbreviations } from './dictionary.ts';
import { invalidate } from '../../db/cache.ts';
import { textAbbreviations } from './schema.ts';

export const DEFAULT_LABEL = 'mặc định';
export const CUSTOM_LABEL = 'quản trị viên';
const ENTITY = 'text_abbreviation';

/** How lookup compares abbreviations: no case, no diacritics (Đ = D), no '&', '.', '-'. */
export function abbreviationKey(abbr: string): string {
  return fold(abbr).replace(/[&.\-\s]/g, '');
}

type Row = typeof textAbbreviations.$inferSelect;

export interface AbbreviationInput {
  abbreviation: string;
  expansion: string;
  numbered?: boolean;
  caseSensitive?: boolean | null;
  note?: string;
}

function rowOut(r: Row) {
  return {
    id: r.id as string | null,
    abbreviation: r.abbreviation,
    expansion: r.expansion,
    numbered: r.numbered,
    caseSensitive: r.caseSensitive,
    note: r.note,
    source: 'custom' as 'custom' | 'default',
    sourceLabel: CUSTOM_LABEL,
    /** For a custom entry: it replaces a default; for a default: a custom entry replaces it. */
    replacesDefault: false,
    replacedBy: null as string | null,
    createdAt: r.createdAt.toISOString() as string | null,
    updatedAt: r.updatedAt.toISOString() as string | null,
  };
}

const defaultKey = (abbr: string, numbered?: boolean) => abbreviationKey(abbr) + (numbered ? '#' : '');

/** Defaults (marked 'mặc định') and the administrator's entries. */
export async function listAbbreviations(db: Db) {
  const rows = await db.select().from(textAbbreviations).orderBy(asc(textAbbreviations.abbreviation));
  const customByKey = new Map(rows.map((r) => [defaultKey(r.abbreviation, r.numbered), r]));
  const defaultKeys = new Set(DEFAULT_ABBREVIATIONS.map((e) => defaultKey(e.abbr, e.numbered)));
  const custom = rows.map((r) => ({ ...rowOut(r), replacesDefault: defaultKeys.has(defaultKey(r.abbreviation, r.numbered)) }));
  const defaults = DEFAULT_ABBREVIATIONS.map((e) => ({
    id: null,
    abbreviation: e.abbr,
    expansion: e.expansion,
    numbered: e.numbered ?? false,
    caseSensitive: e.caseSensitive ?? null,
    note: '',
    source: 'default' as const,
    sourceLabel: DEFAULT_LABEL,
    replacesDefault: false,
    replacedBy: customByKey.get(defaultKey(e.abbr, e.numbered))?.id ?? null,
    createdAt: null,
    updatedAt: null,
  }));
  return { items: [...custom, ...defaults] };
}

function normalize(input: AbbreviationInput) {
  const abbreviation = input.abbreviation.normalize('NFC').trim();
  if (!/\p{L}/u.test(abbreviation) || abbreviationKey(abbreviation) === '') {
    throw invalid('Từ viết tắt phải có ít nhất một chữ cái.');
  }
  return {
    abbreviation,
    expansion: input.expansion.normalize('NFC').trim().replace(/\s+/g, ' '),
    numbered: input.numbered ?? false,
    caseSensitive: input.caseSensitive ?? null,
    note: input.note?.trim() ?? '',
  };
}

async function checkUnique(db: Pick<Db, 'select'>, abbreviation: string, numbered: boolean, exceptId?: string) {
  const key = defaultKey(abbreviation, numbered);
  const rows = await db
    .select()
    .from(textAbbreviations)
    .where(exceptId ? ne(textAbbreviations.id, exceptId) : undefined);
  const same = rows.find((r) => defaultKey(r.abbreviation, r.numbered) === key);
  if (same) {
    throw conflict(`Từ viết tắt "${same.abbreviation}" đã có trong danh sách do quản trị viên bổ sung. Hãy sửa mục đó thay vì thêm mục mới.`, {
      id: same.id,
    });
  }
}

export async function createAbbreviation(db: Db, actor: Actor, input: AbbreviationInput) {
  const values = normalize(input);
  const row = await db.transaction(async (tx) => {
    await checkUnique(tx, values.abbreviation, values.numbered);
    await invalidate(tx, 'abbreviations');
    return insertAudited(tx, actor, textAbbreviations, values, { entityType: ENTITY, action: 'text_abbreviation.create' });
  });
  return rowOut(row);
}

export async function updateAbbreviation(db: Db, actor: Actor, id: string, input: Partial<AbbreviationInput>) {
  const row = await db.transaction(async (tx) => {
    const [cur] = await tx.select().from(textAbbreviations).where(eq(textAbbreviations.id, id));
    if (!cur) throw notFound('từ viết tắt (các mục mặc định không sửa được; hãy thêm một mục cùng từ viết tắt để thay nghĩa)');
    const values = normalize({
      abbreviation: input.abbreviation ?? cur.abbreviation,
      expansion: input.expansion ?? cur.expansion,
      numbered: input.numbered ?? cur.numbered,
      caseSensitive: input.caseSensitive === undefined ? cur.caseSensitive : input.caseSensitive,
      note: input.note ?? cur.note,
    });
    await checkUnique(tx, values.abbreviation, values.numbered, id);
    await invalidate(tx, 'abbreviations');
    return updateAudited(tx, actor, textAbbreviations, id, values, { entityType: ENTITY, action: 'text_abbreviation.update' });
  });
  return rowOut(row!);
}

export async function deleteAbbreviation(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const row = await deleteAudited(tx, actor, textAbbreviations, id, { entityType: ENTITY, action: 'text_abbreviation.delete' });
    // Thrown inside the transaction: a refused delete leaves nothing written, the cache version included.
    if (!row) throw notFound('từ viết tắt (các mục mặc định không xóa được)');
    await invalidate(tx, 'abbreviations');
  });
  return { ok: true as const };
}

const BATCH = 500;

/**
 * Recomputes the search keys of petitions and opinions with the dictionary in force, in batches
 * (one transaction per batch; rows whose keys do not change are not written). The record's version
 * is not bumped: search keys are not content.
 */
export async function reindexSearch(db: Db, actor: Actor) {
  const dict = await readAbbreviations(db);
  const counts = { petitions: 0, opinions: 0 };
  let scanned = 0;
  for (const [name, table] of [['petitions', petitions], ['opinions', opinions]] as const) {
    let after: string | null = null;
    for (;;) {
      const batch: { id: string; text: string; searchText: string; exactText: string }[] = await db
        .select({ id: table.id, text: table.text, searchText: table.searchText, exactText: table.exactText })
        .from(table)
        .where(after ? gt(table.id, after) : undefined)
        .orderBy(asc(table.id))
        .limit(BATCH);
      if (!batch.length) break;
      after = batch[batch.length - 1]!.id;
      scanned += batch.length;
      const changed = batch
        .map((r) => ({ id: r.id, old: r, searchText: searchDocument(r.text ?? '', dict), exactText: exactDocument(r.text ?? '') }))
        .filter((r) => r.searchText !== r.old.searchText || r.exactText !== r.old.exactText);
      if (changed.length) {
        await db.transaction(async (tx) => {
          for (const r of changed) {
            await tx
              .update(table)
              .set({ searchText: r.searchText, exactText: r.exactText } as never)
              .where(and(eq(table.id, r.id), eq(table.text, r.old.text)));
          }
        });
      }
      counts[name] += changed.length;
    }
  }
  const total = counts.petitions + counts.opinions;
  await recordEvent(db, actor, {
    action: 'text_abbreviation.reindex',
    entityType: ENTITY,
    entityId: 'search_index',
    after: { ...counts, total, scanned, entries: dict.length },
  });
  return { ...counts, total, scanned };
}
