// Intake: create many opinions in one call (typed minutes, a pasted list, an imported sheet).
// Text is stored NFC, converted from TCVN3/VNI when detected, the original kept. All or nothing.
import { getTableColumns, inArray } from 'drizzle-orm';
import { invalid, notFound } from '../../../server/errors.ts';
import { recordEvents } from '../../audit/service.ts';
import { adminUnits } from '../../directory/schema.ts';
import { convertLegacy, type ConversionResult } from '../../../domain/text/legacy.ts';
import { collapseWhitespace } from '../../../domain/text/normalize.ts';
import type { OpinionChannel } from '../../../domain/petitions/status.ts';
import { meetingOf, out, roundOf, today, type ActionCtx, type DbOrTx } from '../common.ts';
import { auditSafe } from '../personal.ts';
import { opinions } from '../schema.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';
import { randomUUID } from 'node:crypto';
import { insertColumns, insertMany } from '../../../db/bulkInsert.ts';
import { addVocabularyWords, deriveSearchInApp } from '../../../db/searchSchema.ts';
import { bulkSearchColumns } from '../../../db/searchColumns.ts';
import type { SearchColumns } from '../../../domain/text/searchVector.ts';
import { currentAbbreviations } from '../../textSettings/dictionary.ts';

export interface OpinionItem {
  text: string;
  voterName?: string;
  voterHamlet?: string;
  voterCount?: number;
  unitId?: string | null;
}

export interface CreateOpinionsInput {
  roundId: string;
  meetingId?: string | null;
  channel?: OpinionChannel;
  receivedOn?: string | null;
  items: OpinionItem[];
}

export const MAX_OPINIONS_PER_CALL = 2000;
/** An imported sheet may hold a whole round of a province (the bench imports 20,000). */
export const MAX_OPINIONS_PER_IMPORT = 50_000;
/** Rows per multi-row INSERT: large enough to be few statements, small enough for PGlite's memory. */
const INSERT_CHUNK = 1000;
/** What an insert returns: the row without its search documents and vector (they are never shown). */
const { searchText: _s, exactText: _e, searchVector: _v, ...returned } = getTableColumns(opinions);

export interface InsertOptions {
  max?: number;
  /** Rows written so far, after each chunk. */
  onProgress?(done: number, total: number): void;
}

/** Converts legacy text and returns the columns that hold it. */
export function textColumns(raw: string) {
  return textColumnsOf(raw, convertLegacy(raw));
}

/** textColumns(raw) from convertLegacy(raw) computed already. */
export function textColumnsOf(raw: string, c: ConversionResult) {
  const text = collapseWhitespace(c.text);
  return { text, originalText: c.changed ? raw : null, sourceEncoding: c.encoding };
}

type TextColumns = ReturnType<typeof textColumns>;
/** Text columns an import computed while planning (it converts each row's text once), by item. */
const prepared = new WeakMap<OpinionItem, { raw: string; cols: TextColumns }>();

/** Records that `cols` are textColumns(item.text) (the write then does not convert the text again). */
export function withTextColumns<T extends OpinionItem>(item: T, cols: TextColumns): T {
  prepared.set(item, { raw: item.text, cols });
  return item;
}

function textColumnsOfItem(item: OpinionItem): TextColumns {
  const p = prepared.get(item);
  return p && p.raw === item.text ? p.cols : textColumns(item.text);
}

/**
 * The checks and the rows of a write, then the rows written in chunks (insertMany) inside the
 * caller's transaction: each row brings its search vector, and the vocabulary gets the words of
 * all of them in one statement (deriveSearchInApp; the triggers would do it row by row). Returns
 * the new ids, in the items' order.
 */
async function writeOpinions(tx: DbOrTx, ctx: ActionCtx, councilId: string, input: CreateOpinionsInput, opts: InsertOptions): Promise<string[]> {
  const max = opts.max ?? MAX_OPINIONS_PER_CALL;
  if (!input.items.length) throw invalid('Chưa có ý kiến nào để ghi.');
  if (input.items.length > max) throw invalid(`Mỗi lần ghi tối đa ${max.toLocaleString('vi-VN')} ý kiến.`);
  await roundOf(tx, councilId, input.roundId, { open: true });
  let channel: OpinionChannel = input.channel ?? 'meeting';
  let meetingUnit: string | null = null;
  let receivedOn = input.receivedOn ?? null;
  if (input.meetingId) {
    const m = await meetingOf(tx, councilId, input.meetingId);
    if (m.roundId !== input.roundId) throw invalid('Hội nghị tiếp xúc cử tri không thuộc đợt này.');
    channel = 'meeting';
    meetingUnit = m.unitId;
    receivedOn ??= m.heldOn;
  } else if (channel === 'meeting') {
    throw invalid('Ý kiến tại hội nghị tiếp xúc cử tri cần chọn hội nghị; nếu không, hãy chọn kênh tiếp nhận khác.');
  }
  const unitIds = [...new Set(input.items.map((i) => i.unitId).filter((x): x is string => !!x))];
  if (unitIds.length) {
    const found = await tx.select({ id: adminUnits.id }).from(adminUnits).where(inArray(adminUnits.id, unitIds));
    if (found.length !== unitIds.length) throw notFound('đơn vị hành chính (địa bàn) của ý kiến');
  }
  // Every row's text first (an empty one refuses the call before anything is written).
  const texts = input.items.map((item, i) => {
    const cols = textColumnsOfItem(item);
    if (!cols.text) throw invalid(`Ý kiến thứ ${i + 1} không có nội dung.`);
    return cols;
  });
  const day = receivedOn ?? today(ctx.now);
  const rowOf = (i: number, search: SearchColumns) => {
    const item = input.items[i]!;
    const cols = texts[i]!;
    return {
      // The id is made here (a random UUID, as the column's default makes): the rows are then
      // written column by column (insertColumns), nothing returned, nothing to order.
      id: randomUUID(),
      councilId,
      roundId: input.roundId,
      meetingId: input.meetingId ?? null,
      channel,
      voterName: collapseWhitespace(item.voterName ?? ''),
      voterHamlet: collapseWhitespace(item.voterHamlet ?? ''),
      voterCount: item.voterCount ?? 1,
      unitId: item.unitId ?? meetingUnit,
      receivedOn: day,
      ...cols,
      ...search,
    };
  };
  await deriveSearchInApp(tx, true);
  // Every row's search columns, a chunk at a time (a large write computes them on a worker thread).
  const search = bulkSearchColumns(texts.map((t) => t.text), currentAbbreviations(), INSERT_CHUNK);
  const ids: string[] = [];
  const written = async (insert: Promise<string[]>) => {
    ids.push(...(await insert));
    if (opts.onProgress) {
      opts.onProgress(ids.length, texts.length);
      // Let pollers of the progress in: PGlite runs in this thread, a chunk's await alone does not.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  // Chunk k+1's rows are made while chunk k is written: the database works meanwhile (PostgreSQL
  // in its own process; PGlite in this thread, while the worker computes the next search columns).
  let pending: Promise<string[]> | null = null;
  try {
    for (let i = 0; i < texts.length; i += INSERT_CHUNK) {
      const columns = await search.next();
      const values = columns.map((c, k) => rowOf(i + k, c));
      if (pending) await written(pending);
      pending = insertChunk(tx, values);
    }
    if (pending) await written(pending);
  } catch (err) {
    // A chunk still in flight is waited for, so that its failure is not left unhandled.
    await pending?.catch(() => undefined);
    throw err;
  }
  await addVocabularyWords(tx, await search.words());
  await deriveSearchInApp(tx, false);
  return ids;
}

/** Writes rows that carry their ids; returns the ids, in order. */
async function insertChunk(tx: DbOrTx, values: (typeof opinions.$inferInsert & { id: string })[]): Promise<string[]> {
  // A value holding one of insertColumns' separators (control characters checked text never has)
  // goes the JSON way instead.
  if (!(await insertColumns(tx, opinions, values))) await insertMany(tx, opinions, values);
  return values.map((v) => v.id);
}

/** Inside a transaction: every row with its own audit event ('opinion.create'); returns the rows. */
export async function insertOpinions(tx: DbOrTx, ctx: ActionCtx, councilId: string, input: CreateOpinionsInput, opts: InsertOptions = {}) {
  const ids = await writeOpinions(tx, ctx, councilId, input, opts);
  const byId = new Map((await tx.select(returned).from(opinions).where(inArray(opinions.id, ids))).map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)!);
  await recordEvents(tx, ctx.actor, rows.map((r) => ({ action: 'opinion.create', entityType: 'opinion', entityId: r.id, councilId, after: auditSafe(r) })));
  return rows;
}

/**
 * Inside a transaction, for an import of up to MAX_OPINIONS_PER_IMPORT rows: returns the new ids in
 * order and records no event per row — the import's one event names them (commitOpinionImport).
 */
export function insertImportedOpinions(tx: DbOrTx, ctx: ActionCtx, councilId: string, input: CreateOpinionsInput, opts: InsertOptions = {}): Promise<string[]> {
  return writeOpinions(tx, ctx, councilId, input, { max: MAX_OPINIONS_PER_IMPORT, ...opts });
}

export async function createOpinions(ctx: ActionCtx, councilId: string, input: CreateOpinionsInput) {
  const rows = await ctx.db.transaction((tx) => insertOpinions(tx, ctx, councilId, input));
  return { created: rows.length, items: rows.map((r) => withoutSearchKeys(out(r))) };
}
