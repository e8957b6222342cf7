// Votes against a running server (real HTTP on a loopback port), on each database: 85 delegates
// vote at once, each with a double click (the same submission twice) and a second submission;
// every ballot is counted exactly once, and the result is identical on PGlite and PostgreSQL.
// On PostgreSQL, two app instances (each its own pool, its own LISTEN connection and HTTP server)
// on one database: a screen following the session on B sees the vote closed on A.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { checkIn, clearAttendance, delegateAccounts, ensureDelegates, httpLogin, json, listen, openSession, setSeats, sse, startSession } from './support.ts';
import { createApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/db/client.ts';
import { closeLive, liveHub } from '../../src/server/live.ts';

const N = 85;
const choiceOf = (i: number) => (i % 5 === 0 ? 'against' : i % 7 === 0 ? 'abstain' : 'for');
const results = new Map<string, unknown>();

for (const kind of dbKinds()) {
  describe(`chamber votes over HTTP, ${N} delegates at once [${kind}]`, () => {
    let t: TestApp;
    let server: Awaited<ReturnType<typeof listen>>;
    let sh: string;
    let sessionId: string;
    let heads: Record<string, string>[];
    let vpH: Record<string, string>;
    let ds: string[];

    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      server = await listen(t);
      const s = await openSession(t);
      sh = s.councilId;
      sessionId = s.sessionId;
      ds = await ensureDelegates(t.db, sh, s.termId, N);
      const names = await delegateAccounts(t.db, sh, ds);
      heads = [];
      for (const u of names) heads.push(await httpLogin(server.url, u));
      vpH = await httpLogin(server.url, 'vp.sahuynh');
      await setSeats(await t.as('vp.sahuynh'), sh, N);
      await clearAttendance(t.db, sessionId);
      await checkIn(t.db, sh, sessionId, ds);
      await startSession(t.db, sh, sessionId);
    }, 300_000);
    afterAll(async () => {
      await server?.close();
      await t?.close();
    });

    const post = (h: Record<string, string>, path: string, body: unknown = {}) => fetch(`${server.url}/api${path}`, { method: 'POST', headers: h, body: JSON.stringify(body) });

    for (const method of ['named', 'secret'] as const) {
      it(`${method}: every ballot counted exactly once`, async () => {
        const v = await json<{ id: string }>(post(vpH, `/councils/${sh}/sessions/${sessionId}/votes`, { kind: 'motion', title: `Biểu quyết ${method} đồng thời`, method }), 201);
        await json(post(vpH, `/councils/${sh}/votes/${v.id}/open`));
        const answers = await Promise.all(heads.map(async (h, i) => {
          const key = randomUUID();
          const body = { choice: choiceOf(i), idempotencyKey: key, channel: 'phone' };
          const rs = await Promise.all([
            post(h, `/councils/${sh}/votes/${v.id}/ballot`, body),
            post(h, `/councils/${sh}/votes/${v.id}/ballot`, body),
            post(h, `/councils/${sh}/votes/${v.id}/ballot`, { ...body, idempotencyKey: randomUUID() }),
          ]);
          return Promise.all(rs.map(async (r) => ({ status: r.status, body: await r.json() })));
        }));
        for (const a of answers) {
          // Exactly one submission of each delegate was counted; the others were answered without counting.
          expect(a.filter((x) => x.status === 200 && x.body.repeated === false)).toHaveLength(1);
          for (const x of a) expect([200, 409]).toContain(x.status);
          for (const x of a.filter((y) => y.status === 409)) expect(x.body.error.message).toMatch(/một lần/);
        }
        const closed = await json<{ result: { counts: Record<string, number>; outcome: string; reason: string }; roll: { voted: number; present: number } }>(post(vpH, `/councils/${sh}/votes/${v.id}/close`));
        const expected = { for: 0, against: 0, abstain: 0 };
        for (let i = 0; i < N; i++) expected[choiceOf(i)]++;
        expect(closed.result.counts).toMatchObject({ ...expected, notVoting: 0, present: N, entitled: N });
        expect(closed.roll).toMatchObject({ voted: N, present: N });
        if (method === 'named') {
          const d = await json<{ delegates: { delegateId: string; choice: string }[] }>(fetch(`${server.url}/api/councils/${sh}/votes/${v.id}`, { headers: vpH }));
          const byId = new Map(d.delegates.map((x) => [x.delegateId, x.choice]));
          ds.forEach((id, i) => expect(byId.get(id)).toBe(choiceOf(i)));
        }
        results.set(`${kind}:${method}`, { counts: closed.result.counts, outcome: closed.result.outcome, reason: closed.result.reason });
      }, 300_000);
    }

    if (kind === 'postgres') {
      it('two app instances on one PostgreSQL stay in step: a vote closed on A reaches a screen on B', async () => {
        const dbB = await openDatabase({ databaseUrl: t.where, migrate: false });
        const appB = createApp({ db: dbB.db, dbKind: 'postgres', clock: () => t.now, config: { publicUrl: 'http://localhost:3000', secureCookies: false } });
        const serverB = await listen({ app: appB });
        try {
          const onB = await sse(`${serverB.url}/api/councils/${sh}/sessions/${sessionId}/votes/live`, await httpLogin(serverB.url, 'tt.sahuynh'));
          const onA = await sse(`${server.url}/api/councils/${sh}/sessions/${sessionId}/votes/live`, vpH);
          await onB.next((e) => e.event === 'snapshot');
          await onA.next((e) => e.event === 'snapshot');
          expect(liveHub(dbB.db).kind).toBe('postgres');
          const v = await json<{ id: string }>(post(vpH, `/councils/${sh}/sessions/${sessionId}/votes`, { kind: 'motion', title: 'Biểu quyết theo dõi từ máy chủ B', method: 'named' }), 201);
          await json(post(vpH, `/councils/${sh}/votes/${v.id}/open`));
          await json(post(heads[0]!, `/councils/${sh}/votes/${v.id}/ballot`, { choice: 'for', idempotencyKey: randomUUID() }));
          await json(post(vpH, `/councils/${sh}/votes/${v.id}/close`));
          const closedOnB = await onB.next((e) => e.event === 'update' && e.data.payload?.vote?.id === v.id && e.data.payload.vote.state === 'closed');
          expect(closedOnB.data.payload.vote.result.counts.for).toBe(1);
          const turnoutOnB = await onB.next((e) => e.event === 'update' && e.data.payload?.type === 'turnout' && e.data.payload.voteId === v.id);
          expect(turnoutOnB.data.payload.voted).toBe(1);
          // A's own screen gets the same messages through the same path.
          const closedOnA = await onA.next((e) => e.event === 'update' && e.data.payload?.vote?.id === v.id && e.data.payload.vote.state === 'closed');
          expect(closedOnA.data.payload.vote.result).toEqual(closedOnB.data.payload.vote.result);
          onA.close();
          onB.close();
        } finally {
          await serverB.close();
          await closeLive(dbB.db);
          await dbB.close();
        }
      }, 120_000);
    }
  });
}

describe('the same result on every database', () => {
  it('PGlite and PostgreSQL computed the same outcomes', () => {
    const kinds = dbKinds();
    for (const method of ['named', 'secret']) {
      const first = results.get(`${kinds[0]}:${method}`);
      expect(first).toBeTruthy();
      for (const k of kinds.slice(1)) expect(results.get(`${k}:${method}`)).toEqual(first);
    }
  });
});
