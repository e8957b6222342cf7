// Shared helpers of the coordination module: scoped loaders, the council's people (who may be a
// handler, an invitee or an attendee), a domain rule error as a Vietnamese 422.
import { and, eq, ilike, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { invalid, notFound } from '../../server/errors.ts';
import { fold } from '../../domain/text/normalize.ts';

import { roleGrants, users } from '../accounts/schema.ts';
import { agencies, bodies } from '../directory/schema.ts';
import { councilSessions } from '../sessions/schema.ts';
import { petitions } from '../petitions/schema.ts';
import type { DbOrTx } from '../petitions/common.ts';
import { executiveInvitations, incomingDocuments, periodicReports, reportingConferences } from './schema.ts';
import { domain } from '../../server/ruleErrors.ts';
export { domain };

export { loadCalendar, today, out, type ActionCtx, type DbOrTx } from '../petitions/common.ts';

/** Roles of the council's own people (the Văn phòng, the Thường trực, the Ban members). */
export const PEOPLE_ROLES = ['secretariat', 'standing_member', 'committee_member'];

/** Users holding a staff role in the council or one of its bodies. */
export async function councilPeople(db: DbOrTx, councilId: string, opts: { q?: string; ids?: string[] } = {}) {
  const f = opts.q ? fold(opts.q) : '';
  return db
    .selectDistinct({ id: users.id, fullName: users.fullName, username: users.username })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .leftJoin(bodies, eq(bodies.id, roleGrants.bodyId))
    .where(and(
      eq(users.active, true),
      inArray(roleGrants.role, PEOPLE_ROLES),
      or(eq(roleGrants.councilId, councilId), eq(bodies.councilId, councilId)),
      opts.ids ? inArray(users.id, opts.ids.length ? opts.ids : ['00000000-0000-0000-0000-000000000000']) : undefined,
      f ? sql`${users.searchKey} like ${`%${f.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` : undefined,
    ))
    .orderBy(users.fullName);
}

/** The user, who must be one of the council's people; `what` names the field in the message. */
export async function personOf(db: DbOrTx, councilId: string, userId: string, what: string) {
  const [p] = await councilPeople(db, councilId, { ids: [userId] });
  if (!p) throw invalid(`${what}: không phải cán bộ, đại biểu giữ vai trò tại HĐND này.`);
  return p;
}

export async function agencyName(db: DbOrTx, agencyId: string) {
  const [a] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId));
  if (!a) throw invalid('Cơ quan không tồn tại trong danh bạ.');
  return a;
}

export async function sessionOfCouncil(db: DbOrTx, councilId: string, sessionId: string) {
  const [s] = await db.select().from(councilSessions).where(and(eq(councilSessions.id, sessionId), eq(councilSessions.councilId, councilId)));
  if (!s) throw invalid('Kỳ họp không thuộc HĐND này.');
  return s;
}

export async function petitionOfCouncil(db: DbOrTx, councilId: string, petitionId: string) {
  const [p] = await db.select({ id: petitions.id, number: petitions.number, text: petitions.text }).from(petitions).where(and(eq(petitions.id, petitionId), eq(petitions.councilId, councilId)));
  if (!p) throw invalid('Kiến nghị không thuộc HĐND này.');
  return p;
}

export async function incomingOf(db: DbOrTx, councilId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(incomingDocuments).where(and(eq(incomingDocuments.id, id), eq(incomingDocuments.councilId, councilId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw notFound('văn bản đến');
  return row;
}

export async function invitationOf(db: DbOrTx, councilId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(executiveInvitations).where(and(eq(executiveInvitations.id, id), eq(executiveInvitations.councilId, councilId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw notFound('giấy mời');
  return row;
}

export async function periodicReportOf(db: DbOrTx, councilId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(periodicReports).where(and(eq(periodicReports.id, id), eq(periodicReports.councilId, councilId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw notFound('báo cáo định kỳ');
  return row;
}

export async function conferenceOf(db: DbOrTx, councilId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(reportingConferences).where(and(eq(reportingConferences.id, id), eq(reportingConferences.councilId, councilId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw notFound('hội nghị trực báo');
  return row;
}

/** Folded words (punctuation dropped, "/" and "-" kept for symbols such as 07/BC-UBND). */
export const searchWords = (text: string) => fold(text).split(/[^\p{L}\p{N}/-]+/u).filter(Boolean);

/** The lookup key: the folded words, space-separated (a secret document's summary never enters it). */
export const incomingSearchKey = (d: { number: number; year: number; senderName: string; docSymbol: string; summary: string; secret: boolean }) =>
  ` ${searchWords(d.secret ? `${d.number}/${d.year} ${d.senderName} ${d.docSymbol}` : `${d.number}/${d.year} ${d.senderName} ${d.docSymbol} ${d.summary}`).join(' ')} `;

/** Every word of the query, accent-insensitive, somewhere in the key (as the user types: prefixes match). */
export function wordsSearch(key: AnyColumn, q: string | undefined): SQL | undefined {
  const words = q ? searchWords(q) : [];
  if (!words.length) return undefined;
  return and(...words.slice(0, 12).map((w) => ilike(key, `%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)));
}

export const shortDate = (d: string) => d.split('-').reverse().join('/');
