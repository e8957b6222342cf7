// Helpers of the chamber votes tests: delegates with accounts (enough of them for a vote of 85 or
// 500), the council's seats set through the profile API, check-in, and a real HTTP server.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { TestApp, TestClient } from '../support/app.ts';
import { json } from '../petitions/support.ts';
import { createUser, grantRole } from '../../src/modules/accounts/service.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/seed.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts';
import { createDelegate } from '../../src/modules/directory/service.ts';
import { delegates } from '../../src/modules/directory/schema.ts';
import { councilSessions } from '../../src/modules/sessions/schema.ts';
import { chamberAttendance } from '../../src/modules/sessions/chamber/attendanceSchema.ts';
import { bulkCheckIn } from '../../src/modules/sessions/chamber/attendance.ts';
import { transitionSession } from '../../src/modules/sessions/actions/sessions.ts';
import type { Db } from '../../src/db/client.ts';

export { json };

/** The first session of Sa Huỳnh not closed (the demo's session being prepared). */
export async function openSession(t: TestApp) {
  const councilId = t.id('council:sa-huynh');
  const [s] = await t.db.select().from(councilSessions).where(and(eq(councilSessions.councilId, councilId), sql`${councilSessions.state} <> 'closed'`)).orderBy(asc(councilSessions.openingDate)).limit(1);
  return { councilId, sessionId: s!.id, termId: s!.termId };
}

/** At least `n` active delegates in the council's term (new ones added), in a stable order. */
export async function ensureDelegates(db: Db, councilId: string, termId: string, n: number): Promise<string[]> {
  const have = await db.select({ id: delegates.id }).from(delegates).where(and(eq(delegates.councilId, councilId), eq(delegates.status, 'active'))).orderBy(asc(delegates.createdAt), asc(delegates.id));
  for (let i = have.length; i < n; i++) {
    const d = await createDelegate(db, SYSTEM_ACTOR, councilId, { fullName: `Đại biểu Thử Nghiệm ${i + 1}`, termId } as never);
    have.push({ id: d.id as string });
  }
  return have.slice(0, n).map((d) => d.id);
}

let userSeq = 0;

/** Accounts for delegates (the e-mail links account and delegate, as the portal does): their usernames. */
export async function delegateAccounts(db: Db, councilId: string, delegateIds: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of delegateIds) {
    const [d] = await db.select().from(delegates).where(eq(delegates.id, id));
    let email = d!.email;
    const n = ++userSeq;
    if (!email) {
      email = `dbtest${n}.${id.slice(0, 8)}@example.vn`;
      await db.update(delegates).set({ email }).where(eq(delegates.id, id));
    }
    const username = `dbt${n}${id.slice(0, 6)}`.toLowerCase();
    const u = await createUser(db, SYSTEM_ACTOR, { username, fullName: d!.fullName, email, password: DEMO_PASSWORD, mustChangePassword: false });
    await grantRole(db, SYSTEM_ACTOR, u.id, { role: 'delegate', councilId });
    out.push(username);
  }
  return out;
}

/** Delegates' accounts, logged in (in process). */
export async function delegateClients(t: TestApp, councilId: string, delegateIds: string[]): Promise<TestClient[]> {
  const out: TestClient[] = [];
  for (const username of await delegateAccounts(t.db, councilId, delegateIds)) out.push(await t.as(username));
  return out;
}

/** Sets the council's seats (Điều 30) in the profile in force, through the API. */
export async function setSeats(vp: TestClient, councilId: string, seats: number | null) {
  const view = await json<{ ruleSets: { key: string; inForce?: boolean; current?: boolean; profile: Record<string, any> }[] }>(vp.get(`/api/councils/${councilId}/session-profile`));
  for (const set of view.ruleSets) {
    await json(vp.put(`/api/councils/${councilId}/session-profile`, { ruleSetKey: set.key, profile: { ...set.profile, chamber: { ...(set.profile.chamber ?? {}), seats } } }));
  }
}

/** Checks delegates in for the session (chamber-floor's action, as the secretariat does). */
export async function checkIn(db: Db, councilId: string, sessionId: string, delegateIds: string[], status: 'present' | 'online' | 'absent' = 'present') {
  if (!delegateIds.length) return;
  // Check-in is for a session convened or in progress: a planned one is convened first.
  const [s] = await db.select({ state: councilSessions.state }).from(councilSessions).where(eq(councilSessions.id, sessionId));
  if (s?.state === 'planned') await transitionSession({ db, actor: SYSTEM_ACTOR, now: new Date() }, councilId, sessionId, { action: 'convene' } as never);
  await bulkCheckIn({ db, actor: SYSTEM_ACTOR, now: new Date() }, councilId, sessionId, { status, reason: status === 'absent' ? 'Đi công tác' : undefined, delegateIds } as never);
}

/** The session in progress (convened, then opened, as the secretariat does): votes are only opened in a sitting. */
export async function startSession(db: Db, councilId: string, sessionId: string) {
  const ctx = { db, actor: SYSTEM_ACTOR, now: new Date() };
  const state = async () => (await db.select({ state: councilSessions.state }).from(councilSessions).where(eq(councilSessions.id, sessionId)))[0]?.state;
  if ((await state()) === 'planned') await transitionSession(ctx, councilId, sessionId, { action: 'convene' } as never);
  if ((await state()) === 'convened') await transitionSession(ctx, councilId, sessionId, { action: 'open' } as never);
}

/** Nobody present: every delegate with a mark for the session is marked absent. */
export async function clearAttendance(db: Db, sessionId: string) {
  const rows = await db.select({ delegateId: chamberAttendance.delegateId, councilId: chamberAttendance.councilId }).from(chamberAttendance).where(eq(chamberAttendance.sessionId, sessionId));
  if (rows.length) await checkIn(db, rows[0]!.councilId, sessionId, rows.map((r) => r.delegateId), 'absent');
}

/** The app on a real port (loopback). */
export async function listen(t: { app: { fetch: (r: Request) => Response | Promise<Response> } }) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Logs in over real HTTP: the cookie and CSRF headers for fetch. */
export async function httpLogin(url: string, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (await (await fetch(`${url}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
}

/** Reads a server-sent-events stream; `until` sees each event and resolves the wait when it returns true. */
export async function sse(url: string, headers: Record<string, string>) {
  const ctrl = new AbortController();
  const res = await fetch(url, { headers: { cookie: headers.cookie!, accept: 'text/event-stream' }, signal: ctrl.signal });
  if (res.status !== 200) throw new Error(`SSE ${res.status}: ${await res.text()}`);
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  const events: { event: string; data: any }[] = [];
  const waiters: { pred: (e: { event: string; data: any }) => boolean; resolve: (e: { event: string; data: any }) => void }[] = [];
  (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += dec.decode(value, { stream: true });
        let k: number;
        while ((k = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, k);
          buf = buf.slice(k + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (!data.length) continue;
          const e = { event, data: JSON.parse(data.join('\n')) };
          events.push(e);
          for (const w of [...waiters]) if (w.pred(e)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(e); }
        }
      }
    } catch { /* aborted */ }
  })();
  return {
    events,
    next(pred: (e: { event: string; data: any }) => boolean) {
      const seen = events.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise<{ event: string; data: any }>((resolve) => waiters.push({ pred, resolve }));
    },
    close: () => ctrl.abort(),
  };
}
