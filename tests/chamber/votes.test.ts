// Votes in the chamber through the API, on each database: the life of a vote (who opened, closed,
// confirmed and when), the result computed from the roll frozen at close under the law's own cases
// (over half of all seats, not of those present; two thirds for a dismissal; a tie; vacancies; the
// Luật 72/2025 Điều 49 k2 exception), one ballot per delegate (a second submission refused, a
// retried one counted once), a show of hands, annul and repeat with a reason, an election from a
// candidate list, and a secret ballot that no table, audit event, live message or log line links
// to its voter.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { checkIn, clearAttendance, delegateClients, ensureDelegates, json, openSession, setSeats, startSession } from './support.ts';
import { createSession } from '../../src/modules/sessions/actions/sessions.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts';
import { liveHub } from '../../src/server/live.ts';
import { votesChannel } from '../../src/modules/sessions/chamber/votes.ts';

type Vote = {
  id: string; state: string; title: string; method: string; kind: string; voted: number; repeatOf: string | null; repeatedBy: string | null;
  opened: { byName: string; at: string } | null; closed: { byName: string; at: string } | null; confirmed: { byName: string; at: string } | null;
  annulled: { byName: string; reason: string } | null;
  roll: { seats: number; serving: number; entitled: number; present: number; voted: number | null } | null;
  candidates: { id: string; name: string; votes: number | null }[];
  result: any;
};
type Choice = 'for' | 'against' | 'abstain';

for (const kind of dbKinds()) {
  describe(`chamber votes [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let tt: TestClient;
    let ds: string[];
    let dc: TestClient[];
    let sh: string;
    let sessionId: string;
    let termId: string;

    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      vp = await t.as('vp.sahuynh');
      tt = await t.as('tt.sahuynh');
      const s = await openSession(t);
      sh = s.councilId;
      sessionId = s.sessionId;
      termId = s.termId;
      ds = await ensureDelegates(t.db, sh, s.termId, 6);
      dc = await delegateClients(t, sh, ds);
      await startSession(t.db, sh, sessionId);
    }, 300_000);
    afterAll(() => t?.close());

    const relogin = async () => {
      vp = await t.as('vp.sahuynh');
      tt = await t.as('tt.sahuynh');
      for (const [i, c] of dc.entries()) dc[i] = await t.as(c.username);
    };
    const create = (body: Record<string, unknown>) => json<Vote>(vp.post(`/api/councils/${sh}/sessions/${sessionId}/votes`, { kind: 'motion', title: 'Thông qua nghị quyết thử nghiệm', method: 'named', ...body }), 201);
    const open = (id: string) => json<Vote>(vp.post(`/api/councils/${sh}/votes/${id}/open`));
    const cast = (i: number, id: string, body: Record<string, unknown>) => dc[i]!.post(`/api/councils/${sh}/votes/${id}/ballot`, { idempotencyKey: randomUUID(), ...body });
    const close = (id: string, body: Record<string, unknown> = {}) => json<Vote>(vp.post(`/api/councils/${sh}/votes/${id}/close`, body));
    /** A whole vote: `present` delegates checked in, the i-th votes choices[i]. */
    async function run(choices: Choice[], opts: { present?: number; ruleKey?: string; method?: string } = {}) {
      await clearAttendance(t.db, sessionId);
      await checkIn(t.db, sh, sessionId, ds.slice(0, opts.present ?? 6));
      const v = await create({ ruleKey: opts.ruleKey ?? 'resolution', method: opts.method ?? 'named' });
      await open(v.id);
      for (const [i, choice] of choices.entries()) await json(cast(i, v.id, { choice }));
      return close(v.id);
    }

    it('a vote is opened only in a session in progress (Vietnamese 400 otherwise)', async () => {
      const later = await createSession({ db: t.db, actor: SYSTEM_ACTOR, now: t.now }, sh, { termId, kind: 'thematic', openingDate: '2026-12-28' });
      const v = await json<Vote>(vp.post(`/api/councils/${sh}/sessions/${later.id}/votes`, { kind: 'motion', title: 'Biểu quyết trước khai mạc', method: 'named' }), 201);
      const planned = await vp.post(`/api/councils/${sh}/votes/${v.id}/open`);
      expect(planned.status).toBe(400);
      expect((await planned.json()).error.message).toMatch(/Chỉ bắt đầu biểu quyết khi kỳ họp đang diễn ra.*chuẩn bị/);
      await json(vp.post(`/api/councils/${sh}/sessions/${later.id}/transition`, { action: 'convene' }));
      const convened = await vp.post(`/api/councils/${sh}/votes/${v.id}/open`);
      expect(convened.status).toBe(400);
      expect((await convened.json()).error.message).toContain('chưa khai mạc');
      expect((await json<Vote>(vp.get(`/api/councils/${sh}/votes/${v.id}`))).state).toBe('created');
      await json(vp.post(`/api/councils/${sh}/sessions/${later.id}/transition`, { action: 'open' }));
      expect((await json<Vote>(vp.post(`/api/councils/${sh}/votes/${v.id}/open`))).state).toBe('open');
      await json(tt.post(`/api/councils/${sh}/votes/${v.id}/annul`, { reason: 'Chỉ để thử quy tắc khai mạc' }));
    });

    it('records who opened, closed and confirmed, and computes the result from the roll frozen at close', async () => {
      await setSeats(vp, sh, null);
      const v = await run(['for', 'for', 'for', 'against'], { present: 4 });
      expect(v.state).toBe('closed');
      expect(v.opened?.byName).toBe('Lê Thị Mỹ');
      expect(v.closed?.byName).toBe('Lê Thị Mỹ');
      expect(v.roll).toEqual({ seats: 6, serving: 6, entitled: 6, present: 4, voted: 4, seatsExplanation: expect.stringContaining('6') });
      // Three of four present is a majority of those present but not more than half of all six seats.
      expect(v.result.outcome).toBe('failed');
      expect(v.result.needed).toBe(4);
      expect(v.result.counts).toMatchObject({ for: 3, against: 1, abstain: 0, notVoting: 0, present: 4 });
      expect(v.result.reason).toContain('3/6');
      expect(v.result.source).toContain('Điều 35 khoản 2');
      // The secretariat may not confirm; the chair does.
      expect((await vp.post(`/api/councils/${sh}/votes/${v.id}/confirm`)).status).toBe(403);
      const c = await json<Vote>(tt.post(`/api/councils/${sh}/votes/${v.id}/confirm`));
      expect(c.state).toBe('confirmed');
      expect(c.confirmed?.byName).toBe('Huỳnh Văn Đạt');
      expect(new Date(c.confirmed!.at).toISOString()).toBe(t.now.toISOString());
      // The named detail: who voted how, by name.
      const d = await json<{ delegates: { delegateId: string; present: boolean; voted: boolean; choice: string | null }[] }>(vp.get(`/api/councils/${sh}/votes/${v.id}`));
      expect(d.delegates.filter((x) => x.present).length).toBe(4);
      expect(d.delegates.find((x) => x.delegateId === ds[3])?.choice).toBe('against');
      // The session's list pages on the server.
      const list = await json<{ items: Vote[]; total: number; page: number; pageSize: number }>(vp.get(`/api/councils/${sh}/sessions/${sessionId}/votes?pageSize=1`));
      expect(list.items).toHaveLength(1);
      expect(list.total).toBeGreaterThanOrEqual(3);
    });

    it('passes with more than half of all seats', async () => {
      const v = await run(['for', 'for', 'for', 'for'], { present: 4 });
      expect(v.result.outcome).toBe('passed');
      expect(v.result.reason).toContain('4/6');
    });

    it('a tie fails, with no casting vote', async () => {
      const v = await run(['for', 'for', 'for', 'against', 'against', 'against']);
      expect(v.result.outcome).toBe('failed');
      expect(v.result.notes.join(' ')).toContain('chủ tọa không có phiếu quyết định');
    });

    it('a dismissal needs at least two thirds of all seats', async () => {
      const passed = await run(['for', 'for', 'for', 'for', 'against', 'abstain'], { ruleKey: 'dismissal' });
      expect(passed.result).toMatchObject({ outcome: 'passed', needed: 4, fractionLabel: 'ít nhất 2/3' });
      const failed = await run(['for', 'for', 'for', 'abstain', 'abstain', 'abstain'], { ruleKey: 'dismissal' });
      expect(failed.result.outcome).toBe('failed');
    });

    it('vacancies: the threshold is of the seats, not of the delegates serving', async () => {
      await setSeats(vp, sh, 9);
      const v = await run(['for', 'for', 'for', 'for', 'against', 'against']);
      // 4 of 6 serving is a majority of them, but 9 seats need 5.
      expect(v.roll).toMatchObject({ seats: 9, serving: 6 });
      expect(v.result).toMatchObject({ outcome: 'failed', needed: 5, reducedCouncil: false });
      const ok = await run(['for', 'for', 'for', 'for', 'for', 'against']);
      expect(ok.result.outcome).toBe('passed');
    });

    it('Điều 49 k2: below 2/3 of the seats with at most 18 months left, more than 2/3 of the delegates serving', async () => {
      await setSeats(vp, sh, 10);
      // More than 18 months left (term ends 30/06/2031): the ordinary rule, and a by-election is due.
      const early = await run(['for', 'for', 'for', 'for', 'for', 'against']);
      expect(early.result).toMatchObject({ outcome: 'failed', needed: 6, reducedCouncil: false });
      expect(early.result.notes.join(' ')).toContain('bầu cử bổ sung');
      t.setNow('2030-03-02T02:00:00Z');
      await relogin();
      const four = await run(['for', 'for', 'for', 'for', 'against', 'against']);
      expect(four.result).toMatchObject({ outcome: 'failed', needed: 5, reducedCouncil: true, base: 6, baseKind: 'serving' });
      expect(four.result.source).toContain('Điều 49 khoản 2 điểm b');
      const five = await run(['for', 'for', 'for', 'for', 'for', 'against']);
      expect(five.result.outcome).toBe('passed');
      t.setNow('2026-11-26T02:00:00Z');
      await relogin();
      await setSeats(vp, sh, null);
    });

    it('one ballot per delegate: a second submission is refused, a retried one is counted once', async () => {
      await clearAttendance(t.db, sessionId);
      await checkIn(t.db, sh, sessionId, ds.slice(0, 5));
      const v = await create({});
      // Not open yet.
      expect((await cast(0, v.id, { choice: 'for' })).status).toBe(409);
      await open(v.id);
      const key = randomUUID();
      const first = await json(dc[0]!.post(`/api/councils/${sh}/votes/${v.id}/ballot`, { idempotencyKey: key, choice: 'for' }));
      expect(first).toMatchObject({ counted: true, repeated: false });
      // The connection was lost: the same submission again (the same key), even with a double click.
      const [r1, r2] = await Promise.all([
        dc[0]!.post(`/api/councils/${sh}/votes/${v.id}/ballot`, { idempotencyKey: key, choice: 'for' }),
        dc[0]!.post(`/api/councils/${sh}/votes/${v.id}/ballot`, { idempotencyKey: key, choice: 'for' }),
      ]);
      expect([r1.status, r2.status]).toEqual([200, 200]);
      expect(await r1.json()).toMatchObject({ repeated: true });
      // A second submission (a new key): refused in Vietnamese.
      const second = await cast(0, v.id, { choice: 'against' });
      expect(second.status).toBe(409);
      expect((await second.json()).error.message).toContain('chỉ biểu quyết một lần');
      // Not checked in: refused.
      const absent = await cast(5, v.id, { choice: 'for' });
      expect(absent.status).toBe(409);
      expect((await absent.json()).error.message).toContain('điểm danh');
      // No choice: 422.
      expect((await cast(1, v.id, {})).status).toBe(422);
      // The secretariat cannot vote; a delegate cannot open or close.
      expect((await vp.post(`/api/councils/${sh}/votes/${v.id}/ballot`, { idempotencyKey: randomUUID(), choice: 'for' })).status).toBe(403);
      expect((await dc[1]!.post(`/api/councils/${sh}/votes/${v.id}/close`, {})).status).toBe(403);
      const closed = await close(v.id);
      expect(closed.result.counts).toMatchObject({ for: 1, against: 0, abstain: 0, present: 5, notVoting: 4 });
      expect(closed.roll?.voted).toBe(1);
      // After the close: refused.
      expect((await cast(1, v.id, { choice: 'for' })).status).toBe(409);
    });

    it('show of hands: the secretariat enters the figures, which must add up', async () => {
      await clearAttendance(t.db, sessionId);
      await checkIn(t.db, sh, sessionId, ds.slice(0, 5));
      const v = await create({ method: 'show_of_hands' });
      await open(v.id);
      expect((await cast(0, v.id, { choice: 'for' })).status).toBe(409);
      expect((await vp.post(`/api/councils/${sh}/votes/${v.id}/close`, {})).status).toBe(422);
      const over = await vp.post(`/api/councils/${sh}/votes/${v.id}/close`, { for: 4, against: 2, abstain: 0 });
      expect(over.status).toBe(422);
      expect((await over.json()).error.message).toContain('vượt số đại biểu có mặt');
      const ok = await close(v.id, { for: 4, against: 1, abstain: 0 });
      expect(ok.result).toMatchObject({ outcome: 'passed', counts: { for: 4, against: 1, present: 5 } });
      expect(ok.roll?.voted).toBeNull();
    });

    it('annul and repeat only with a reason; both are kept', async () => {
      const v = await run(['for', 'for', 'for', 'for', 'for', 'for']);
      const noReason = await tt.post(`/api/councils/${sh}/votes/${v.id}/annul`, { reason: ' ', repeat: true });
      expect(noReason.status).toBe(422);
      expect((await vp.post(`/api/councils/${sh}/votes/${v.id}/annul`, { reason: 'Nhầm nội dung', repeat: true })).status).toBe(403);
      const r = await json<{ annulled: Vote; repeat: Vote }>(tt.post(`/api/councils/${sh}/votes/${v.id}/annul`, { reason: 'Biểu quyết nhầm dự thảo trước khi chỉnh lý', repeat: true }));
      expect(r.annulled).toMatchObject({ state: 'annulled', annulled: { byName: 'Huỳnh Văn Đạt', reason: 'Biểu quyết nhầm dự thảo trước khi chỉnh lý' }, repeatedBy: r.repeat.id });
      expect(r.annulled.result.outcome).toBe('passed');
      expect(r.repeat).toMatchObject({ state: 'created', repeatOf: v.id, method: 'named', title: v.title });
      expect((await tt.post(`/api/councils/${sh}/votes/${v.id}/annul`, { reason: 'Lần hai', repeat: false })).status).toBe(422);
      await json(tt.post(`/api/councils/${sh}/votes/${r.repeat.id}/annul`, { reason: 'Không cần biểu quyết lại nữa' }));
    });

    it('an election of positions by secret ballot from a candidate list, with the same threshold', async () => {
      await clearAttendance(t.db, sessionId);
      await checkIn(t.db, sh, sessionId, ds);
      expect((await vp.post(`/api/councils/${sh}/sessions/${sessionId}/votes`, { kind: 'election', title: 'Bầu Chủ tịch HĐND', method: 'named', candidates: [{ name: 'A' }] })).status).toBe(422);
      const v = await json<Vote>(vp.post(`/api/councils/${sh}/sessions/${sessionId}/votes`, {
        kind: 'election', title: 'Bầu Phó Chủ tịch Hội đồng nhân dân phường', method: 'secret', seatsToFill: 1,
        candidates: [{ name: 'Nguyễn Văn An', delegateId: ds[0] }, { name: 'Trần Thị Bình', delegateId: ds[1] }],
      }), 201);
      expect(v.result).toBeNull();
      await open(v.id);
      const [a, b] = v.candidates.map((c) => c.id);
      expect((await cast(0, v.id, { approve: [a, b] })).status).toBe(422);
      for (const [i, approve] of [[a], [a], [a], [a], [b], []].entries()) await json(cast(i, v.id, { approve }));
      const closed = await close(v.id);
      expect(closed.result.elected).toEqual([a]);
      expect(closed.result.needed).toBe(4);
      expect(closed.candidates.map((c) => c.votes)).toEqual([4, 1]);
      expect(closed.result.reason).toContain('Trúng cử: Nguyễn Văn An');
    });

    it('a secret ballot: no table, audit event, live message or log line links a voter to a choice', async () => {
      await clearAttendance(t.db, sessionId);
      await checkIn(t.db, sh, sessionId, ds);
      const logged: string[] = [];
      const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation((...a: unknown[]) => { logged.push(a.map(String).join(' ')); }));
      const live: string[] = [];
      const unsubscribe = await liveHub(t.db).subscribe([votesChannel(sessionId)], (m) => live.push(JSON.stringify(m)));
      let v: Vote;
      try {
        v = await create({ method: 'secret', title: 'Biểu quyết kín thử nghiệm' });
        await open(v.id);
        // Each voter picks an option no other voter picks (but the last two): a link would show.
        const choices: Choice[] = ['against', 'for', 'abstain', 'for', 'for', 'against'];
        for (const [i, choice] of choices.entries()) {
          const res = await cast(i, v.id, { choice });
          const body = await res.text();
          expect(res.status).toBe(200);
          expect(body).not.toMatch(/for|against|abstain/);
        }
        // The last (throttled) turnout message goes out before the close.
        await new Promise((r) => setTimeout(r, 500));
        v = await close(v.id);
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        unsubscribe();
        for (const s of spies) s.mockRestore();
      }
      expect(v.result.counts).toMatchObject({ for: 3, against: 2, abstain: 1 });
      // Every table of the database, every row.
      const tables = (await t.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)).rows as { table_name: string }[];
      expect(tables.length).toBeGreaterThan(30);
      const users = (await t.db.execute(sql`select u.id::text as id from users u join delegates d on lower(d.email) = lower(u.email) where d.id::text in (${sql.join(ds.map((d) => sql`${d}`), sql`, `)})`)).rows as { id: string }[];
      const voterIds = [...ds, ...users.map((u) => u.id)];
      const choiceRe = /"(for|against|abstain)"\s*[,\]}]|"(choice|option)"\s*:\s*"(for|against|abstain)"|Tán thành"|Không tán thành"/;
      for (const { table_name } of tables) {
        const rows = (await t.db.execute(sql.raw(`select row_to_json(x)::text as j from "${table_name}" x`))).rows as { j: string }[];
        for (const { j } of rows) {
          if (!j.includes(v.id)) continue;
          const namesVoter = voterIds.some((id) => j.includes(id));
          if (table_name === 'chamber_votes') {
            // The vote itself: aggregate figures, and who voted sorted by id (not in voting order).
            const row = JSON.parse(j);
            expect(Object.keys(row.figures).sort()).toEqual(['abstain', 'against', 'for', 'method']);
            expect(row.roll.voted).toEqual([...row.roll.voted].sort());
            continue;
          }
          if (namesVoter) expect(j, `${table_name}: ${j}`).not.toMatch(choiceRe);
        }
      }
      // The counters are gone; no named choice exists for a secret vote.
      expect((await t.db.execute(sql`select count(*)::int as n from chamber_vote_tallies where vote_id = ${v.id}`)).rows[0]).toEqual({ n: 0 });
      expect((await t.db.execute(sql`select count(*)::int as n from chamber_vote_named_choices where vote_id = ${v.id}`)).rows[0]).toEqual({ n: 0 });
      // The voters' table has no column for a choice.
      const cols = (await t.db.execute(sql`select column_name from information_schema.columns where table_name = 'chamber_vote_voters' order by 1`)).rows.map((r) => (r as { column_name: string }).column_name);
      expect(cols).toEqual(['channel', 'delegate_id', 'idempotency_key', 'vote_id', 'voted_at']);
      // Live messages while open: the turnout only, never a running count.
      const whileOpen = live.filter((m) => m.includes('"turnout"'));
      expect(whileOpen.length).toBeGreaterThan(0);
      expect(JSON.parse(whileOpen.at(-1)!).payload.voted).toBe(6);
      for (const m of whileOpen) expect(m).not.toMatch(/"for"|"against"|"abstain"|delegate/i);
      // The log: nothing about the ballots.
      for (const line of logged) {
        expect(voterIds.some((id) => line.includes(id))).toBe(false);
        expect(line).not.toMatch(choiceRe);
      }
    });

    it('public: named votes by name only when the council publishes them; secret votes never by name', async () => {
      const named = await run(['for', 'against', 'abstain', 'for'], { present: 4, method: 'named' });
      await json(tt.post(`/api/councils/${sh}/votes/${named.id}/confirm`));
      const secret = await run(['for', 'against', 'for', 'for'], { present: 4, method: 'secret' });
      await json(tt.post(`/api/councils/${sh}/votes/${secret.id}/confirm`));
      type Pub = { items: { id: string; method: string; counts: { for: number; against: number } | null; byName: { fullName: string; choiceLabel: string }[] | null }[]; total: number };
      const anon = t.anonymous();
      const read = async () => {
        const p = await json<Pub>(anon.get(`/api/public/councils/${sh}/votes?pageSize=100`));
        return { n: p.items.find((x) => x.id === named.id)!, s: p.items.find((x) => x.id === secret.id)! };
      };
      let { n, s } = await read();
      expect(n.counts).toMatchObject({ for: 2, against: 1 });
      expect(n.byName).toBeNull();
      expect(s.byName).toBeNull();
      // The council decides to publish its named votes (its profile); a secret vote stays totals only.
      const view = await json<{ ruleSets: { key: string; profile: Record<string, any> }[] }>(vp.get(`/api/councils/${sh}/session-profile`));
      for (const set of view.ruleSets) {
        await json(vp.put(`/api/councils/${sh}/session-profile`, { ruleSetKey: set.key, profile: { ...set.profile, chamber: { ...set.profile.chamber, publishNamedVotes: true } } }));
      }
      ({ n, s } = await read());
      const names = await t.db.execute(sql`select id::text as id, full_name as "fullName" from delegates where id in (${sql.join(ds.slice(0, 4).map((d) => sql`${d}::uuid`), sql`, `)})`);
      const nameOf = new Map((names.rows as { id: string; fullName: string }[]).map((r) => [r.id, r.fullName]));
      expect(n.byName).toHaveLength(4);
      expect(n.byName).toContainEqual(expect.objectContaining({ fullName: nameOf.get(ds[1]!), choiceLabel: 'Không tán thành' }));
      expect(n.byName).toContainEqual(expect.objectContaining({ fullName: nameOf.get(ds[0]!), choiceLabel: 'Tán thành' }));
      expect(s.byName).toBeNull();
      expect(s.counts).toMatchObject({ for: 3, against: 1 });
      const text = JSON.stringify(s);
      for (const d of ds) expect(text).not.toContain(d);
      // A bad setting is refused in Vietnamese.
      const bad = await vp.put(`/api/councils/${sh}/session-profile`, { ruleSetKey: view.ruleSets[0]!.key, profile: { ...view.ruleSets[0]!.profile, chamber: { publishNamedVotes: 'có' } } });
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toContain('Công khai kết quả biểu quyết ghi danh');
      for (const set of view.ruleSets) await json(vp.put(`/api/councils/${sh}/session-profile`, { ruleSetKey: set.key, profile: set.profile }));
    });

    it('another council is refused', async () => {
      const other = await t.as('vp.tinh');
      const [row] = (await t.db.execute(sql`select id::text as id from chamber_votes where council_id = ${sh} limit 1`)).rows as { id: string }[];
      expect((await other.get(`/api/councils/${sh}/votes/${row!.id}`)).status).toBe(403);
      const province = t.id('council:province');
      expect((await other.get(`/api/councils/${province}/votes/${row!.id}`)).status).toBe(404);
    });
  });
}
