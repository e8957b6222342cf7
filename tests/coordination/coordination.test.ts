// Work with the executive through the API on each database: the incoming register (numbers per
// year, accent-insensitive search, routing with a working-day deadline, overdue computed, the
// handler's to-do line equal to its list, scans judged by content), invitations (accepted,
// delegated, attended) in each person's one calendar feed, periodic reports due before the
// session through the follow-up engine with lateness, and the province's reporting conference
// whose figures equal each commune's own dashboard, with its conclusion notice issued as a .docx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type Incoming = { id: string; number: number; year: number; registerNumber: string; state: string; due: string | null; deadlineStatus: string | null; summary: string; handlerName: string | null; daysOverdue: number };

const PDF = () => new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

for (const kind of dbKinds()) {
  describe(`coordination [${kind}]`, () => {
    let t: TestApp;
    let sh: string;
    let province: string;
    let ubnd: string;
    let vp: TestClient;
    let tt: TestClient;
    beforeAll(async () => {
      // Thursday 26/11/2026, Vietnam time.
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      sh = t.id('council:sa-huynh');
      province = t.id('council:province');
      ubnd = t.id('agency:ubnd-sa-huynh');
      vp = await t.as('vp.sahuynh');
      tt = await t.as('tt.sahuynh');
    }, 240_000);
    afterAll(() => t?.close());

    const register = (body: Record<string, unknown>, status = 201) =>
      json<Incoming>(vp.post(`/api/councils/${sh}/incoming-documents`, { receivedOn: '2026-11-26', senderName: 'Ủy ban nhân dân phường Sa Huỳnh', kind: 'plan', ...body }), status);

    it('numbers arrivals per year, keeps the sender\'s symbol, finds them without diacritics, pages the list', async () => {
      const before = await json<Page<Incoming>>(vp.get(`/api/councils/${sh}/incoming-documents?pageSize=1`));
      const a = await register({ docSymbol: '301/KH-UBND', docDate: '2026-11-24', summary: 'Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa bão.' });
      const b = await register({ docSymbol: '07/BC-UBND', kind: 'result', summary: 'Báo cáo kết quả khắc phục hậu quả lũ lụt tại thôn Châu Me.' });
      expect(b.number).toBe(a.number + 1);
      expect((await json<Incoming>(vp.get(`/api/councils/${sh}/incoming-documents/${a.id}`))).registerNumber).toBe(`${a.number}/2026`);
      const found = await json<Page<Incoming>>(vp.get(`/api/councils/${sh}/incoming-documents?q=${encodeURIComponent('phong chong thien tai')}`));
      expect(found.items.map((d) => d.id)).toEqual([a.id]);
      const bySymbol = await json<Page<Incoming>>(vp.get(`/api/councils/${sh}/incoming-documents?q=${encodeURIComponent('07/bc-ubnd')}`));
      expect(bySymbol.items.map((d) => d.id)).toEqual([b.id]);
      const all = await json<Page<Incoming>>(vp.get(`/api/councils/${sh}/incoming-documents?pageSize=1&page=2`));
      expect(all.total).toBe(before.total + 2);
      expect(all.items).toHaveLength(1);
      expect(all.pageSize).toBe(1);
      // A document from the future, a date of the document after its arrival: Vietnamese 422s, nothing written.
      const bad = await vp.post(`/api/councils/${sh}/incoming-documents`, { receivedOn: '2026-12-01', senderName: 'X', kind: 'plan', summary: 'Y' });
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.message).toContain('Ngày đến không được sau hôm nay');
      const noSummary = await vp.post(`/api/councils/${sh}/incoming-documents`, { receivedOn: '2026-11-26', senderName: 'X', kind: 'plan', summary: '  ' });
      expect(noSummary.status).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(await noSummary.json())).toContain('Trích yếu nội dung không được để trống');
      expect((await json<Page<Incoming>>(vp.get(`/api/councils/${sh}/incoming-documents?pageSize=1`))).total).toBe(before.total + 2);
    });

    it('routes to a named handler with a deadline in working days; overdue is computed; the handler\'s to-do line equals the list', async () => {
      const d = await register({ summary: 'Chương trình công tác tháng 12 của Ủy ban nhân dân phường.', kind: 'program' });
      // Thursday + 2 working days: Friday, then Monday (the weekend is skipped).
      const assigned = await json<Incoming>(vp.post(`/api/councils/${sh}/incoming-documents/${d.id}/assign`, { handlerUserId: t.id('user:tt.sahuynh'), workingDays: 2 }));
      expect(assigned.due).toBe('2026-11-30');
      expect(assigned.state).toBe('assigned');
      // Someone outside the council cannot be the handler.
      const outsider = await vp.post(`/api/councils/${sh}/incoming-documents/${d.id}/assign`, { handlerUserId: t.id('user:vp.tinh'), workingDays: 2 });
      expect(outsider.status).toBe(422);
      // The demo plan, routed 20 days ago with 5 working days, is overdue today.
      const overdue = await json<Page<Incoming>>(tt.get(`/api/councils/${sh}/incoming-documents?mine=1&track=overdue`));
      expect(overdue.items.length).toBeGreaterThan(0);
      expect(overdue.items.every((x) => x.deadlineStatus === 'overdue' && x.daysOverdue > 0 && x.due! < '2026-11-26')).toBe(true);
      const mine = await json<Page<Incoming>>(tt.get(`/api/councils/${sh}/incoming-documents?mine=1&track=open`));
      expect(mine.items.map((x) => x.id)).toContain(d.id);
      const home = await json<{ groups: { id: string; entries: { key: string; count: number; link: string }[] }[] }>(tt.get(`/api/todo?councilId=${sh}`));
      const entries = home.groups.find((g) => g.id === sh)!.entries;
      const line = (key: string) => entries.find((e) => e.key === key)!;
      expect(line('incoming-mine').count).toBe(mine.total);
      expect(line('incoming-mine-overdue').count).toBe(overdue.total);
      // The line opens the very list it counts (the web path's query is the API's).
      const opened = await json<Page<Incoming>>(tt.get(`/api/councils/${sh}/incoming-documents?${line('incoming-mine-overdue').link.split('?')[1]}`));
      expect(opened.total).toBe(overdue.total);
      // The handler starts it and files the reply; a secretariat member who is not the handler may too, a delegate may not.
      await json(tt.post(`/api/councils/${sh}/incoming-documents/${d.id}/finish`, { outcome: 'start' }));
      const done = await json<Incoming>(tt.post(`/api/councils/${sh}/incoming-documents/${d.id}/finish`, { outcome: 'reply', note: 'Đã góp ý bằng văn bản.' }));
      expect(done.state).toBe('replied');
      const again = await tt.post(`/api/councils/${sh}/incoming-documents/${d.id}/finish`, { outcome: 'file' });
      expect(again.status).toBe(422);
      const delegate = await t.as('daibieu.sahuynh');
      expect((await delegate.get(`/api/councils/${sh}/incoming-documents`)).status).toBe(403);
    });

    it('links a submission to a session and an answer to a petition of the same council only', async () => {
      const list = await json<Page<{ id: string; kind: string; sessionId: string | null; petitionId: string | null }>>(vp.get(`/api/councils/${sh}/incoming-documents?pageSize=50`));
      const sub = list.items.find((x) => x.kind === 'submission' && x.sessionId)!;
      const detail = await json<{ session: { id: string; title: string } | null }>(vp.get(`/api/councils/${sh}/incoming-documents/${sub.id}`));
      expect(detail.session?.id).toBe(sub.sessionId);
      const answer = list.items.find((x) => x.kind === 'answer' && x.petitionId)!;
      expect((await json<{ petition: { id: string } | null }>(vp.get(`/api/councils/${sh}/incoming-documents/${answer.id}`))).petition?.id).toBe(answer.petitionId);
      const [other] = (await t.db.execute<{ id: string }>(`select id::text from council_sessions where council_id = '${province}' limit 1` as never)).rows as { id: string }[];
      const wrong = await vp.post(`/api/councils/${sh}/incoming-documents`, { receivedOn: '2026-11-26', senderName: 'UBND', kind: 'submission', summary: 'Tờ trình', sessionId: other!.id });
      expect(wrong.status).toBe(422);
      expect((await wrong.json()).error.message).toBe('Kỳ họp không thuộc HĐND này.');
    });

    it('takes scans judged by content (a text file named .pdf is refused), none for a secret document', async () => {
      const d = await register({ summary: 'Kế hoạch kiểm tra an toàn thực phẩm dịp Tết.' });
      const fake = new FormData();
      fake.append('file', new File([new TextEncoder().encode('not a pdf at all')], 'scan.pdf', { type: 'application/pdf' }));
      const refused = await vp.upload(`/api/councils/${sh}/incoming-documents/${d.id}/files`, fake);
      expect(refused.status).toBe(422);
      expect((await refused.json()).error.message).toMatch(/không được nhận.*Chỉ nhận: PDF/);
      const real = new FormData();
      real.append('file', new File([PDF()], 'ke-hoach.pdf', { type: 'application/octet-stream' }));
      const f = await json<{ id: string; mimeType: string; version: number }>(vp.upload(`/api/councils/${sh}/incoming-documents/${d.id}/files`, real), 201);
      expect(f.mimeType).toBe('application/pdf');
      const back = await vp.get(`/api/councils/${sh}/incoming-documents/${d.id}/files/${f.id}`);
      expect(back.status).toBe(200);
      expect(new Uint8Array(await back.arrayBuffer())).toEqual(PDF());
      const secret = await register({ summary: 'Văn bản mật', secret: true });
      const form = new FormData();
      form.append('file', new File([PDF()], 'mat.pdf'));
      const no = await vp.upload(`/api/councils/${sh}/incoming-documents/${secret.id}/files`, form);
      expect(no.status).toBe(409);
      // The secret one is found by its register data, never by its summary.
      const s = await json<Page<Incoming>>(vp.get(`/api/councils/${sh}/incoming-documents?q=${encodeURIComponent('van ban mat')}`));
      expect(s.items.map((x) => x.id)).not.toContain(secret.id);
    });

    it('invitations: accepted, delegated to another person, attended — in each person\'s one calendar feed', async () => {
      const inv = await json<{ id: string; state: string }>(vp.post(`/api/councils/${sh}/executive-invitations`, {
        title: 'Họp bàn phương án di dời hộ dân vùng sạt lở', organizerName: 'Ủy ban nhân dân phường Sa Huỳnh', organizerAgencyId: ubnd,
        startsAt: '2026-12-02T08:00:00+07:00', endsAt: '2026-12-02T11:00:00+07:00', location: 'Phòng họp số 2', inviteeUserId: t.id('user:tt.sahuynh'),
      }), 201);
      expect(inv.state).toBe('received');
      const feed = async (c: TestClient) => {
        const { url } = await json<{ url: string }>(c.post('/api/calendar-feed', {}), 201);
        const res = await t.anonymous().get(new URL(url).pathname);
        expect(res.status).toBe(200);
        return res.text();
      };
      expect(await feed(tt)).toContain(`executive-invitation-${inv.id}@nghitruong`);
      // Delegated: it leaves the invitee's calendar and enters the secretariat member's.
      const del = await json<{ state: string }>(tt.post(`/api/councils/${sh}/executive-invitations/${inv.id}/step`, { action: 'delegate', attendeeUserId: t.id('user:vp.sahuynh'), note: 'Bận tiếp công dân.' }));
      expect(del.state).toBe('delegated');
      const ttFeed = await feed(tt);
      const vpFeed = await feed(vp);
      expect(ttFeed).not.toContain(`executive-invitation-${inv.id}@`);
      expect(vpFeed).toContain(`executive-invitation-${inv.id}@nghitruong`);
      expect(vpFeed.replace(/\r\n /g, '')).toContain('DTSTART:20261202T010000Z');
      // The sessions of the council are still in the same feed (one feed, extended).
      expect(vpFeed).toMatch(/UID:council-session-/);
      // Attendance only after the meeting began.
      const early = await vp.post(`/api/councils/${sh}/executive-invitations/${inv.id}/step`, { action: 'attended' });
      expect(early.status).toBe(422);
      t.setNow('2026-12-02T06:00:00Z');
      try {
        const later = await t.as('vp.sahuynh');
        const att = await json<{ state: string; notes: string }>(later.post(`/api/councils/${sh}/executive-invitations/${inv.id}/step`, { action: 'attended', notes: 'Thống nhất di dời 12 hộ trước 20/12.' }));
        expect(att.state).toBe('attended');
      } finally {
        t.setNow('2026-11-26T02:00:00Z');
      }
      // A committee member neither invited nor delegated cannot answer for the invitee.
      const ban = await t.as('ban.sahuynh');
      const notMine = await ban.post(`/api/councils/${sh}/executive-invitations/${inv.id}/step`, { action: 'decline' });
      expect(notMine.status).toBe(403);
      const list = await json<Page<{ id: string; stateLabel: string; goerName: string }>>(vp.get(`/api/councils/${sh}/executive-invitations?mine=1`));
      const row = list.items.find((x) => x.id === inv.id)!;
      expect(row.stateLabel).toBe('Đã dự họp');
      expect(row.goerName).toBe('Lê Thị Mỹ');
    });

    it('periodic reports: due before the session from the kind in force, owed in the agency\'s one inbox, lateness per agency', async () => {
      const kinds = await json<Page<{ key: string; ruleSetKey: string; validFrom: string; validTo: string | null; verified: boolean }>>(vp.get(`/api/councils/${sh}/periodic-report-kinds?at=2026-11-26&pageSize=50`));
      expect(kinds.total).toBe(10);
      expect(new Set(kinds.items.map((k) => k.ruleSetKey))).toEqual(new Set(['reports-2025']));
      const legacy = await json<Page<{ ruleSetKey: string }>>(vp.get(`/api/councils/${sh}/periodic-report-kinds?at=2024-12-01&pageSize=50`));
      expect(new Set(legacy.items.map((k) => k.ruleSetKey))).toEqual(new Set(['reports-2015']));
      const list = await json<Page<{ id: string; kindKey: string; due: string; timing: string; openingDate: string | null; daysLate: number }> & { byAgency: { agencyId: string; late: number; overdue: number; total: number }[] }>(vp.get(`/api/councils/${sh}/periodic-reports?year=2026`));
      const work = list.items.find((r) => r.kindKey === 'ubnd_work' && r.openingDate)!;
      // 20 days before the opening (Tuesday 08/12/2026): Wednesday 18/11, past today → overdue.
      expect(work.openingDate).toBe('2026-12-08');
      expect(work.due).toBe('2026-11-18');
      expect(work.timing).toBe('overdue');
      expect(work.daysLate).toBe(8);
      const ag = list.byAgency.find((a) => a.agencyId === ubnd)!;
      expect(ag.late).toBe(list.items.filter((r) => r.timing === 'late').length);
      expect(ag.overdue).toBe(list.items.filter((r) => r.timing === 'overdue').length);
      // The agency sees it in its one inbox, overdue.
      const responder = await t.as('ubnd.sahuynh');
      const inbox = await json<Page<{ kind: string; sourceId: string; overdue: boolean; due: string }>>(responder.get(`/api/agencies/${ubnd}/obligations?kind=periodic_report&pageSize=50`));
      const item = inbox.items.find((i) => i.sourceId === work.id)!;
      expect(item).toMatchObject({ kind: 'periodic_report', overdue: true, due: '2026-11-18' });
      // Received today: late by 8 days; it leaves the agency's open items.
      const got = await json<{ timing: string; daysLate: number }>(vp.post(`/api/councils/${sh}/periodic-reports/${work.id}/receive`, { receivedOn: '2026-11-26' }));
      expect(got).toMatchObject({ timing: 'late', daysLate: 8 });
      const after = await json<Page<{ sourceId: string; status: string }>>(responder.get(`/api/agencies/${ubnd}/obligations?kind=periodic_report&pageSize=50`));
      expect(after.items.find((i) => i.sourceId === work.id)?.status).toBe('closed');
      const twice = await vp.post(`/api/councils/${sh}/periodic-reports/${work.id}/receive`, { receivedOn: '2026-11-26' });
      expect(twice.status).toBe(409);
      // A kind's lead time is data: a council changes it and new expectations follow.
      const thrift = (await json<Page<{ id: string; key: string }>>(vp.get(`/api/councils/${sh}/periodic-report-kinds?at=2026-11-26&pageSize=50`))).items.find((k) => k.key === 'thrift')!;
      await json(vp.patch(`/api/councils/${sh}/periodic-report-kinds/${thrift.id}`, { leadValue: 10, leadUnit: 'working_days' }));
      const [session] = (await t.db.execute(`select id::text from council_sessions where council_id = '${sh}' and state = 'planned' order by opening_date limit 1` as never)).rows as { id: string }[];
      const e = await json<{ due: string }>(vp.post(`/api/councils/${sh}/periodic-reports`, { kindKey: 'thrift', agencyId: ubnd, year: 2026, period: 'year_end', sessionId: session!.id }), 201);
      expect(e.due).toBe('2026-11-24');
      const midYear = await vp.post(`/api/councils/${sh}/periodic-reports`, { kindKey: 'thrift', agencyId: ubnd, year: 2026, period: 'mid_year', sessionId: session!.id });
      expect(midYear.status).toBe(422);
    });

    it('the reporting conference: each commune\'s figures equal its own dashboard; the conclusion notice is an ND30 .docx', async () => {
      const admin = await t.as('vp.tinh');
      const confs = await json<Page<{ id: string }>>(admin.get(`/api/councils/${province}/reporting-conferences`));
      expect(confs.total).toBe(1);
      type Row = { councilId: string; councilName: string; sessionsHeld: number; supervisionActivities: number; petitionsCollected: number; petitionsForwarded: number; petitionsAnswered: number; petitionsResolved: number; petitionsOverdue: number; letters: number };
      const conf = await json<{ periodFrom: string; periodTo: string; figures: { councils: Row[]; totals: Record<string, number> } }>(admin.get(`/api/councils/${province}/reporting-conferences/${confs.items[0]!.id}`));
      expect(conf.figures.councils.length).toBeGreaterThan(1);
      const sa = conf.figures.councils.find((c) => c.councilId === sh)!;
      expect(sa.petitionsCollected).toBeGreaterThan(0);
      expect(sa.letters).toBeGreaterThan(0);
      const lower = await json<{ councils: { councilId: string; sessionsHeld: number; supervisionActivities: number }[] }>(admin.get(`/api/councils/${province}/dashboard/lower-councils?at=${conf.periodTo}`));
      const admin2 = await t.as('admin');
      for (const c of conf.figures.councils) {
        // The commune's own dashboard, read by someone who may read it.
        const own = await json<{ totals: Record<string, { value: number }> }>(admin2.get(`/api/councils/${c.councilId}/dashboard/petitions`));
        const letters = await json<{ total: number }>(admin2.get(`/api/councils/${c.councilId}/letter-figures?from=${conf.periodFrom}&to=${conf.periodTo}`));
        const l = lower.councils.find((x) => x.councilId === c.councilId)!;
        expect({ council: c.councilName, collected: c.petitionsCollected, forwarded: c.petitionsForwarded, answered: c.petitionsAnswered, resolved: c.petitionsResolved, overdue: c.petitionsOverdue, letters: c.letters, sessions: c.sessionsHeld, supervision: c.supervisionActivities })
          .toEqual({ council: c.councilName, collected: own.totals.petitions!.value, forwarded: own.totals.forwarded!.value, answered: own.totals.answered!.value, resolved: own.totals.resolved!.value, overdue: own.totals.overdue!.value, letters: letters.total, sessions: l.sessionsHeld, supervision: l.supervisionActivities });
      }
      expect(conf.figures.totals.petitionsCollected).toBe(conf.figures.councils.reduce((n, c) => n + c.petitionsCollected, 0));
      // A commune's secretariat cannot open the province's conference.
      expect((await vp.get(`/api/councils/${province}/reporting-conferences/${confs.items[0]!.id}`)).status).toBe(403);

      const issued = await json<{ document: { id: string; symbol: string; downloadPath: string }; conference: { state: string } }>(admin.post(`/api/councils/${province}/reporting-conferences/${confs.items[0]!.id}/conclusion`, { signerName: 'Nguyễn Văn An' }), 201);
      expect(issued.conference.state).toBe('concluded');
      expect(issued.document.symbol).toMatch(/^\d+\/TB-/);
      const docx = await admin.get(issued.document.downloadPath);
      expect(docx.status).toBe(200);
      const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']!);
      expect(xml).toContain('THÔNG BÁO');
      expect(xml).toContain(sa.councilName);
      expect(xml).toContain(`${String(conf.figures.totals.petitionsCollected).padStart(2, '0')} kiến nghị của cử tri`);
      const twice = await admin.post(`/api/councils/${province}/reporting-conferences/${confs.items[0]!.id}/conclusion`, {});
      expect(twice.status).toBe(409);
    });
  });
}
