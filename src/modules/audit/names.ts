// Display names for the ids inside audit snapshots: "agencyId: 3f2a…" reads "Sở Xây dựng tỉnh
// Quảng Ngãi". Only values of known reference keys are looked up, one query per referenced table,
// and only tables whose names are not personal data of voters (opinions are never resolved).
// Callers pass the snapshots of the events they are about to return, so a council's log resolves
// only what that council's events reference.
import { inArray, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  adminUnits, agencies, bodies, constituencies, contactMeetings, councils, delegates, documentIssuers, petitionFields,
  petitionRounds, petitions, terms, users,
} from '../../db/schema.ts';
import { unitType } from '../../domain/directory/labels.ts';

type RefTable =
  | 'council' | 'agency' | 'unit' | 'field' | 'round' | 'meeting' | 'petition' | 'issuer' | 'body' | 'delegate' | 'user'
  | 'term' | 'constituency';

/** Snapshot key → the table its id (or ids, for the plural keys) points into. */
export const REFERENCE_KEYS: Record<string, RefTable> = {
  councilId: 'council',
  targetCouncilId: 'council',
  jointCouncilId: 'council',
  toCouncilId: 'council',
  returnedByCouncilId: 'council',
  councilIds: 'council',
  agencyId: 'agency',
  parentAgencyId: 'agency',
  agencyIds: 'agency',
  unitId: 'unit',
  parentId: 'unit',
  fromUnitId: 'unit',
  toUnitId: 'unit',
  unitIds: 'unit',
  fieldId: 'field',
  roundId: 'round',
  originRoundId: 'round',
  fromRoundId: 'round',
  toRoundId: 'round',
  roundIds: 'round',
  meetingId: 'meeting',
  petitionId: 'petition',
  sourcePetitionId: 'petition',
  fromPetitionId: 'petition',
  petitionIds: 'petition',
  issuerId: 'issuer',
  bodyId: 'body',
  bodyIds: 'body',
  committeeIds: 'body',
  delegateId: 'delegate',
  delegateIds: 'delegate',
  userId: 'user',
  userIds: 'user',
  createdById: 'user',
  updatedById: 'user',
  cancelledById: 'user',
  reviewerId: 'user',
  termId: 'term',
  constituencyId: 'constituency',
};

/** An event's entity type → the reference key its entity id is resolved as (e.g. a petition's number). */
export const ENTITY_REFERENCE: Record<string, string> = {
  petition: 'petitionId',
  council: 'councilId',
  agency: 'agencyId',
  admin_unit: 'unitId',
  petition_field: 'fieldId',
  petition_round: 'roundId',
  contact_meeting: 'meetingId',
  document_issuer: 'issuerId',
  body: 'bodyId',
  delegate: 'delegateId',
  user: 'userId',
  term: 'termId',
  constituency: 'constituencyId',
};

/** The events' entity ids as snapshots of their reference keys, so resolveNames names them too. */
export function entityReferences(events: { entityType: string; entityId: string }[]): Record<string, string>[] {
  return events.flatMap((e) => (Object.hasOwn(ENTITY_REFERENCE, e.entityType) ? [{ [ENTITY_REFERENCE[e.entityType]!]: e.entityId }] : []));
}

const refTable = (key: string): RefTable | undefined => (Object.hasOwn(REFERENCE_KEYS, key) ? REFERENCE_KEYS[key] : undefined);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_DEPTH = 4;
const CHUNK = 1000;

/** The ids under reference keys in the given snapshots, per table. */
export function collectReferences(snapshots: unknown[]): Map<RefTable, Set<string>> {
  const out = new Map<RefTable, Set<string>>();
  const add = (t: RefTable, v: unknown) => {
    if (typeof v !== 'string' || !UUID.test(v)) return;
    let s = out.get(t);
    if (!s) out.set(t, (s = new Set()));
    s.add(v.toLowerCase());
  };
  const walk = (v: unknown, depth: number) => {
    if (depth > MAX_DEPTH || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      const t = refTable(k);
      if (t && typeof x === 'string') add(t, x);
      else if (t && Array.isArray(x) && x.every((y) => typeof y === 'string')) for (const y of x) add(t, y);
      else walk(x, depth + 1);
    }
  };
  for (const s of snapshots) walk(s, 0);
  return out;
}

const fmtDay = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : d);

/** "Phường Sa Huỳnh", "Thành phố Quảng Ngãi" (not "Thành phố thuộc tỉnh …"). */
function unitName(u: { name: string; type: string }): string {
  const label = u.type === 'thanh_pho' || u.type === 'thanh_pho_tw' ? 'Thành phố' : unitType(u.type)?.label;
  return label ? `${label} ${u.name}` : u.name;
}

type Reader = (db: Db | Tx, ids: string[]) => Promise<[string, string][]>;

const inIds = (col: Parameters<typeof inArray>[0], ids: string[]): SQL => inArray(col, ids);

// One query per table; each reads only the columns that make the display name.
const READERS: Record<RefTable, Reader> = {
  council: async (db, ids) =>
    (await db.select({ id: councils.id, name: councils.name }).from(councils).where(inIds(councils.id, ids))).map((r) => [r.id, r.name]),
  agency: async (db, ids) =>
    (await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inIds(agencies.id, ids))).map((r) => [r.id, r.name]),
  unit: async (db, ids) =>
    (await db.select({ id: adminUnits.id, name: adminUnits.name, type: adminUnits.type }).from(adminUnits).where(inIds(adminUnits.id, ids)))
      .map((r) => [r.id, unitName(r)]),
  field: async (db, ids) =>
    (await db.select({ id: petitionFields.id, name: petitionFields.name }).from(petitionFields).where(inIds(petitionFields.id, ids)))
      .map((r) => [r.id, r.name]),
  round: async (db, ids) =>
    (await db.select({ id: petitionRounds.id, name: petitionRounds.name }).from(petitionRounds).where(inIds(petitionRounds.id, ids)))
      .map((r) => [r.id, r.name]),
  meeting: async (db, ids) =>
    (await db
      .select({ id: contactMeetings.id, heldOn: contactMeetings.heldOn, place: contactMeetings.place })
      .from(contactMeetings)
      .where(inIds(contactMeetings.id, ids)))
      .map((r) => [r.id, `Hội nghị tiếp xúc cử tri ngày ${fmtDay(r.heldOn)}${r.place ? `, ${r.place}` : ''}`]),
  petition: async (db, ids) =>
    (await db.select({ id: petitions.id, number: petitions.number }).from(petitions).where(inIds(petitions.id, ids)))
      .map((r) => [r.id, `Kiến nghị số ${r.number}`]),
  issuer: async (db, ids) =>
    (await db.select({ id: documentIssuers.id, name: documentIssuers.name }).from(documentIssuers).where(inIds(documentIssuers.id, ids)))
      .map((r) => [r.id, r.name]),
  body: async (db, ids) =>
    (await db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(inIds(bodies.id, ids))).map((r) => [r.id, r.name]),
  // Delegates are elected officials: their names are public; nothing else of theirs is read.
  delegate: async (db, ids) =>
    (await db.select({ id: delegates.id, name: delegates.fullName }).from(delegates).where(inIds(delegates.id, ids)))
      .map((r) => [r.id, r.name]),
  user: async (db, ids) =>
    (await db.select({ id: users.id, name: users.fullName }).from(users).where(inIds(users.id, ids))).map((r) => [r.id, r.name]),
  term: async (db, ids) =>
    (await db.select({ id: terms.id, name: terms.name }).from(terms).where(inIds(terms.id, ids))).map((r) => [r.id, r.name]),
  constituency: async (db, ids) =>
    (await db.select({ id: constituencies.id, name: constituencies.name }).from(constituencies).where(inIds(constituencies.id, ids)))
      .map((r) => [r.id, r.name]),
};

/**
 * id → Vietnamese display name for every id under a reference key in the snapshots. Ids that no
 * longer resolve (deleted rows) are left out: the caller shows them as they are.
 */
export async function resolveNames(db: Db | Tx, snapshots: unknown[]): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const [table, set] of collectReferences(snapshots)) {
    const ids = [...set];
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const [id, name] of await READERS[table](db, ids.slice(i, i + CHUNK))) if (name) names[id] = name;
    }
  }
  return names;
}

/** A copy of a snapshot with the ids under reference keys replaced by their names (for exports). */
export function withNames(v: unknown, names: Record<string, string>, depth = 0): unknown {
  if (depth > MAX_DEPTH + 1 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => withNames(x, names, depth + 1));
  const name = (x: unknown) => (typeof x === 'string' && Object.hasOwn(names, x.toLowerCase()) ? names[x.toLowerCase()] : x);
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => {
      if (refTable(k) && typeof x === 'string') return [k, name(x)];
      if (refTable(k) && Array.isArray(x) && x.every((y) => typeof y === 'string')) return [k, x.map(name)];
      return [k, withNames(x, names, depth + 1)];
    }),
  );
}
