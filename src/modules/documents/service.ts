// Documents actions. Each action is one function in one transaction with its audit event:
// issue (number + build + render + store), cancel, regenerate; the issuers of a council; the
// council's wording of the templates. Reads (list, download, preview) write nothing: the default
// issuers a council gets are stored by the first action that needs them.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import type { Db, Tx } from '../../db/client.ts';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import { todayInVietnam } from '../../domain/calendar/dates.ts';
import type { DocumentContent } from '../../domain/documents/content.ts';
import { documentKindInfo, formatDocumentSymbol, parseDocumentSymbol, upperVi, type DocumentKind } from '../../domain/documents/format.ts';
import { recordEvent, type Actor } from '../audit/service.ts';
import { adminUnits, bodies, councils } from '../directory/schema.ts';
import { renderDocx } from './render/docx.ts';
import { documentCounters, documentIssuers, documents, documentTemplateWordings, documentTypedNumbers } from './schema.ts';
import { asciiFold } from '../../server/download.ts';
import {
  defaultWording, getTemplate, type BuildContext, type DocumentTemplate,
} from './templates/registry.ts';

import { chosenSigner } from './signers.ts';

type Issuer = typeof documentIssuers.$inferSelect;
type DocumentRow = typeof documents.$inferSelect;

export { DOCUMENT_STATUS_LABELS } from '../../domain/documents/format.ts';
import { DOCUMENT_STATUS_LABELS } from '../../domain/documents/format.ts';
export const ISSUER_KIND_LABELS: Record<string, string> = {
  standing: 'Thường trực HĐND',
  committee: 'Ban của HĐND',
  office: 'Văn phòng',
  council: 'Hội đồng nhân dân (nghị quyết)',
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// Councils and issuers ---------------------------------------------------------------------------

export interface CouncilInfo {
  id: string;
  name: string;
  shortName: string;
  unitName: string;
}

export async function councilInfo(db: Db | Tx, councilId: string): Promise<CouncilInfo> {
  const [row] = await db
    .select({ id: councils.id, name: councils.name, shortName: councils.shortName, unitName: adminUnits.name })
    .from(councils)
    .innerJoin(adminUnits, eq(adminUnits.id, councils.unitId))
    .where(eq(councils.id, councilId));
  if (!row) throw notFound('hội đồng nhân dân');
  return { ...row, shortName: row.shortName || 'HĐND' };
}

/** "Ban Kinh tế – Ngân sách" → "BKTNS". */
export function committeeCode(name: string): string {
  const letters = asciiFold(name)
    .split(/[\s–—-]+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return letters || 'BAN';
}

/** A default issuer's id, the same whether it is only shown (a read) or stored (the first write). */
function defaultIssuerId(councilId: string, code: string): string {
  const h = createHash('sha256').update(`document_issuer:${councilId}:${code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The default issuers of a council: its standing committee ("HĐND"), its committees and the
 * secretariat office ("VP"). Reads show them without storing them; the first action that needs an
 * issuer stores them (ensureIssuers) under the same ids, so a choice made on a read stays valid.
 */
async function defaultIssuers(db: Db | Tx, councilId: string): Promise<(typeof documentIssuers.$inferInsert & { id: string })[]> {
  const c = await councilInfo(db, councilId);
  const parent = upperVi(`${c.shortName} ${c.unitName}`);
  const bodyRows = await db
    .select({ id: bodies.id, kind: bodies.kind, name: bodies.name })
    .from(bodies)
    .where(and(eq(bodies.councilId, councilId), or(eq(bodies.kind, 'standing'), eq(bodies.kind, 'committee'))))
    .orderBy(asc(bodies.createdAt));
  const wanted: (typeof documentIssuers.$inferInsert)[] = [];
  const standing = bodyRows.find((b) => b.kind === 'standing');
  wanted.push({
    councilId,
    bodyId: standing?.id ?? null,
    kind: 'standing',
    code: 'HĐND',
    name: `Thường trực ${c.shortName} ${c.unitName}`,
    headerParent: parent,
    // "HĐND PHƯỜNG SA HUỲNH" above "THƯỜNG TRỰC HĐND": fits the header column on one line.
    headerName: upperVi('Thường trực HĐND'),
    place: c.unitName,
  });
  for (const b of bodyRows.filter((r) => r.kind === 'committee')) {
    wanted.push({
      councilId,
      bodyId: b.id,
      kind: 'committee',
      code: committeeCode(b.name),
      name: `${b.name} ${c.shortName} ${c.unitName}`,
      headerParent: parent,
      headerName: upperVi(b.name),
      place: c.unitName,
    });
  }
  wanted.push({
    councilId,
    bodyId: null,
    kind: 'office',
    code: 'VP',
    name: `Văn phòng ${c.shortName} ${c.unitName}`,
    headerParent: parent,
    headerName: upperVi('Văn phòng'),
    place: c.unitName,
  });
  return wanted.map((w) => ({ ...w, id: defaultIssuerId(councilId, w.code) }));
}

/** The council's issuers, storing the defaults (with their audit events) the first time an action needs them. */
export async function ensureIssuers(tx: Db | Tx, actor: Actor, councilId: string): Promise<Issuer[]> {
  const existing = await tx.select().from(documentIssuers).where(eq(documentIssuers.councilId, councilId));
  if (existing.length > 0) return existing;
  for (const w of await defaultIssuers(tx, councilId)) {
    const [row] = await tx.insert(documentIssuers).values(w).onConflictDoNothing().returning();
    if (row) {
      await recordEvent(tx, actor, {
        action: 'documents.issuer.create', entityType: 'document_issuer', entityId: row.id, councilId, after: row,
      });
    }
  }
  return tx.select().from(documentIssuers).where(eq(documentIssuers.councilId, councilId)).orderBy(asc(documentIssuers.createdAt));
}

/** Which plenary register: every resolution ('all'), or the separate series of normative ones. */
export type CouncilSeries = 'all' | 'normative';

/** The council in plenary as an issuer: its resolutions' register ("NQ-HĐND"), its own series. */
async function councilIssuerValues(db: Db | Tx, councilId: string, series: CouncilSeries = 'all'): Promise<typeof documentIssuers.$inferInsert & { id: string }> {
  const c = await councilInfo(db, councilId);
  return {
    id: defaultIssuerId(councilId, series === 'normative' ? 'council-normative' : 'council'),
    councilId,
    bodyId: null,
    kind: series === 'normative' ? 'council_normative' : 'council',
    code: 'HĐND',
    name: series === 'normative' ? `${c.shortName} ${c.unitName} (nghị quyết quy phạm pháp luật)` : `${c.shortName} ${c.unitName}`,
    headerParent: '',
    headerName: upperVi(`${c.shortName} ${c.unitName}`),
    place: c.unitName,
  };
}

/** The council's own issuer (resolutions), stored with its audit event the first time an action needs it. */
export async function ensureCouncilIssuer(tx: Db | Tx, actor: Actor, councilId: string, series: CouncilSeries = 'all'): Promise<Issuer> {
  await ensureIssuers(tx, actor, councilId);
  const kind = series === 'normative' ? 'council_normative' : 'council';
  const [existing] = await tx.select().from(documentIssuers).where(and(eq(documentIssuers.councilId, councilId), eq(documentIssuers.kind, kind)));
  if (existing) return existing;
  const [row] = await tx.insert(documentIssuers).values(await councilIssuerValues(tx, councilId, series)).onConflictDoNothing().returning();
  if (row) {
    await recordEvent(tx, actor, { action: 'documents.issuer.create', entityType: 'document_issuer', entityId: row.id, councilId, after: row });
    return row;
  }
  const [again] = await tx.select().from(documentIssuers).where(and(eq(documentIssuers.councilId, councilId), eq(documentIssuers.kind, kind)));
  return again!;
}

/** The council's issuers as stored, or the defaults (not stored: a read writes nothing). */
export async function issuersForRead(db: Db | Tx, councilId: string): Promise<Issuer[]> {
  const stored = await db.select().from(documentIssuers).where(eq(documentIssuers.councilId, councilId));
  if (stored.length) return stored;
  const now = new Date();
  return (await defaultIssuers(db, councilId)).map((w) => ({ ...w, bodyId: w.bodyId ?? null, headerParent: w.headerParent ?? '', createdAt: now, updatedAt: now }));
}

export async function listIssuers(db: Db, councilId: string) {
  const rows = await issuersForRead(db, councilId);
  const order = { standing: 0, committee: 1, office: 2, council: 3 } as Record<string, number>;
  return rows
    .map((r) => ({ ...plainIssuer(r), kindLabel: ISSUER_KIND_LABELS[r.kind] ?? r.kind }))
    .sort((a, b) => (order[a.kind] ?? 9) - (order[b.kind] ?? 9) || a.code.localeCompare(b.code));
}

function plainIssuer(r: Issuer) {
  return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

export interface IssuerInput {
  kind: 'standing' | 'committee' | 'office';
  bodyId?: string | null;
  code: string;
  name: string;
  headerParent?: string;
  headerName: string;
  place: string;
}

export async function createIssuer(db: Db, actor: Actor, councilId: string, input: IssuerInput) {
  return db.transaction(async (tx) => {
    await ensureIssuers(tx, actor, councilId);
    if (input.bodyId) await checkBody(tx, councilId, input.bodyId);
    const [dup] = await tx
      .select({ id: documentIssuers.id })
      .from(documentIssuers)
      .where(and(eq(documentIssuers.councilId, councilId), eq(documentIssuers.code, input.code)));
    if (dup) throw conflict(`Đã có cơ quan ban hành dùng ký hiệu "${input.code}".`);
    const [row] = await tx
      .insert(documentIssuers)
      .values({ ...input, bodyId: input.bodyId ?? null, headerParent: input.headerParent ?? '', councilId })
      .returning();
    await recordEvent(tx, actor, { action: 'documents.issuer.create', entityType: 'document_issuer', entityId: row!.id, councilId, after: row });
    return plainIssuer(row!);
  });
}

export async function updateIssuer(db: Db, actor: Actor, councilId: string, issuerId: string, patch: Partial<IssuerInput>) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(documentIssuers)
      .where(and(eq(documentIssuers.id, issuerId), eq(documentIssuers.councilId, councilId)))
      .for('update');
    if (!before) throw notFound('cơ quan ban hành');
    if (patch.bodyId) await checkBody(tx, councilId, patch.bodyId);
    if (patch.code && patch.code !== before.code) {
      // The code is part of every symbol already issued: changing it would make the register lie.
      const [used] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.issuerId, issuerId)).limit(1);
      if (used) throw conflict('Không thể đổi ký hiệu của cơ quan đã ban hành văn bản; hãy tạo cơ quan ban hành mới.');
      const [dup] = await tx
        .select({ id: documentIssuers.id })
        .from(documentIssuers)
        .where(and(eq(documentIssuers.councilId, councilId), eq(documentIssuers.code, patch.code)));
      if (dup) throw conflict(`Đã có cơ quan ban hành dùng ký hiệu "${patch.code}".`);
    }
    const [after] = await tx
      .update(documentIssuers)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(documentIssuers.id, issuerId))
      .returning();
    await recordEvent(tx, actor, { action: 'documents.issuer.update', entityType: 'document_issuer', entityId: issuerId, councilId, before, after });
    return plainIssuer(after!);
  });
}

async function checkBody(tx: Tx, councilId: string, bodyId: string) {
  const [b] = await tx.select({ id: bodies.id }).from(bodies).where(and(eq(bodies.id, bodyId), eq(bodies.councilId, councilId)));
  if (!b) throw notFound('Thường trực hoặc Ban của HĐND này');
}

/** The issuer of a document; `actor` null for a draft, which stores nothing (the defaults stay unsaved). */
async function pickIssuer(tx: Tx, actor: Actor | null, councilId: string, template: DocumentTemplate<unknown>, issuerId?: string): Promise<Issuer> {
  const all = actor ? await ensureIssuers(tx, actor, councilId) : await issuersForRead(tx, councilId);
  if (!issuerId && template.defaultIssuerKind === 'council') {
    const stored = all.find((i) => i.kind === 'council');
    if (stored) return stored;
    if (actor) return ensureCouncilIssuer(tx, actor, councilId);
    const now = new Date();
    return { ...(await councilIssuerValues(tx, councilId)), bodyId: null, headerParent: '', createdAt: now, updatedAt: now };
  }
  if (issuerId) {
    const found = all.find((i) => i.id === issuerId);
    if (!found) throw notFound('cơ quan ban hành của HĐND này');
    return found;
  }
  const kind = template.defaultIssuerKind ?? 'standing';
  const found = all.find((i) => i.kind === kind) ?? all[0];
  if (!found) throw notFound('cơ quan ban hành');
  return found;
}

// Wording ----------------------------------------------------------------------------------------

export function requireTemplate(key: string): DocumentTemplate<unknown> {
  const t = getTemplate(key);
  if (!t) throw notFound('mẫu văn bản');
  return t;
}

async function storedWording(db: Db | Tx, councilId: string, key: string): Promise<Record<string, string>> {
  const [row] = await db
    .select({ wording: documentTemplateWordings.wording })
    .from(documentTemplateWordings)
    .where(and(eq(documentTemplateWordings.councilId, councilId), eq(documentTemplateWordings.templateKey, key)));
  return row?.wording ?? {};
}

/** The council's wording: defaults in code, overridden slot by slot by what the council saved. */
export async function effectiveWording(db: Db | Tx, councilId: string, t: DocumentTemplate<unknown>): Promise<Record<string, string>> {
  const stored = await storedWording(db, councilId, t.key);
  const out = defaultWording(t);
  for (const [k, v] of Object.entries(stored)) if (k in out && typeof v === 'string') out[k] = v;
  return out;
}

export async function templateDetail(db: Db, councilId: string, key: string) {
  const t = requireTemplate(key);
  const stored = await storedWording(db, councilId, key);
  return {
    ...templateSummary(t),
    slots: Object.entries(t.wording).map(([slot, def]) => ({
      slot,
      label: def.label,
      multiline: def.multiline ?? false,
      default: def.default,
      value: typeof stored[slot] === 'string' ? stored[slot]! : def.default,
      overridden: typeof stored[slot] === 'string',
    })),
  };
}

export function templateSummary(t: DocumentTemplate<unknown>) {
  const info = documentKindInfo(t.kind);
  return {
    key: t.key,
    title: t.title,
    kind: t.kind,
    kindName: info.name,
    description: t.description ?? '',
    module: t.module,
  };
}

/** Saves slots (a null value resets that slot to its default); unknown slots are refused. */
export async function updateWording(db: Db, actor: Actor, councilId: string, key: string, patch: Record<string, string | null>) {
  const t = requireTemplate(key);
  for (const slot of Object.keys(patch)) {
    if (!(slot in t.wording)) throw invalid(`Mẫu "${t.title}" không có mục lời văn "${slot}".`);
  }
  await db.transaction(async (tx) => {
    await councilInfo(tx, councilId);
    const [row] = await tx
      .select()
      .from(documentTemplateWordings)
      .where(and(eq(documentTemplateWordings.councilId, councilId), eq(documentTemplateWordings.templateKey, key)))
      .for('update');
    const before = row?.wording ?? {};
    const next: Record<string, string> = { ...before };
    for (const [slot, value] of Object.entries(patch)) {
      if (value === null || value === t.wording[slot]!.default) delete next[slot];
      else next[slot] = value;
    }
    await tx
      .insert(documentTemplateWordings)
      .values({ councilId, templateKey: key, wording: next, updatedById: actor.id })
      .onConflictDoUpdate({
        target: [documentTemplateWordings.councilId, documentTemplateWordings.templateKey],
        set: { wording: next, updatedById: actor.id, updatedAt: new Date() },
      });
    await recordEvent(tx, actor, {
      action: 'documents.template_wording.update', entityType: 'document_template', entityId: key, councilId, before, after: next,
    });
  });
  return templateDetail(db, councilId, key);
}

export async function resetWording(db: Db, actor: Actor, councilId: string, key: string) {
  requireTemplate(key);
  await db.transaction(async (tx) => {
    await councilInfo(tx, councilId);
    const [before] = await tx
      .delete(documentTemplateWordings)
      .where(and(eq(documentTemplateWordings.councilId, councilId), eq(documentTemplateWordings.templateKey, key)))
      .returning();
    await recordEvent(tx, actor, {
      action: 'documents.template_wording.reset', entityType: 'document_template', entityId: key, councilId, before: before?.wording ?? {}, after: {},
    });
  });
  return templateDetail(db, councilId, key);
}

// Building ---------------------------------------------------------------------------------------

function parseParams(t: DocumentTemplate<unknown>, params: unknown): unknown {
  const r = t.params.safeParse(params ?? {});
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    throw invalid(`Thông tin cho mẫu "${t.title}" chưa hợp lệ${first?.path ? ` (${first.path})` : ''}: ${first?.message ?? ''}`, issues);
  }
  return r.data;
}

function symbolFor(t: DocumentTemplate<unknown>, issuer: Issuer, number: number | null, params: unknown, year: number): string {
  const info = documentKindInfo(t.kind);
  const bodyCode = t.draftingUnit && issuer.code !== t.draftingUnit ? `${issuer.code}-${t.draftingUnit}` : issuer.code;
  return formatDocumentSymbol({ number, typeCode: info.typeCode, bodyCode, ...(t.symbolYear?.(params) ? { year } : {}) });
}

async function build(
  tx: Tx, t: DocumentTemplate<unknown>, params: unknown, councilId: string, issuer: Issuer, symbol: string, date: string,
): Promise<DocumentContent> {
  const c = await councilInfo(tx, councilId);
  const wording = await effectiveWording(tx, councilId, t);
  const ctx: BuildContext = {
    councilId,
    council: { name: c.name, shortName: c.shortName, unitName: c.unitName },
    issuer: {
      id: issuer.id, code: issuer.code, name: issuer.name, headerParent: issuer.headerParent, headerName: issuer.headerName, place: issuer.place,
    },
    symbol,
    date,
    vars: {
      council: c.shortName,
      councilName: c.name,
      unit: c.unitName,
      place: issuer.place,
      issuer: issuer.name,
    },
  };
  const content = await t.build(tx, await withSigner(tx, issuer, params), wording, ctx);
  // What is stored is what is rendered: the JSON round trip (undefined fields dropped) happens
  // before the first render, so that regenerating from the stored JSON gives the same bytes.
  return JSON.parse(JSON.stringify(content)) as DocumentContent;
}

/** `signerId` → the directory's name and capacity for the signature block (signers.ts). */
async function withSigner(tx: Tx, issuer: Issuer, params: unknown): Promise<unknown> {
  const p = params as { signerId?: string } | null;
  if (!p?.signerId) return params;
  const s = await chosenSigner(tx, issuer, p.signerId);
  return { ...p, signer: { name: s.name, lines: s.lines } };
}

export interface IssueInput {
  templateKey: string;
  issuerId?: string;
  params: unknown;
}

/** A draft: built and rendered with a blank number ("Số:      /TB-HĐND"); nothing is stored. */
export async function previewDocument(db: Db, actor: Actor, councilId: string, now: Date, input: IssueInput) {
  const t = requireTemplate(input.templateKey);
  const params = parseParams(t, input.params);
  const date = todayInVietnam(now);
  return db.transaction(async (tx) => {
    const issuer = await pickIssuer(tx, null, councilId, t, input.issuerId);
    const symbol = symbolFor(t, issuer, null, params, Number(date.slice(0, 4)));
    const content = await build(tx, t, params, councilId, issuer, symbol, date);
    const docx = await renderDocx(content);
    return { docx, content, fileName: `Du-thao-${fileStem(t.kind, null, issuer.code, Number(date.slice(0, 4)))}.docx` };
  });
}

/**
 * Takes the next number of an issuer's register for `year`: one more than the highest number used,
 * issued or typed (recordTypedNumber keeps the counter at the highest). The increment is one statement that
 * inserts or row-locks the counter until the transaction ends, so two clerks issuing at once get
 * consecutive numbers, and a failed issue gives its number back (the increment rolls back).
 */
export async function takeNumber(tx: Tx, issuerId: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ issuerId, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.issuerId, documentCounters.year],
      set: { lastNumber: sql`${documentCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: documentCounters.lastNumber });
  return row!.lastNumber;
}

/**
 * Raises an issuer's counter for `year` to at least `atLeast` (never lowers it): a register that
 * starts mid-year beside another whose symbols look alike (a council that gives its normative
 * resolutions their own series after numbering them in the common one) continues after the
 * highest number already used, so no symbol is given twice.
 */
export async function raiseCounter(tx: Tx, issuerId: string, year: number, atLeast: number): Promise<void> {
  if (atLeast < 1) return;
  await tx.insert(documentCounters).values({ issuerId, year, lastNumber: atLeast })
    .onConflictDoUpdate({ target: [documentCounters.issuerId, documentCounters.year], set: { lastNumber: sql`greatest(${documentCounters.lastNumber}, excluded.last_number)` } });
}

/**
 * Records a number typed for a letter made outside the system (a dispatch's "35/HĐND-VP") in the
 * register of the issuer its symbol names, for the year of its date: refused (409) when that
 * number was already issued or typed; the counter moves up to it, so the next issued number
 * follows the highest used. The counter row is locked first, so an issue running at the same time
 * waits and then numbers after it. A symbol that names none of the council's issuers belongs to no
 * register of this council and is not recorded (null).
 */
export async function recordTypedNumber(
  tx: Db | Tx, actor: Actor, councilId: string, typed: string, date: string, source: { type: string; id: string | null },
  opts: { series?: CouncilSeries } = {},
): Promise<{ issuerId: string; year: number; number: number } | null> {
  const parsed = parseDocumentSymbol(typed);
  if (!parsed) return null;
  const code = parsed.issuerCode.toUpperCase();
  // A resolution's number ("05/2026/NQ-HĐND") is the council's series, not its standing committee's
  // (`series`: the caller's register when normative resolutions have their own).
  const issuer = parsed.typeCode === 'NQ' && code === 'HĐND'
    ? await ensureCouncilIssuer(tx, actor, councilId, opts.series ?? 'all')
    : (await ensureIssuers(tx, actor, councilId)).find((i) => i.code.toUpperCase() === code && i.kind !== 'council' && i.kind !== 'council_normative');
  if (!issuer) return null;
  const year = Number(date.slice(0, 4));
  const { number } = parsed;
  await tx
    .insert(documentCounters)
    .values({ issuerId: issuer.id, year, lastNumber: number })
    .onConflictDoUpdate({
      target: [documentCounters.issuerId, documentCounters.year],
      set: { lastNumber: sql`greatest(${documentCounters.lastNumber}, excluded.last_number)` },
    });
  const shown = `${number < 10 ? '0' : ''}${number}`;
  const [issued] = await tx
    .select({ symbol: documents.symbol, title: documents.title })
    .from(documents)
    .where(and(eq(documents.issuerId, issuer.id), eq(documents.year, year), eq(documents.number, number)));
  if (issued) {
    throw conflict(`Số ${shown} năm ${year} của ${issuer.name} đã được cấp trong Sổ văn bản đi cho văn bản ${issued.symbol} (${issued.title}). Hãy kiểm tra lại số công văn.`);
  }
  const [row] = await tx
    .insert(documentTypedNumbers)
    .values({ issuerId: issuer.id, year, number, symbol: typed.trim(), sourceType: source.type, sourceId: source.id })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const [other] = await tx
      .select({ symbol: documentTypedNumbers.symbol })
      .from(documentTypedNumbers)
      .where(and(eq(documentTypedNumbers.issuerId, issuer.id), eq(documentTypedNumbers.year, year), eq(documentTypedNumbers.number, number)));
    throw conflict(`Số ${shown} năm ${year} của ${issuer.name} đã được ghi cho công văn ${other?.symbol ?? typed} khác. Hãy kiểm tra lại số công văn.`);
  }
  return { issuerId: issuer.id, year, number };
}

/**
 * Issues a document inside the caller's transaction: number from the register, build, render,
 * store the bytes, audit. Another module's action that issues a document as part of its own step
 * (forwarding petitions with their letter) calls this, so that a failure anywhere rolls back both.
 */
export async function issueDocumentTx(tx: Tx, actor: Actor, councilId: string, now: Date, input: IssueInput) {
  const t = requireTemplate(input.templateKey);
  const params = parseParams(t, input.params);
  // Numbers restart on 1 January, Vietnam time (ND30 Điều 15 k1).
  const date = todayInVietnam(now);
  const year = Number(date.slice(0, 4));
  const issuer = await pickIssuer(tx, actor, councilId, t, input.issuerId);
  const number = await takeNumber(tx, issuer.id, year);
  const symbol = symbolFor(t, issuer, number, params, year);
  const content = await build(tx, t, params, councilId, issuer, symbol, date);
  const docx = await renderDocx(content);
  const [doc] = await tx
    .insert(documents)
    .values({
      councilId,
      issuerId: issuer.id,
      year,
      number,
      kind: t.kind,
      symbol,
      title: content.subject ?? content.header.subjectLine ?? t.title,
      issuedOn: date,
      content,
      templateKey: t.key,
      params: params as object,
      docx,
      sha256: sha256Hex(docx),
      size: docx.byteLength,
      createdById: actor.id,
      createdByName: actor.name,
    })
    .returning();
  await recordEvent(tx, actor, {
    action: 'documents.issue', entityType: 'document', entityId: doc!.id, councilId, after: auditView(doc!),
  });
  return documentView(doc!, issuer);
}

/** Issues a document: number from the register, build, render, store the bytes, audit — one transaction. */
export async function issueDocument(db: Db, actor: Actor, councilId: string, now: Date, input: IssueInput) {
  return db.transaction((tx) => issueDocumentTx(tx, actor, councilId, now, input));
}

/** Where the issued .docx is downloaded (the documents module's route). */
export function documentDownloadPath(councilId: string, documentId: string): string {
  return `/api/councils/${councilId}/documents/${documentId}/download`;
}

async function issuerOf(db: Db | Tx, issuerId: string): Promise<Issuer> {
  const [i] = await db.select().from(documentIssuers).where(eq(documentIssuers.id, issuerId));
  return i!;
}

/** The document without its bytes and content, as recorded in the audit log. */
function auditView(d: DocumentRow) {
  const { docx: _docx, content: _content, ...rest } = d;
  return rest;
}

export function fileStem(kind: string, number: number | null, issuerCode: string, year: number): string {
  const info = documentKindInfo(kind as DocumentKind);
  const n = number === null ? '' : number < 10 ? `0${number}` : String(number);
  return [info.typeCode ?? 'CV', n, issuerCode, String(year)].filter((p) => p !== '').join('-');
}

/** Vietnamese file name: "TB-12-HĐND-2026.docx" (ASCII fallback "TB-12-HDND-2026.docx"). */
export function documentFileName(d: Pick<DocumentRow, 'kind' | 'number' | 'year' | 'symbol'>): string {
  // The body code as printed in the symbol ("HĐND", "HĐND-VP").
  const body = d.symbol.split('/').at(-1)!.replace(/^[^-]+-(?=.)/, (m) => (documentKindInfo(d.kind as DocumentKind).typeCode ? '' : m));
  return `${fileStem(d.kind, d.number, body, d.year)}.docx`;
}

export function documentView(d: Omit<DocumentRow, 'docx'> | DocumentRow, issuer: Issuer) {
  const { docx: _docx, content: _content, ...rest } = d as DocumentRow;
  return {
    ...rest,
    kindName: documentKindInfo(d.kind as DocumentKind).name,
    statusLabel: DOCUMENT_STATUS_LABELS[d.status] ?? d.status,
    issuer: { id: issuer.id, code: issuer.code, name: issuer.name },
    fileName: documentFileName(d),
    createdAt: d.createdAt.toISOString(),
    cancelledAt: d.cancelledAt ? d.cancelledAt.toISOString() : null,
  };
}

async function loadDocument(db: Db | Tx, councilId: string, id: string, lock = false): Promise<DocumentRow> {
  const q = db.select().from(documents).where(and(eq(documents.id, id), eq(documents.councilId, councilId)));
  const [d] = lock ? await q.for('update') : await q;
  if (!d) throw notFound('văn bản');
  return d;
}

export async function getDocument(db: Db, councilId: string, id: string) {
  const d = await loadDocument(db, councilId, id);
  return { ...documentView(d, await issuerOf(db, d.issuerId)), content: d.content };
}

export async function downloadDocument(db: Db, councilId: string, id: string) {
  const d = await loadDocument(db, councilId, id);
  return { docx: d.docx, fileName: documentFileName(d), sha256: d.sha256 };
}

/** Cancels an issued document: it keeps its number in the register, marked "đã hủy" with the reason. */
export async function cancelDocument(db: Db, actor: Actor, councilId: string, id: string, now: Date, reason: string) {
  const row = await db.transaction(async (tx) => {
    const before = await loadDocument(tx, councilId, id, true);
    if (before.status === 'cancelled') throw conflict(`Văn bản số ${before.symbol} đã bị hủy trước đó.`);
    const [after] = await tx
      .update(documents)
      .set({ status: 'cancelled', cancelReason: reason, cancelledAt: now, cancelledById: actor.id })
      .where(eq(documents.id, id))
      .returning();
    await recordEvent(tx, actor, {
      action: 'documents.cancel', entityType: 'document', entityId: id, councilId, before: auditView(before), after: auditView(after!),
    });
    return after!;
  });
  return documentView(row, await issuerOf(db, row.issuerId));
}

/**
 * Re-renders a document from its stored content. The renderer is deterministic, so the bytes are
 * the ones issued; if a newer renderer gives different bytes, the new file replaces the stored one
 * and the audit event keeps both hashes.
 */
export async function regenerateDocument(db: Db, actor: Actor, councilId: string, id: string) {
  return db.transaction(async (tx) => {
    const before = await loadDocument(tx, councilId, id, true);
    const docx = await renderDocx(before.content as DocumentContent);
    const sha256 = sha256Hex(docx);
    const identical = sha256 === before.sha256;
    if (!identical) {
      await tx.update(documents).set({ docx, sha256, size: docx.byteLength }).where(eq(documents.id, id));
    }
    await recordEvent(tx, actor, {
      action: 'documents.regenerate', entityType: 'document', entityId: id, councilId,
      before: { sha256: before.sha256, size: before.size },
      after: { sha256, size: docx.byteLength, identical },
    });
    return { id, symbol: before.symbol, identical, sha256, previousSha256: before.sha256, size: docx.byteLength };
  });
}

// Register list ----------------------------------------------------------------------------------

export interface DocumentFilter {
  year?: number;
  issuerId?: string;
  kind?: string;
  status?: string;
  templateKey?: string;
  from?: string;
  to?: string;
  q?: string;
}

function filterCond(councilId: string, f: DocumentFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(documents.councilId, councilId)];
  if (f.year) where.push(eq(documents.year, f.year));
  if (f.issuerId) where.push(eq(documents.issuerId, f.issuerId));
  if (f.kind) where.push(eq(documents.kind, f.kind));
  if (f.status) where.push(eq(documents.status, f.status));
  if (f.templateKey) where.push(eq(documents.templateKey, f.templateKey));
  if (f.from) where.push(gte(documents.issuedOn, f.from));
  if (f.to) where.push(lte(documents.issuedOn, f.to));
  if (f.q && f.q.trim()) {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(ilike(documents.title, like), ilike(documents.symbol, like)));
  }
  return and(...where);
}

const listColumns = {
  id: documents.id,
  councilId: documents.councilId,
  issuerId: documents.issuerId,
  issuerCode: documentIssuers.code,
  issuerName: documentIssuers.name,
  year: documents.year,
  number: documents.number,
  kind: documents.kind,
  symbol: documents.symbol,
  title: documents.title,
  issuedOn: documents.issuedOn,
  templateKey: documents.templateKey,
  sha256: documents.sha256,
  size: documents.size,
  status: documents.status,
  cancelReason: documents.cancelReason,
  cancelledAt: documents.cancelledAt,
  createdByName: documents.createdByName,
  createdAt: documents.createdAt,
  // As the register (sổ văn bản đi, ND30 Phụ lục IV) lists them: who signed, where it went.
  signerName: sql<string | null>`nullif(${documents.content} -> 'signature' ->> 'signerName', '')`,
  recipients: sql<string | null>`(select string_agg(r, '; ') from jsonb_array_elements_text(coalesce(${documents.content} -> 'recipients', '[]'::jsonb)) r)`,
};

export async function listDocuments(db: Db, councilId: string, f: DocumentFilter & { page: number; pageSize: number }) {
  const cond = filterCond(councilId, f);
  return pageWithTotal(
    f,
    (total) =>
      db
        .select({ ...listColumns, total })
        .from(documents)
        .innerJoin(documentIssuers, eq(documentIssuers.id, documents.issuerId))
        .where(cond)
        .orderBy(desc(documents.issuedOn), desc(documents.createdAt), desc(documents.number)),
    () => countWhere(db, documents, cond),
    (r) => listItem(r),
  );
}

function listItem(r: Awaited<ReturnType<typeof registerRows>>[number]) {
  return {
    ...r,
    kindName: documentKindInfo(r.kind as DocumentKind).name,
    statusLabel: DOCUMENT_STATUS_LABELS[r.status] ?? r.status,
    fileName: documentFileName(r),
    cancelledAt: r.cancelledAt ? r.cancelledAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Every document matching the filters, register order (issuer, year, number), for the export. */
export async function registerRows(db: Db, councilId: string, f: DocumentFilter, limit = 50_000) {
  return db
    .select(listColumns)
    .from(documents)
    .innerJoin(documentIssuers, eq(documentIssuers.id, documents.issuerId))
    .where(filterCond(councilId, f))
    .orderBy(asc(documentIssuers.code), asc(documents.year), asc(documents.number))
    .limit(limit);
}
