// Reads of the delegates' portal. A delegate sees a session's agenda items and only the published
// version of each document, what is new or changed since they last opened it, their own notes,
// attendance and registrations. The secretariat and the standing committee see the publication
// state of every document with who read it, the attendance list with counts, and the speakers.
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import {
  ATTENDANCE_LABELS, SEEN_LABELS, attendanceCounts, seenState, type AttendanceStatus,
} from '../../../domain/sessions/portal.ts';
import { EXPECTED_DOCUMENT_KIND_LABELS, SESSION_STATE_LABELS, type ExpectedDocumentKind, type SessionState } from '../../../domain/sessions/index.ts';
import { users } from '../../accounts/schema.ts';
import { delegates } from '../../directory/schema.ts';
import { itemsOfSession, presenterNames, sessionOf, type DbOrTx } from '../common.ts';
import { councilSessions, sessionDocumentFiles, sessionDocuments, sessionItems } from '../schema.ts';
import { sessionAttendance, sessionNotes, sessionPublications, sessionReads, sessionSpeakers } from '../portalSchema.ts';
import { delegateOf } from './actions.ts';

type Page = { page: number; pageSize: number };
const paged = <T>(all: T[], p: Page) => ({ items: all.slice((p.page - 1) * p.pageSize, p.page * p.pageSize), total: all.length, page: p.page, pageSize: p.pageSize });
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const stateLabel = (s: string) => SESSION_STATE_LABELS[s as SessionState] ?? s;
const kindLabel = (k: string) => EXPECTED_DOCUMENT_KIND_LABELS[k as ExpectedDocumentKind] ?? k;

/** Every publication of some documents, newest version first, with the file's name, type and size. */
async function publicationsOf(db: DbOrTx, where: SQL) {
  return db.select({
    documentId: sessionPublications.documentId, fileId: sessionPublications.fileId, version: sessionPublications.version,
    publishedAt: sessionPublications.publishedAt, publishedBy: users.fullName,
    fileName: sessionDocumentFiles.fileName, mimeType: sessionDocumentFiles.mimeType, size: sessionDocumentFiles.size,
  }).from(sessionPublications)
    .innerJoin(sessionDocumentFiles, eq(sessionDocumentFiles.id, sessionPublications.fileId))
    .leftJoin(users, eq(users.id, sessionPublications.publishedBy))
    .where(where).orderBy(desc(sessionPublications.version));
}

type Pub = Awaited<ReturnType<typeof publicationsOf>>[number];
const byDocument = (pubs: Pub[]) => {
  const m = new Map<string, Pub[]>();
  for (const p of pubs) m.set(p.documentId, [...(m.get(p.documentId) ?? []), p]);
  return m;
};
const fileJson = (p: Pub) => ({ fileId: p.fileId, version: p.version, fileName: p.fileName, mimeType: p.mimeType, size: p.size, publishedAt: p.publishedAt.toISOString() });

/** The active delegates of a council who sit for this session's term (or have no term recorded). */
async function rollOf(db: DbOrTx, councilId: string, termId: string) {
  return db.select({ id: delegates.id, fullName: delegates.fullName, position: delegates.position })
    .from(delegates)
    .where(and(eq(delegates.councilId, councilId), eq(delegates.status, 'active'), or(isNull(delegates.termId), eq(delegates.termId, termId))))
    .orderBy(asc(delegates.sortKey), asc(delegates.fullName));
}

/** The sessions of the council with what the delegate has not read yet, newest first. */
export async function portalSessions(db: DbOrTx, councilId: string, userId: string | null, p: Page) {
  const d = await delegateOf(db, userId, councilId);
  const sessions = await db.select().from(councilSessions).where(eq(councilSessions.councilId, councilId)).orderBy(desc(councilSessions.openingDate));
  const page = paged(sessions, p);
  const ids = page.items.map((s) => s.id);
  const pubs = ids.length ? await publicationsOf(db, inArray(sessionPublications.sessionId, ids)) : [];
  const sessionOfDoc = new Map((ids.length ? await db.select({ id: sessionDocuments.id, sessionId: sessionDocuments.sessionId }).from(sessionDocuments).where(inArray(sessionDocuments.sessionId, ids)) : []).map((r) => [r.id, r.sessionId]));
  const reads = d && ids.length ? await db.select({ documentId: sessionReads.documentId, version: sessionReads.version }).from(sessionReads).where(and(eq(sessionReads.delegateId, d.id), inArray(sessionReads.sessionId, ids))) : [];
  const attendance = d && ids.length ? await db.select().from(sessionAttendance).where(and(eq(sessionAttendance.delegateId, d.id), inArray(sessionAttendance.sessionId, ids))) : [];
  const counts = new Map<string, { documents: number; new: number; changed: number }>();
  for (const [documentId, list] of byDocument(pubs)) {
    const sid = sessionOfDoc.get(documentId)!;
    const c = counts.get(sid) ?? { documents: 0, new: 0, changed: 0 };
    c.documents++;
    if (d) {
      const seen = seenState(list[0]!.version, reads.filter((r) => r.documentId === documentId).map((r) => r.version));
      if (seen !== 'read') c[seen]++;
    }
    counts.set(sid, c);
  }
  return {
    ...page,
    delegate: d ? { id: d.id, fullName: d.fullName } : null,
    items: page.items.map((s) => {
      const a = attendance.find((x) => x.sessionId === s.id);
      return {
        id: s.id, title: s.title, openingDate: s.openingDate, closingDate: s.closingDate, state: s.state, stateLabel: stateLabel(s.state),
        documents: 0, new: 0, changed: 0, ...counts.get(s.id),
        attendance: a ? { status: a.status, statusLabel: ATTENDANCE_LABELS[a.status as AttendanceStatus], reason: a.reason, confirmedAt: iso(a.confirmedAt) } : null,
      };
    }),
  };
}

/** One session as a delegate sees it: agenda items, published documents, their own state. */
export async function portalSession(db: DbOrTx, councilId: string, sessionId: string, userId: string | null) {
  const s = await sessionOf(db, councilId, sessionId);
  const d = await delegateOf(db, userId, councilId);
  const items = await itemsOfSession(db, s.id);
  const names = await presenterNames(db, items);
  const docs = await db.select().from(sessionDocuments).where(eq(sessionDocuments.sessionId, s.id)).orderBy(asc(sessionDocuments.createdAt));
  const pubs = byDocument(await publicationsOf(db, eq(sessionPublications.sessionId, s.id)));
  const reads = d ? await db.select().from(sessionReads).where(and(eq(sessionReads.sessionId, s.id), eq(sessionReads.delegateId, d.id))) : [];
  const notes = userId && docs.length ? await db.select().from(sessionNotes).where(and(eq(sessionNotes.userId, userId), inArray(sessionNotes.documentId, docs.map((x) => x.id)))) : [];
  const speeches = d ? await db.select().from(sessionSpeakers).where(and(eq(sessionSpeakers.sessionId, s.id), eq(sessionSpeakers.delegateId, d.id))) : [];
  const [attendance] = d ? await db.select().from(sessionAttendance).where(and(eq(sessionAttendance.sessionId, s.id), eq(sessionAttendance.delegateId, d.id))) : [];
  const counts = { documents: 0, new: 0, changed: 0 };
  const itemJson = items.map((it) => {
    const documents = docs.filter((x) => x.itemId === it.id && pubs.has(x.id)).map((x) => {
      const versions = pubs.get(x.id)!;
      const mine = reads.filter((r) => r.documentId === x.id);
      const seen = d ? seenState(versions[0]!.version, mine.map((r) => r.version)) : null;
      const last = mine.sort((a, b) => b.lastOpenedAt.getTime() - a.lastOpenedAt.getTime())[0];
      const note = notes.find((n) => n.documentId === x.id);
      counts.documents++;
      if (seen === 'new' || seen === 'changed') counts[seen]++;
      return {
        id: x.id, kind: x.kind, kindLabel: kindLabel(x.kind), title: x.title,
        current: fileJson(versions[0]!), earlier: versions.slice(1).map(fileJson),
        seen, seenLabel: seen ? SEEN_LABELS[seen] : null, lastOpenedAt: iso(last?.lastOpenedAt), lastOpenedVersion: last?.version ?? null,
        note: note ? { text: note.text, updatedAt: note.updatedAt.toISOString() } : null,
      };
    });
    const sp = speeches.find((x) => x.itemId === it.id);
    return {
      id: it.id, position: it.position, kind: it.kind, title: it.title,
      presenterName: names.get(it.presenterAgencyId ?? it.presenterBodyId ?? '') ?? null,
      documents,
      speech: sp ? { state: sp.state, text: sp.text, registeredAt: sp.registeredAt.toISOString(), updatedAt: sp.updatedAt.toISOString() } : null,
    };
  });
  return {
    id: s.id, title: s.title, openingDate: s.openingDate, closingDate: s.closingDate, state: s.state, stateLabel: stateLabel(s.state),
    delegate: d ? { id: d.id, fullName: d.fullName } : null,
    attendance: attendance ? { status: attendance.status, statusLabel: ATTENDANCE_LABELS[attendance.status as AttendanceStatus], reason: attendance.reason, confirmedAt: iso(attendance.confirmedAt) } : null,
    counts, items: itemJson,
  };
}

/** A received version the delegates do not see yet: a file newer than the last publication (or none). */
export const awaitingPublicationCond = sql`exists (select 1 from ${sessionDocumentFiles} f where f.document_id = ${sessionDocuments.id}
  and f.version > coalesce((select max(p.version) from ${sessionPublications} p where p.document_id = ${sessionDocuments.id}), 0))`;

/** The secretariat's view: each expected document of the session with its latest file, what delegates see, and who read it;
 * `awaiting` keeps those with a received version not published yet. */
export async function sessionPublicationList(db: DbOrTx, councilId: string, sessionId: string, p: Page & { awaiting?: boolean }) {
  const s = await sessionOf(db, councilId, sessionId);
  const rows = await db.select({ doc: sessionDocuments, itemTitle: sessionItems.title, position: sessionItems.position })
    .from(sessionDocuments).innerJoin(sessionItems, eq(sessionItems.id, sessionDocuments.itemId))
    .where(and(eq(sessionDocuments.sessionId, s.id), p.awaiting ? awaitingPublicationCond : undefined)).orderBy(asc(sessionItems.position), asc(sessionDocuments.createdAt));
  const page = paged(rows, p);
  const ids = page.items.map((r) => r.doc.id);
  const files = ids.length ? await db.select({ documentId: sessionDocumentFiles.documentId, id: sessionDocumentFiles.id, version: sessionDocumentFiles.version, fileName: sessionDocumentFiles.fileName, receivedOn: sessionDocumentFiles.receivedOn })
    .from(sessionDocumentFiles).where(inArray(sessionDocumentFiles.documentId, ids)).orderBy(desc(sessionDocumentFiles.version)) : [];
  const pubs = byDocument(await publicationsOf(db, eq(sessionPublications.sessionId, s.id)));
  const roll = await rollOf(db, councilId, s.termId);
  const reads = ids.length ? await db.select({ documentId: sessionReads.documentId, delegateId: sessionReads.delegateId, version: sessionReads.version, lastOpenedAt: sessionReads.lastOpenedAt })
    .from(sessionReads).where(inArray(sessionReads.documentId, ids)).orderBy(desc(sessionReads.lastOpenedAt)) : [];
  const nameOf = new Map(roll.map((x) => [x.id, x.fullName]));
  return {
    ...page,
    delegates: roll.length,
    items: page.items.map(({ doc, itemTitle, position }) => {
      const latest = files.find((f) => f.documentId === doc.id) ?? null;
      const published = pubs.get(doc.id)?.[0] ?? null;
      const readers = new Map<string, { delegateId: string; fullName: string; version: number; lastOpenedAt: string; current: boolean }>();
      for (const r of reads.filter((x) => x.documentId === doc.id)) {
        const prev = readers.get(r.delegateId);
        if (prev && prev.version >= r.version) continue;
        readers.set(r.delegateId, { delegateId: r.delegateId, fullName: nameOf.get(r.delegateId) ?? '', version: r.version, lastOpenedAt: r.lastOpenedAt.toISOString(), current: r.version === published?.version });
      }
      const list = [...readers.values()];
      return {
        id: doc.id, itemId: doc.itemId, itemTitle, itemPosition: position, kind: doc.kind, kindLabel: kindLabel(doc.kind), title: doc.title,
        latestFile: latest ? { fileId: latest.id, version: latest.version, fileName: latest.fileName, receivedOn: latest.receivedOn } : null,
        published: published ? { ...fileJson(published), publishedBy: published.publishedBy } : null,
        /** A received version the delegates do not see yet (never published, or revised since). */
        awaitingPublication: !!latest && (!published || latest.version > published.version),
        readCurrent: list.filter((x) => x.current).length,
        readers: list,
      };
    }),
  };
}

/** The attendance list of a session: every delegate on the roll with their confirmation and reading, with counts. */
export async function attendanceList(db: DbOrTx, councilId: string, sessionId: string, f: Page & { status?: AttendanceStatus | 'unconfirmed' }) {
  const s = await sessionOf(db, councilId, sessionId);
  const roll = await rollOf(db, councilId, s.termId);
  const rows = await db.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, s.id));
  const pubs = byDocument(await publicationsOf(db, eq(sessionPublications.sessionId, s.id)));
  const current = new Map([...pubs].map(([doc, list]) => [doc, list[0]!.version]));
  const reads = await db.select({ documentId: sessionReads.documentId, delegateId: sessionReads.delegateId, version: sessionReads.version }).from(sessionReads).where(eq(sessionReads.sessionId, s.id));
  const speeches = await db.select({ delegateId: sessionSpeakers.delegateId }).from(sessionSpeakers).where(and(eq(sessionSpeakers.sessionId, s.id), eq(sessionSpeakers.state, 'registered')));
  const all = roll.map((d) => {
    const a = rows.find((r) => r.delegateId === d.id);
    const status = (a?.status ?? null) as AttendanceStatus | null;
    const opened = new Set(reads.filter((r) => r.delegateId === d.id && current.get(r.documentId) === r.version).map((r) => r.documentId));
    return {
      delegateId: d.id, fullName: d.fullName, position: d.position,
      status: (status ?? 'unconfirmed') as AttendanceStatus | 'unconfirmed', statusLabel: ATTENDANCE_LABELS[status ?? 'unconfirmed'], reason: a?.reason ?? '', confirmedAt: iso(a?.confirmedAt),
      documentsRead: opened.size, documentsPublished: current.size,
      speeches: speeches.filter((x) => x.delegateId === d.id).length,
    };
  });
  const counts = attendanceCounts(all.map((x) => (x.status === 'unconfirmed' ? null : x.status)));
  return { ...paged(all.filter((x) => !f.status || x.status === f.status), f), counts };
}

/** Registrations to speak of a session, by agenda item then registration order (withdrawn ones kept, marked). */
export async function speakersList(db: DbOrTx, councilId: string, sessionId: string, f: Page & { itemId?: string }) {
  const s = await sessionOf(db, councilId, sessionId);
  const rows = await db.select({
    id: sessionSpeakers.id, itemId: sessionSpeakers.itemId, itemTitle: sessionItems.title, itemPosition: sessionItems.position,
    delegateId: sessionSpeakers.delegateId, fullName: delegates.fullName, text: sessionSpeakers.text, state: sessionSpeakers.state,
    registeredAt: sessionSpeakers.registeredAt, updatedAt: sessionSpeakers.updatedAt,
  }).from(sessionSpeakers)
    .innerJoin(sessionItems, eq(sessionItems.id, sessionSpeakers.itemId))
    .innerJoin(delegates, eq(delegates.id, sessionSpeakers.delegateId))
    .where(and(eq(sessionSpeakers.sessionId, s.id), f.itemId ? eq(sessionSpeakers.itemId, f.itemId) : undefined))
    .orderBy(asc(sessionItems.position), asc(sessionSpeakers.state), asc(sessionSpeakers.registeredAt));
  const all = rows.map((r) => ({ ...r, stateLabel: r.state === 'registered' ? 'Đã đăng ký' : 'Đã rút', registeredAt: r.registeredAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
  return { ...paged(all, f), registered: all.filter((x) => x.state === 'registered').length };
}
