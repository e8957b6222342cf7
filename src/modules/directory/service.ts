// Directory actions. Each action is one function, in one transaction, writing its audit event
// (through insertAudited/updateAudited/deleteAudited). Lists paginate in the database and sort on
// the text engine's Vietnamese sort key.
import { and, asc, eq, getTableColumns, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import type { Db, Tx } from '../../db/client.ts';
import { out } from '../../db/rows.ts';
import { nameSearch } from '../../db/textSearch.ts';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import { fold } from '../../domain/text/normalize.ts';
import { sortKey, personSortKey } from '../../domain/text/sort.ts';
import { inForce, unitType } from '../../domain/directory/labels.ts';
import { deleteAudited, insertAudited, recordEvent, updateAudited, type Actor } from '../audit/service.ts';
import {
  adminUnits, agencies, bodies, constituencies, councils, delegates, memberships, terms, unitSuccessions,
} from './schema.ts';

type Page = { page: number; pageSize: number };

export function iso(d: Date): string {
  return d.toISOString();
}

export { out };

// Administrative units ---------------------------------------------------------------------------

export interface UnitInput {
  code: string;
  name: string;
  type: string;
  parentId?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

function checkValidity(v: { validFrom?: string | null; validTo?: string | null }) {
  if (v.validFrom && v.validTo && v.validTo <= v.validFrom) {
    throw invalid('Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.');
  }
}

function unitValues(input: UnitInput) {
  const t = unitType(input.type);
  if (!t) throw invalid(`Loại đơn vị hành chính "${input.type}" không hợp lệ.`);
  checkValidity(input);
  return {
    code: input.code.trim(),
    name: input.name.trim(),
    type: t.code,
    level: t.level,
    parentId: input.parentId ?? null,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    sortKey: sortKey(input.name),
    searchKey: fold(`${input.code} ${t.label} ${input.name}`),
  };
}

async function assertParent(tx: Tx | Db, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  const [p] = await tx.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.id, parentId));
  if (!p) throw notFound('đơn vị hành chính cấp trên');
  if (selfId) {
    // Refuse cycles: walk up from the new parent.
    let cur: string | null = parentId;
    for (let i = 0; cur && i < 50; i++) {
      if (cur === selfId) throw invalid('Không thể đặt một đơn vị làm cấp dưới của chính nó.');
      const [row] = await tx.select({ parentId: adminUnits.parentId }).from(adminUnits).where(eq(adminUnits.id, cur));
      cur = row?.parentId ?? null;
    }
  }
}

async function assertCodeFree(tx: Tx | Db, code: string, selfId?: string) {
  const [dup] = await tx.select({ id: adminUnits.id, name: adminUnits.name }).from(adminUnits).where(eq(adminUnits.code, code.trim()));
  if (dup && dup.id !== selfId) throw conflict(`Mã đơn vị "${code}" đã được dùng cho "${dup.name}".`);
}

export async function createUnit(db: Db, actor: Actor, input: UnitInput) {
  const values = unitValues(input);
  return db.transaction(async (tx) => {
    await assertParent(tx, values.parentId);
    await assertCodeFree(tx, values.code);
    return out(await insertAudited(tx, actor, adminUnits, values, { entityType: 'admin_unit', action: 'unit.create' }));
  });
}

export async function updateUnit(db: Db, actor: Actor, id: string, input: UnitInput) {
  const values = unitValues(input);
  return db.transaction(async (tx) => {
    await assertParent(tx, values.parentId, id);
    await assertCodeFree(tx, values.code, id);
    const row = await updateAudited(tx, actor, adminUnits, id, values, { entityType: 'admin_unit', action: 'unit.update' });
    if (!row) throw notFound('đơn vị hành chính');
    return out(row);
  });
}

export async function listUnits(
  db: Db,
  q: Page & { parentId?: string; root?: boolean; q?: string; at?: string; level?: string },
) {
  const conds: (SQL | undefined)[] = [
    q.parentId ? eq(adminUnits.parentId, q.parentId) : q.root ? isNull(adminUnits.parentId) : undefined,
    nameSearch(adminUnits.searchKey, q.q),
    q.level ? eq(adminUnits.level, q.level) : undefined,
    q.at
      ? and(
          or(isNull(adminUnits.validFrom), sql`${adminUnits.validFrom} <= ${q.at}`),
          or(isNull(adminUnits.validTo), sql`${adminUnits.validTo} > ${q.at}`),
        )
      : undefined,
  ];
  const where = and(...conds.filter(Boolean));
  // Qualified by hand: inside the subquery an unqualified "id" would be the child's own id.
  const childCount = sql<number>`(select count(*)::int from admin_units c where c.parent_id = "admin_units"."id")`;
  return pageWithTotal(
    q,
    (total) =>
      db
        .select({ unit: adminUnits, childCount, total })
        .from(adminUnits)
        .where(where)
        .orderBy(asc(adminUnits.validTo), sql`${adminUnits.sortKey} collate "C"`),
    () => countWhere(db, adminUnits, where),
    (r) => ({ ...out(r.unit), childCount: r.childCount }),
  );
}

export async function getUnit(db: Db, id: string) {
  const [unit] = await db.select().from(adminUnits).where(eq(adminUnits.id, id));
  if (!unit) throw notFound('đơn vị hành chính');
  const ancestors: (typeof unit)[] = [];
  let cur = unit.parentId;
  for (let i = 0; cur && i < 50; i++) {
    const [p] = await db.select().from(adminUnits).where(eq(adminUnits.id, cur));
    if (!p) break;
    ancestors.unshift(p);
    cur = p.parentId;
  }
  const became = await db
    .select({ succession: unitSuccessions, unit: adminUnits })
    .from(unitSuccessions)
    .innerJoin(adminUnits, eq(adminUnits.id, unitSuccessions.toUnitId))
    .where(eq(unitSuccessions.fromUnitId, id));
  const formedFrom = await db
    .select({ succession: unitSuccessions, unit: adminUnits })
    .from(unitSuccessions)
    .innerJoin(adminUnits, eq(adminUnits.id, unitSuccessions.fromUnitId))
    .where(eq(unitSuccessions.toUnitId, id))
    .orderBy(sql`${adminUnits.sortKey} collate "C"`);
  const [council] = await db.select().from(councils).where(eq(councils.unitId, id));
  return {
    ...out(unit),
    ancestors: ancestors.map(out),
    became: became.map((r) => ({ ...out(r.unit), effectiveDate: r.succession.effectiveDate, note: r.succession.note })),
    formedFrom: formedFrom.map((r) => ({ ...out(r.unit), effectiveDate: r.succession.effectiveDate, note: r.succession.note })),
    council: council ? out(council) : null,
  };
}

export async function addSuccession(
  db: Db,
  actor: Actor,
  input: { fromUnitId: string; toUnitId: string; effectiveDate: string; note?: string },
) {
  if (input.fromUnitId === input.toUnitId) throw invalid('Đơn vị cũ và đơn vị mới phải khác nhau.');
  return db.transaction(async (tx) => {
    const found = await tx.select({ id: adminUnits.id }).from(adminUnits).where(inArray(adminUnits.id, [input.fromUnitId, input.toUnitId]));
    if (found.length !== 2) throw notFound('đơn vị hành chính');
    const [dup] = await tx
      .select({ id: unitSuccessions.id })
      .from(unitSuccessions)
      .where(and(eq(unitSuccessions.fromUnitId, input.fromUnitId), eq(unitSuccessions.toUnitId, input.toUnitId)));
    if (dup) throw conflict('Liên kết "trở thành" giữa hai đơn vị này đã có.');
    return out(
      await insertAudited(tx, actor, unitSuccessions, { ...input, note: input.note ?? '' }, {
        entityType: 'unit_succession',
        action: 'unit.add_succession',
      }),
    );
  });
}

/**
 * The units a unit became, followed to the end of the chain (a 2021 commune → its 2025 ward):
 * used to find which council follows up an old petition today.
 */
export async function currentSuccessors(db: Db, unitId: string, at: string): Promise<string[]> {
  let frontier = [unitId];
  const seen = new Set(frontier);
  for (let i = 0; i < 10; i++) {
    const rows = await db
      .select({ unit: adminUnits })
      .from(adminUnits)
      .where(inArray(adminUnits.id, frontier));
    const inForceNow = rows.filter((r) => inForce(r.unit, at)).map((r) => r.unit.id);
    const ended = rows.filter((r) => !inForce(r.unit, at)).map((r) => r.unit.id);
    if (!ended.length) return inForceNow;
    const next = await db
      .select({ to: unitSuccessions.toUnitId })
      .from(unitSuccessions)
      .where(and(inArray(unitSuccessions.fromUnitId, ended), sql`${unitSuccessions.effectiveDate} <= ${at}`));
    frontier = [...inForceNow, ...next.map((n) => n.to).filter((id) => !seen.has(id))];
    frontier.forEach((id) => seen.add(id));
    if (!next.length) return inForceNow;
  }
  return frontier;
}

// Councils and terms -----------------------------------------------------------------------------

export interface CouncilInput {
  unitId: string;
  name: string;
  shortName?: string;
  validFrom?: string | null;
  validTo?: string | null;
}

export async function createCouncil(db: Db, actor: Actor, input: CouncilInput) {
  checkValidity(input);
  return db.transaction(async (tx) => {
    const [unit] = await tx.select().from(adminUnits).where(eq(adminUnits.id, input.unitId));
    if (!unit) throw notFound('đơn vị hành chính');
    const [dup] = await tx.select({ id: councils.id }).from(councils).where(eq(councils.unitId, input.unitId));
    if (dup) throw conflict(`Đơn vị "${unit.name}" đã có HĐND.`);
    const row = await insertAudited(
      tx,
      actor,
      councils,
      { ...input, shortName: input.shortName ?? '', sortKey: sortKey(input.name) },
      { entityType: 'council', action: 'council.create' },
    );
    return out(row);
  });
}

export async function updateCouncil(db: Db, actor: Actor, id: string, patch: Partial<CouncilInput> & { settings?: Record<string, unknown> }) {
  checkValidity(patch);
  return db.transaction(async (tx) => {
    const row = await updateAudited(
      tx,
      actor,
      councils,
      id,
      { ...patch, ...(patch.name ? { sortKey: sortKey(patch.name) } : {}) },
      { entityType: 'council', action: 'council.update', councilId: id },
    );
    if (!row) throw notFound('hội đồng nhân dân');
    return out(row);
  });
}

export async function listCouncils(db: Db, q: Page & { q?: string; at?: string; ids?: string[] | 'all' }) {
  if (q.ids !== undefined && q.ids !== 'all' && q.ids.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(
    // A council is found by its unit's name, accent-insensitively ("sa huynh" → HĐND phường Sa Huỳnh).
    q.q
      ? or(
          ilike(councils.name, `%${q.q}%`),
          sql`exists (select 1 from ${adminUnits} where ${adminUnits.id} = ${councils.unitId} and ${nameSearch(adminUnits.searchKey, q.q) ?? sql`true`})`,
        )
      : undefined,
    q.at
      ? and(or(isNull(councils.validFrom), sql`${councils.validFrom} <= ${q.at}`), or(isNull(councils.validTo), sql`${councils.validTo} > ${q.at}`))
      : undefined,
    q.ids && q.ids !== 'all' ? inArray(councils.id, q.ids) : undefined,
  );
  return pageWithTotal(
    q,
    (total) =>
      db
        .select({ council: councils, unit: adminUnits, total })
        .from(councils)
        .innerJoin(adminUnits, eq(adminUnits.id, councils.unitId))
        .where(where)
        .orderBy(asc(councils.validTo), sql`${councils.sortKey} collate "C"`),
    () => countWhere(db, councils, where),
    (r) => ({ ...out(r.council), unitName: r.unit.name, level: r.unit.level }),
  );
}

export async function getCouncil(db: Db, id: string) {
  const [row] = await db
    .select({ council: councils, unit: adminUnits })
    .from(councils)
    .innerJoin(adminUnits, eq(adminUnits.id, councils.unitId))
    .where(eq(councils.id, id));
  if (!row) throw notFound('hội đồng nhân dân');
  const termRows = await db.select().from(terms).where(eq(terms.councilId, id)).orderBy(asc(terms.startYear));
  return { ...out(row.council), unit: out(row.unit), terms: termRows.map(out) };
}

export async function createTerm(db: Db, actor: Actor, councilId: string, input: { name: string; startYear: number; endYear: number }) {
  if (input.endYear <= input.startYear) throw invalid('Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.');
  return db.transaction(async (tx) =>
    out(await insertAudited(tx, actor, terms, { ...input, councilId }, { entityType: 'term', action: 'term.create', councilId })),
  );
}

// Owned records: every record below belongs to a council; a lookup that crosses councils is a 404.

async function ownedBy<T extends { councilId: string }>(row: T | undefined, councilId: string, what: string): Promise<T> {
  if (!row || row.councilId !== councilId) throw notFound(what);
  return row;
}

async function assertTerm(tx: Tx | Db, councilId: string, termId: string | null | undefined) {
  if (!termId) return;
  const [t] = await tx.select().from(terms).where(eq(terms.id, termId));
  await ownedBy(t, councilId, 'nhiệm kỳ');
}

async function assertConstituency(tx: Tx | Db, councilId: string, id: string | null | undefined) {
  if (!id) return;
  const [t] = await tx.select().from(constituencies).where(eq(constituencies.id, id));
  await ownedBy(t, councilId, 'đơn vị bầu cử');
}

// Constituencies ---------------------------------------------------------------------------------

export interface ConstituencyInput {
  termId: string;
  number: number;
  name: string;
  seats: number;
  unitIds?: string[];
  description?: string;
}

export async function createConstituency(db: Db, actor: Actor, councilId: string, input: ConstituencyInput) {
  return db.transaction(async (tx) => {
    await assertTerm(tx, councilId, input.termId);
    const [dup] = await tx
      .select({ id: constituencies.id })
      .from(constituencies)
      .where(and(eq(constituencies.termId, input.termId), eq(constituencies.number, input.number)));
    if (dup) throw conflict(`Đơn vị bầu cử số ${input.number} đã có trong nhiệm kỳ này.`);
    return out(
      await insertAudited(
        tx,
        actor,
        constituencies,
        { ...input, unitIds: input.unitIds ?? [], description: input.description ?? '', councilId },
        { entityType: 'constituency', action: 'constituency.create', councilId },
      ),
    );
  });
}

export async function listConstituencies(db: Db, councilId: string, p: Page) {
  const where = eq(constituencies.councilId, councilId);
  return pageWithTotal(
    p,
    (total) =>
      db.select({ ...getTableColumns(constituencies), total }).from(constituencies).where(where).orderBy(asc(constituencies.number), asc(constituencies.id)),
    () => countWhere(db, constituencies, where),
    out,
  );
}

// Bodies and memberships -------------------------------------------------------------------------

export interface BodyInput {
  kind: string;
  name: string;
  termId?: string | null;
  constituencyId?: string | null;
}

export async function createBody(db: Db, actor: Actor, councilId: string, input: BodyInput) {
  return db.transaction(async (tx) => {
    await assertTerm(tx, councilId, input.termId);
    await assertConstituency(tx, councilId, input.constituencyId);
    return out(
      await insertAudited(tx, actor, bodies, { ...input, councilId }, { entityType: 'body', action: 'body.create', councilId }),
    );
  });
}

export async function updateBody(db: Db, actor: Actor, councilId: string, id: string, patch: Partial<BodyInput>) {
  return db.transaction(async (tx) => {
    const [b] = await tx.select().from(bodies).where(eq(bodies.id, id));
    await ownedBy(b, councilId, 'cơ quan của HĐND');
    await assertTerm(tx, councilId, patch.termId);
    await assertConstituency(tx, councilId, patch.constituencyId);
    return out((await updateAudited(tx, actor, bodies, id, patch, { entityType: 'body', action: 'body.update', councilId }))!);
  });
}

export async function listBodies(db: Db, councilId: string, q: Page & { termId?: string }) {
  const where = and(eq(bodies.councilId, councilId), q.termId ? eq(bodies.termId, q.termId) : undefined);
  return pageWithTotal(
    q,
    (total) =>
      db
        .select({ body: bodies, members: sql<number>`(select count(*)::int from memberships m where m.body_id = "bodies"."id")`, total })
        .from(bodies)
        .where(where)
        .orderBy(sql`case ${bodies.kind} when 'standing' then 0 when 'committee' then 1 else 2 end`, asc(bodies.name), asc(bodies.id)),
    () => countWhere(db, bodies, where),
    (r) => ({ ...out(r.body), memberCount: r.members }),
  );
}

export async function listMembers(db: Db, councilId: string, bodyId: string, p: Page) {
  const [b] = await db.select().from(bodies).where(eq(bodies.id, bodyId));
  await ownedBy(b, councilId, 'cơ quan của HĐND');
  const where = eq(memberships.bodyId, bodyId);
  return pageWithTotal(
    p,
    (total) =>
      db
        .select({ m: memberships, d: delegates, total })
        .from(memberships)
        .innerJoin(delegates, eq(delegates.id, memberships.delegateId))
        .where(where)
        .orderBy(sql`case ${memberships.role} when 'chair' then 0 when 'vice_chair' then 1 else 2 end`, sql`${delegates.sortKey} collate "C"`, asc(memberships.id)),
    () => countWhere(db, memberships, where),
    (r) => ({ ...out(r.m), delegateName: r.d.fullName }),
  );
}

export async function addMember(db: Db, actor: Actor, councilId: string, bodyId: string, input: { delegateId: string; role: string }) {
  return db.transaction(async (tx) => {
    const [b] = await tx.select().from(bodies).where(eq(bodies.id, bodyId));
    await ownedBy(b, councilId, 'cơ quan của HĐND');
    const [d] = await tx.select().from(delegates).where(eq(delegates.id, input.delegateId));
    await ownedBy(d, councilId, 'đại biểu');
    const [dup] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.bodyId, bodyId), eq(memberships.delegateId, input.delegateId)));
    if (dup) throw conflict(`Đại biểu ${d!.fullName} đã là thành viên của ${b!.name}.`);
    return out(
      await insertAudited(tx, actor, memberships, { bodyId, ...input }, { entityType: 'membership', action: 'body.add_member', councilId }),
    );
  });
}

export async function removeMember(db: Db, actor: Actor, councilId: string, bodyId: string, membershipId: string) {
  return db.transaction(async (tx) => {
    const [m] = await tx
      .select({ m: memberships, b: bodies })
      .from(memberships)
      .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
      .where(and(eq(memberships.id, membershipId), eq(memberships.bodyId, bodyId)));
    if (!m || m.b.councilId !== councilId) throw notFound('thành viên');
    await deleteAudited(tx, actor, memberships, membershipId, { entityType: 'membership', action: 'body.remove_member', councilId });
  });
}

// Delegates --------------------------------------------------------------------------------------

export interface DelegateInput {
  fullName: string;
  termId?: string | null;
  gender?: 'male' | 'female' | null;
  birthYear?: number | null;
  position?: string;
  workplace?: string;
  constituencyId?: string | null;
  phone?: string;
  email?: string;
  status?: 'active' | 'ended';
}

/** Sort and search keys of a delegate (also used by the spreadsheet import's bulk insert). */
export function delegateKeys(input: Partial<DelegateInput>) {
  return input.fullName
    ? { sortKey: personSortKey(input.fullName), searchKey: fold(`${input.fullName} ${input.position ?? ''} ${input.workplace ?? ''}`) }
    : {};
}

export async function createDelegate(db: Db, actor: Actor, councilId: string, input: DelegateInput) {
  return db.transaction(async (tx) => {
    await assertTerm(tx, councilId, input.termId);
    await assertConstituency(tx, councilId, input.constituencyId);
    return out(
      await insertAudited(
        tx,
        actor,
        delegates,
        { ...input, councilId, ...delegateKeys(input) },
        { entityType: 'delegate', action: 'delegate.create', councilId },
      ),
    );
  });
}

export async function updateDelegate(db: Db, actor: Actor, councilId: string, id: string, patch: Partial<DelegateInput>) {
  return db.transaction(async (tx) => {
    const [d] = await tx.select().from(delegates).where(eq(delegates.id, id));
    const before = await ownedBy(d, councilId, 'đại biểu');
    await assertTerm(tx, councilId, patch.termId);
    await assertConstituency(tx, councilId, patch.constituencyId);
    const merged = { ...before, ...patch } as DelegateInput;
    return out(
      (await updateAudited(
        tx,
        actor,
        delegates,
        id,
        { ...patch, ...delegateKeys({ ...merged, position: merged.position, workplace: merged.workplace }) },
        { entityType: 'delegate', action: 'delegate.update', councilId },
      ))!,
    );
  });
}

export async function deleteDelegate(db: Db, actor: Actor, councilId: string, id: string) {
  return db.transaction(async (tx) => {
    const [d] = await tx.select().from(delegates).where(eq(delegates.id, id));
    await ownedBy(d, councilId, 'đại biểu');
    const [m] = await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.delegateId, id)).limit(1);
    if (m) throw conflict('Đại biểu đang là thành viên của một cơ quan HĐND; hãy gỡ khỏi cơ quan đó trước, hoặc chuyển trạng thái sang "đã thôi".');
    await deleteAudited(tx, actor, delegates, id, { entityType: 'delegate', action: 'delegate.delete', councilId });
  });
}

export async function getDelegate(db: Db, councilId: string, id: string) {
  const [d] = await db.select().from(delegates).where(eq(delegates.id, id));
  const row = await ownedBy(d, councilId, 'đại biểu');
  const bodyRows = await db
    .select({ m: memberships, b: bodies })
    .from(memberships)
    .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
    .where(eq(memberships.delegateId, id));
  return { ...out(row), memberships: bodyRows.map((r) => ({ ...out(r.m), bodyName: r.b.name, bodyKind: r.b.kind })) };
}

export async function listDelegates(
  db: Db,
  councilId: string,
  q: Page & { q?: string; termId?: string; constituencyId?: string; status?: string },
) {
  const where = and(
    eq(delegates.councilId, councilId),
    nameSearch(delegates.searchKey, q.q),
    q.termId ? eq(delegates.termId, q.termId) : undefined,
    q.constituencyId ? eq(delegates.constituencyId, q.constituencyId) : undefined,
    q.status ? eq(delegates.status, q.status) : undefined,
  );
  return pageWithTotal(
    q,
    (total) =>
      db
        .select({ d: delegates, c: constituencies, total })
        .from(delegates)
        .leftJoin(constituencies, eq(constituencies.id, delegates.constituencyId))
        .where(where)
        .orderBy(sql`${delegates.sortKey} collate "C"`, asc(delegates.id)),
    () => countWhere(db, delegates, where),
    (r) => ({ ...out(r.d), constituencyName: r.c?.name ?? null }),
  );
}

// Agencies ---------------------------------------------------------------------------------------

export interface AgencyInput {
  name: string;
  shortName?: string;
  kind: string;
  level: string;
  unitId?: string | null;
  parentAgencyId?: string | null;
  email?: string;
  active?: boolean;
}

function agencyKeys(input: Partial<AgencyInput>) {
  return input.name ? { sortKey: sortKey(input.name), searchKey: fold(`${input.name} ${input.shortName ?? ''}`) } : {};
}

export async function createAgency(db: Db, actor: Actor, input: AgencyInput) {
  return db.transaction(async (tx) => {
    if (input.unitId) {
      const [u] = await tx.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.id, input.unitId));
      if (!u) throw notFound('đơn vị hành chính');
    }
    return out(await insertAudited(tx, actor, agencies, { ...input, ...agencyKeys(input) }, { entityType: 'agency', action: 'agency.create' }));
  });
}

export async function updateAgency(db: Db, actor: Actor, id: string, patch: Partial<AgencyInput>) {
  return db.transaction(async (tx) => {
    const row = await updateAudited(tx, actor, agencies, id, { ...patch, ...agencyKeys(patch) }, {
      entityType: 'agency',
      action: 'agency.update',
      agencyId: id,
    });
    if (!row) throw notFound('cơ quan');
    return out(row);
  });
}

export async function listAgencies(db: Db, q: Page & { q?: string; unitId?: string; kind?: string; level?: string }) {
  const where = and(
    nameSearch(agencies.searchKey, q.q),
    q.unitId ? eq(agencies.unitId, q.unitId) : undefined,
    q.kind ? eq(agencies.kind, q.kind) : undefined,
    q.level ? eq(agencies.level, q.level) : undefined,
  );
  return pageWithTotal(
    q,
    (total) =>
      db
        .select({ a: agencies, u: adminUnits, total })
        .from(agencies)
        .leftJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
        .where(where)
        .orderBy(sql`case ${agencies.level} when 'central' then 0 when 'province' then 1 when 'district' then 2 else 3 end`, sql`${agencies.sortKey} collate "C"`),
    () => countWhere(db, agencies, where),
    (r) => ({ ...out(r.a), unitName: r.u?.name ?? null }),
  );
}

