// The floor of a session through the API, on each database: the demo attendance and speakers'
// list; the secretariat checks delegates in (one, in bulk, per agenda item) with Vietnamese errors
// for bad input and nothing half-written; a delegate checks in only themselves and only when the
// council allows it; the chair's numbers (present / seats / serving / what a vote needs, with the
// Điều 49 k2 exception when the term nears its end); rollNow as votes.ts freezes it; the speakers'
// list ordered by the chair (versioned), refused to a committee, called and timed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { rollNow, toSnapshot } from '../../src/modules/sessions/chamber/roll.ts';
import { floorView } from '../../src/modules/sessions/chamber/attendanceQueries.ts';
import { floorChannel } from '../../src/modules/sessions/chamber/floorEvents.ts';
import { liveHub } from '../../src/server/live.ts';
import { computeVoteResult, voteRuleInForce } from '../../src/domain/sessions/votes.ts';

interface Row { delegateId: string; fullName: string; status: string | null; statusLabel: string; reason: string; level: string | null; source: string | null; advance: { status: string } | null }
interface List { items: Row[]; total: number; page: number; pageSize: number; counts: { serving: number; present: number; online: number; absent: number; none: number } }
interface Rule { ruleKey: string; threshold: { needed: number; base: number; baseKind: string; reducedCouncil: boolean; source: string; notes: string[] } | null; thresholdError: string | null }
interface Floor { numbers: { seats: number; serving: number; present: number; inRoom: number; online: number; absent: number; notCheckedIn: number }; rules: Rule[]; items: { id: string; title: string }[]; seatsSource: string; speakers: { speaking: Speaker | null; total: number } | null }
interface Speaker { id: string; order: number; delegateId: string; fullName: string; status: string; fromFloor: boolean; kind: string; allottedSeconds: number; startedAt: string | null; clock: { elapsed: number; left: number; over: boolean; running: boolean } }
interface Speakers { items: Speaker[]; total: number; version: number; speakingMinutes: { speech: number } }

const errorOf = async (res: Response, status: number) => {
  expect(res.status).toBe(status);
  return ((await res.json()) as { error: { message: string } }).error.message;
};

for (const kind of dbKinds()) {
  describe(`chamber: attendance and the floor [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let tt: TestClient;
    let ban: TestClient;
    let db: TestClient;
    let vpTinh: TestClient;
    let sh: string;
    let sessionId: string;
    let heldId: string;
    let items: { id: string; title: string }[];
    const d = (i: number) => t.id(`delegate:sa-huynh:${i}`);
    const base = () => `/api/councils/${sh}/chamber/sessions/${sessionId}`;
    const floor = (q = '') => json<Floor>(tt.get(`${base()}/floor${q}`));
    const list = (q = '') => json<List>(vp.get(`${base()}/attendance?pageSize=50${q}`));
    const speakers = (itemId: string) => json<Speakers>(tt.get(`/api/councils/${sh}/chamber/items/${itemId}/speakers?pageSize=50`));
    const audits = async (action: string) => Number(((await t.db.execute(sql`select count(*)::int as n from audit_events where action = ${action}`)).rows[0] as { n: number }).n);
    const resolution = (f: Floor) => f.rules.find((r) => r.ruleKey === 'resolution')!;

    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      [vp, tt, ban, db, vpTinh] = await Promise.all(['vp.sahuynh', 'tt.sahuynh', 'ban.sahuynh', 'daibieu.sahuynh', 'vp.tinh'].map((u) => t.as(u)));
      sh = t.id('council:sa-huynh');
      const sessions = await json<{ items: { id: string; state: string; title: string }[] }>(vp.get(`/api/councils/${sh}/chamber/sessions`));
      sessionId = sessions.items.find((s) => s.state === 'planned')!.id;
      heldId = sessions.items.filter((s) => s.state === 'closed')[0]!.id;
      items = (await floor()).items;
    }, 120_000);
    afterAll(() => t?.close());

    it('demo: the held session shows its attendance; the seats come from the constituencies; a vote needed 4 of 6', async () => {
      const f = await json<Floor>(tt.get(`/api/councils/${sh}/chamber/sessions/${heldId}/floor`));
      expect(f.numbers).toMatchObject({ seats: 6, serving: 6, present: 5, inRoom: 4, online: 1, absent: 1, notCheckedIn: 0 });
      expect(f.seatsSource).toBe('constituencies');
      expect(resolution(f).threshold).toMatchObject({ needed: 4, base: 6, baseKind: 'seats', reducedCouncil: false, source: 'Luật 72/2025/QH15, Điều 35 khoản 2' });
      const l = await json<List>(vp.get(`/api/councils/${sh}/chamber/sessions/${heldId}/attendance?status=absent`));
      expect(l.items).toHaveLength(1);
      expect(l.items[0]!.reason).toMatch(/Ốm/);
      // A closed session's attendance is history: no more changes.
      expect(await errorOf(await vp.put(`/api/councils/${sh}/chamber/sessions/${heldId}/attendance/${d(5)}`, { status: 'present' }), 409)).toMatch(/đã bế mạc/);
    });

    it('demo: the session\'s attendance follows what the delegates told the portal', async () => {
      const l = await list();
      expect(l.counts).toEqual({ serving: 6, present: 4, online: 1, absent: 1, none: 0 });
      expect(l.items.find((x) => x.delegateId === d(2))).toMatchObject({ status: 'absent', advance: { status: 'absent' } });
      expect(l.items.find((x) => x.delegateId === d(1))).toMatchObject({ status: 'online', advance: { status: 'online' } });
    });

    it('demo: the speakers\' list of the session being prepared, in the chair\'s order', async () => {
      const s = await speakers(items[0]!.id);
      expect(s.items.map((x) => x.delegateId)).toEqual([d(4), d(0), d(5)]);
      expect(s.items.map((x) => x.fromFloor)).toEqual([true, false, true]);
      expect(s.items[0]).toMatchObject({ kind: 'question', allottedSeconds: 3 * 60, status: 'waiting' });
      expect(s.items[1]).toMatchObject({ kind: 'speech', allottedSeconds: 10 * 60 });
      expect(s.version).toBe(3);
    });

    it('check-in waits for the session to be convened', async () => {
      expect(await errorOf(await vp.put(`${base()}/attendance/${d(0)}`, { status: 'present' }), 409)).toMatch(/chưa được triệu tập/);
      for (const action of ['convene', 'open']) await json(vp.post(`/api/councils/${sh}/sessions/${sessionId}/transition`, { action }));
    });

    it('bad input is refused in Vietnamese and writes nothing', async () => {
      expect(await errorOf(await vp.put(`${base()}/attendance/${d(0)}`, { status: 'absent' }), 422)).toBe('Đại biểu vắng mặt phải nêu lý do để báo cáo chủ tọa kỳ họp.');
      expect(await errorOf(await vp.put(`${base()}/attendance/${d(0)}`, { status: 'absent', reason: '   ' }), 422)).toMatch(/phải nêu lý do/);
      expect(await errorOf(await vp.put(`${base()}/attendance/${d(0)}`, { status: 'late' }), 422)).toMatch(/có mặt, trực tuyến hoặc vắng mặt/);
      expect(await errorOf(await vp.put(`${base()}/attendance/${t.id('delegate:province:0')}`, { status: 'present' }), 422)).toMatch(/không có trong danh sách đại biểu/);
      expect(await errorOf(await vp.put(`${base()}/attendance/${d(0)}`, { status: 'present', sessionItemId: '00000000-0000-4000-8000-000000000000' }), 404)).toMatch(/Không tìm thấy/);
      // Bulk: one stranger refuses the whole batch.
      expect(await errorOf(await vp.post(`${base()}/attendance/bulk`, { status: 'present', delegateIds: [d(0), t.id('delegate:province:1')] }), 422)).toMatch(/không có trong danh sách/);
      expect(await errorOf(await vp.post(`${base()}/attendance/bulk`, { status: 'present', delegateIds: [] }), 422)).toMatch(/ít nhất một đại biểu/);
      // Still the demo's attendance (four in the room, the vice-chair online, one absent).
      expect((await list()).counts).toEqual({ serving: 6, present: 4, online: 1, absent: 1, none: 0 });
      // Another council's secretariat: 403; this session seen from another council: 404.
      expect((await vpTinh.put(`${base()}/attendance/${d(0)}`, { status: 'present' })).status).toBe(403);
      expect((await vpTinh.get(`/api/councils/${t.id('council:province')}/chamber/sessions/${sessionId}/floor`)).status).toBe(404);
    });

    it('the secretariat checks in one delegate, then the rest in bulk: one transaction and one audit event each', async () => {
      const bulkBefore = await audits('chamber_attendance.bulk');
      const one = await json<{ status: string }>(vp.put(`${base()}/attendance/${d(2)}`, { status: 'absent', reason: 'Đi công tác theo quyết định của Ủy ban nhân dân tỉnh.' }));
      expect(one.status).toBe('absent');
      const r = await json<{ count: number }>(vp.post(`${base()}/attendance/bulk`, { status: 'present', delegateIds: [d(0), d(3), d(4), d(5)] }));
      expect(r.count).toBe(4);
      expect(await audits('chamber_attendance.bulk')).toBe(bulkBefore + 1);
      await json(vp.put(`${base()}/attendance/${d(1)}`, { status: 'online' }));
      const l = await list();
      expect(l.counts).toEqual({ serving: 6, present: 4, online: 1, absent: 1, none: 0 });
      const absent = l.items.find((x) => x.delegateId === d(2))!;
      expect(absent).toMatchObject({ statusLabel: 'Vắng mặt', level: 'session', source: 'secretariat' });
      // What the delegate told the portal beforehand sits next to the check-in.
      expect(absent.advance?.status).toBe('absent');
      const search = await json<List>(vp.get(`${base()}/attendance?q=${encodeURIComponent(l.items[0]!.fullName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())}`));
      expect(search.items.map((x) => x.delegateId)).toContain(l.items[0]!.delegateId);
    });

    it('the chair\'s screen: 5 present of 6 seats, 6 serving; a resolution needs 4, a dismissal 4', async () => {
      const f = await floor();
      expect(f.numbers).toMatchObject({ seats: 6, serving: 6, present: 5, inRoom: 4, online: 1, absent: 1, notCheckedIn: 0 });
      expect(resolution(f).threshold!.needed).toBe(4);
      expect(f.rules.find((r) => r.ruleKey === 'dismissal')!.threshold!.needed).toBe(4);
      expect(f.speakers?.total).toBe(3);
    });

    it('every change reaches the floor\'s live channel (LISTEN/NOTIFY on PostgreSQL); the stream is the floor\'s viewers\' only', async () => {
      const got: unknown[] = [];
      const off = await liveHub(t.db).subscribe([floorChannel(sessionId)], (m) => got.push(m.payload));
      try {
        await json(vp.put(`${base()}/attendance/${d(5)}`, { status: 'present' }));
        await expect.poll(() => got.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
        expect(got[0]).toEqual({ type: 'floor', what: 'attendance', itemId: null });
      } finally {
        off();
      }
      const res = await tt.get(`${base()}/floor/live`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      expect(first).toContain('event: snapshot');
      await reader.cancel();
      expect((await db.get(`${base()}/floor/live`)).status).toBe(403);
      expect((await ban.get(`${base()}/floor/live`)).status).toBe(403);
    });

    it('an agenda item has its own attendance over the session\'s; clearing it falls back', async () => {
      const item = items[1]!.id;
      await json(vp.put(`${base()}/attendance/${d(0)}`, { status: 'absent', reason: 'Xin vắng phần thảo luận để tiếp công dân.', sessionItemId: item }));
      expect((await floor(`?sessionItemId=${item}`)).numbers.present).toBe(4);
      expect((await floor()).numbers.present).toBe(5);
      const l = await list(`&sessionItemId=${item}`);
      expect(l.items.find((x) => x.delegateId === d(0))).toMatchObject({ status: 'absent', level: 'item' });
      await json(vp.delete(`${base()}/items/${item}/attendance/${d(0)}`));
      expect((await floor(`?sessionItemId=${item}`)).numbers.present).toBe(5);
      expect((await vp.delete(`${base()}/items/${item}/attendance/${d(0)}`)).status).toBe(404);
    });

    it('rollNow is what a vote freezes: its snapshot passes votes.ts with 4 for', async () => {
      const roll = await rollNow(t.db, sessionId);
      const snap = toSnapshot(roll);
      expect(Object.keys(snap).sort()).toEqual(['elected', 'entitled', 'present', 'seats', 'serving', 'suspended']);
      expect(snap).toMatchObject({ seats: 6, elected: 6, serving: 6, suspended: [] });
      expect(snap.present).toHaveLength(5);
      expect(snap.present).not.toContain(d(2));
      const r = computeVoteResult(voteRuleInForce('resolution', '2026-11-26'), snap, { method: 'show_of_hands', for: 4, against: 1, abstain: 0 }, { closedOn: '2026-11-26', termEndsOn: roll.termEndsOn });
      expect(r.outcome).toBe('passed');
      await expect(rollNow(t.db, sessionId, t.id('council:sa-huynh'))).rejects.toThrow(/Không tìm thấy/);
    });

    it('seats from the profile; below 2/3 of the seats near the end of the term, a vote needs over 2/3 of those serving (Điều 49 k2)', async () => {
      const profile = await json<{ ruleSets: { key: string; inForceToday: boolean; profile: Record<string, unknown> }[] }>(vp.get(`/api/councils/${sh}/session-profile`));
      const set = profile.ruleSets.find((s) => s.inForceToday)!;
      await json(vp.put(`/api/councils/${sh}/session-profile`, { ruleSetKey: set.key, profile: { ...set.profile, chamber: { seats: 10, selfCheckIn: false } } }));
      let f = await floor();
      expect(f.seatsSource).toBe('profile');
      expect(resolution(f).threshold).toMatchObject({ needed: 6, base: 10, reducedCouncil: false });
      expect(resolution(f).threshold!.notes.join(' ')).toMatch(/bầu cử bổ sung/);
      // 16 months before the term's end (estimated 30/06/2031); the app clock stays (sign-ins would expire).
      f = (await floorView(t.db, sh, sessionId, {}, new Date('2030-03-02T02:00:00Z'))) as unknown as Floor;
      expect(resolution(f).threshold).toMatchObject({ needed: 5, base: 6, baseKind: 'serving', reducedCouncil: true, source: expect.stringMatching(/Điều 49 khoản 2 điểm b/) });
      await json(vp.put(`/api/councils/${sh}/session-profile`, { ruleSetKey: set.key, profile: { ...set.profile, chamber: { seats: 1000, selfCheckIn: false } } }), 422);
      await json(vp.put(`/api/councils/${sh}/session-profile`, { ruleSetKey: set.key, profile: { ...set.profile, chamber: { seats: null, selfCheckIn: false } } }));
      expect((await floor()).seatsSource).toBe('constituencies');
    });

    it('a delegate checks in only themselves, and only when the council allows it', async () => {
      const me = () => json<{ delegate: { id: string } | null; selfCheckIn: { allowed: boolean; refusal: string | null }; mark: { status: string; source: string } | null }>(db.get(`${base()}/me`));
      expect((await me()).selfCheckIn).toMatchObject({ allowed: false, refusal: expect.stringMatching(/chưa cho phép/) });
      expect(await errorOf(await db.put(`${base()}/me`, { status: 'present' }), 403)).toMatch(/chưa cho phép đại biểu tự điểm danh/);
      // Checking in another delegate is the secretariat's: a delegate is refused.
      expect((await db.put(`${base()}/attendance/${d(1)}`, { status: 'present' })).status).toBe(403);
      expect((await db.post(`${base()}/attendance/bulk`, { status: 'present', delegateIds: [d(1)] })).status).toBe(403);
      const profile = await json<{ ruleSets: { key: string; inForceToday: boolean; profile: Record<string, unknown> }[] }>(vp.get(`/api/councils/${sh}/session-profile`));
      const set = profile.ruleSets.find((s) => s.inForceToday)!;
      await json(vp.put(`/api/councils/${sh}/session-profile`, { ruleSetKey: set.key, profile: { ...set.profile, chamber: { seats: null, selfCheckIn: true } } }));
      expect(await errorOf(await db.put(`${base()}/me`, { status: 'absent' }), 422)).toMatch(/phải nêu lý do/);
      await json(db.put(`${base()}/me`, { status: 'online' }));
      const m = await me();
      expect(m.mark).toMatchObject({ status: 'online', source: 'self' });
      const mine = (await list()).items.find((x) => x.delegateId === m.delegate!.id)!;
      expect(mine).toMatchObject({ status: 'online', source: 'self' });
      // The secretariat and the chair's screen see the self check-in at once.
      expect((await floor()).numbers.online).toBeGreaterThanOrEqual(1);
      // The secretariat's view is not the delegate's.
      expect((await db.get(`${base()}/attendance`)).status).toBe(403);
    });

    it('the speakers\' list: the chair reorders with the version seen; a committee cannot; a stale order is refused', async () => {
      const item = items[0]!.id;
      const s = await speakers(item);
      const order = s.items.map((x) => x.id);
      const swapped = [order[1]!, order[0]!, order[2]!];
      expect((await ban.put(`/api/councils/${sh}/chamber/items/${item}/speakers/order`, { order: swapped, version: s.version })).status).toBe(403);
      expect((await ban.post(`/api/councils/${sh}/chamber/speakers/${order[0]}/status`, { status: 'speaking' })).status).toBe(403);
      expect((await db.put(`/api/councils/${sh}/chamber/items/${item}/speakers/order`, { order: swapped, version: s.version })).status).toBe(403);
      expect(await errorOf(await tt.put(`/api/councils/${sh}/chamber/items/${item}/speakers/order`, { order: swapped, version: s.version - 1 }), 409)).toMatch(/vừa được người khác thay đổi/);
      expect(await errorOf(await tt.put(`/api/councils/${sh}/chamber/items/${item}/speakers/order`, { order: [order[0], order[0], order[1]], version: s.version }), 422)).toMatch(/hai lần/);
      expect(await errorOf(await tt.put(`/api/councils/${sh}/chamber/items/${item}/speakers/order`, { order: swapped, version: 'x' }), 422)).toMatch(/phiên bản/i);
      const r = await json<Speakers>(tt.put(`/api/councils/${sh}/chamber/items/${item}/speakers/order`, { order: swapped, version: s.version }));
      expect(r.items.map((x) => x.id)).toEqual(swapped);
      expect(r.version).toBe(s.version + 1);
      // The same order sent again with the old version: someone else already changed it.
      expect((await tt.put(`/api/councils/${sh}/chamber/items/${item}/speakers/order`, { order: swapped, version: s.version })).status).toBe(409);
      // A delegate registers on the portal meanwhile: an order without them is refused, the list shows them last.
      await json(db.put(`/api/councils/${sh}/portal/items/${item}/speech`, { text: 'Đề nghị công khai tiến độ giải ngân vốn đầu tư công.' }));
      const now = await speakers(item);
      expect(now.items).toHaveLength(4);
      expect(await errorOf(await tt.put(`/api/councils/${sh}/chamber/items/${item}/speakers/order`, { order: swapped, version: now.version }), 409)).toMatch(/phải có đủ mọi người/);
      expect(await audits('chamber_speaker.reorder')).toBe(2); // the demo's and this one
    });

    it('from the floor; the chair calls a speaker, the clock runs from the profile\'s minutes, one at a time', async () => {
      const item = items[0]!.id;
      expect(await errorOf(await vp.post(`/api/councils/${sh}/chamber/items/${item}/speakers`, { delegateId: d(0) }), 409)).toMatch(/đã có trong danh sách/);
      expect(await errorOf(await vp.post(`/api/councils/${sh}/chamber/items/${item}/speakers`, { delegateId: d(1), kind: 'rant' }), 422)).toMatch(/phát biểu, chất vấn hoặc trả lời/);
      const added = await json<Speakers>(vp.post(`/api/councils/${sh}/chamber/items/${item}/speakers`, { delegateId: d(1) }), 201);
      const last = added.items.at(-1)!;
      expect(last).toMatchObject({ delegateId: d(1), fromFloor: true, status: 'waiting', allottedSeconds: 600 });
      const first = added.items[0]!;
      const started = await json<Speakers>(tt.post(`/api/councils/${sh}/chamber/speakers/${first.id}/status`, { status: 'speaking' }));
      expect(started.items[0]!.clock).toMatchObject({ running: true, elapsed: 0 });
      expect(await errorOf(await tt.post(`/api/councils/${sh}/chamber/speakers/${last.id}/status`, { status: 'speaking' }), 422)).toMatch(/Đang có đại biểu khác phát biểu/);
      t.setNow(new Date(t.now.getTime() + 95_000));
      const running = (await speakers(item)).items[0]!;
      expect(running.clock).toEqual({ elapsed: 95, left: running.allottedSeconds - 95, over: false, running: true });
      expect((await floor(`?sessionItemId=${item}`)).speakers!.speaking!.id).toBe(first.id);
      const done = await json<Speakers>(tt.post(`/api/councils/${sh}/chamber/speakers/${first.id}/status`, { status: 'done' }));
      expect(done.items[0]!.clock).toMatchObject({ elapsed: 95, running: false });
      expect(await errorOf(await tt.post(`/api/councils/${sh}/chamber/speakers/${first.id}/status`, { status: 'done' }), 422)).toMatch(/đã ở trạng thái/);
      const ev = (await t.db.execute(sql`select after from audit_events where action = 'chamber_speaker.status' order by at desc, id desc limit 1`)).rows[0] as { after: { spokeSeconds: number } };
      expect(ev.after.spokeSeconds).toBe(95);
      expect((await tt.post(`/api/councils/${sh}/chamber/speakers/${t.id('council:sa-huynh')}/status`, { status: 'done' })).status).toBe(404);
    });
  });
}
