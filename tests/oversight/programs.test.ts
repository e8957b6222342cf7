// Supervision programmes through the API, on each database: the demo's one real overlap (the
// province's Ban and the ward's Ban on the ward's UBND in March 2026) with its sentence on both
// sides and the reason recorded at adoption; overlap pairs that must and must not conflict
// (same agency another year, parent and child agency, the same topic in other words, two levels);
// adopting over an overlap needs a reason; one committee cannot edit another's programme; the
// founding decision is an ND30 document with notices due by the rule set of its day; the agency
// sees only its own activities and uploads its report; the public page shows published programmes
// only; a recurring petition becomes a topic proposal with one click.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { eq } from 'drizzle-orm';
import { oversightSettings } from '../../src/modules/oversight/schema.ts';

interface Sentence { type: string; sentence: string; otherBody: string; acrossCouncils: boolean; otherActivityId: string }
interface Act { id: string; title: string; version: number; conflicts: Sentence[]; overlapReason: string }
interface ProgramDetail { id: string; state: string; bodyName: string; activities: Act[]; versions: { kind: string; overlapReason: string; conflicts: { sentence: string }[] }[] }

for (const kind of dbKinds()) {
  describe(`oversight programmes [${kind}]`, () => {
    let t: TestApp;
    let vpTinh: TestClient;
    let vpSh: TestClient;
    let ban: TestClient;
    let ubnd: TestClient;
    let soxd: TestClient;
    let province: string;
    let ward: string;
    const fields = new Map<string, string>();
    const fieldOf = async (councilId: string, name: string) => {
      const key = `${councilId}:${name}`;
      if (!fields.has(key)) {
        const r = await json<{ items: { id: string; name: string }[] }>(vpTinh.get(`/api/councils/${councilId}/petition-fields?pageSize=200`).then((x) => x.status === 403 ? vpSh.get(`/api/councils/${councilId}/petition-fields?pageSize=200`) : x));
        fields.set(key, r.items.find((f) => f.name === name)!.id);
      }
      return fields.get(key)!;
    };

    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      province = t.id('council:province');
      ward = t.id('council:sa-huynh');
      [vpTinh, vpSh, ban, ubnd, soxd] = await Promise.all(['vp.tinh', 'vp.sahuynh', 'ban.sahuynh', 'ubnd.sahuynh', 'so.xaydung'].map((u) => t.as(u)));
    }, 300_000);
    afterAll(() => t?.close());

    it('the demo: one real overlap across levels, its sentence on both sides, the reason recorded at adoption', async () => {
      const w = await json<ProgramDetail>(vpSh.get(`/api/councils/${ward}/oversight-programs/${t.id('oversight:program:sa-huynh-ktns')}`));
      expect(w.state).toBe('adopted');
      const act = w.activities.find((a) => a.id === t.id('oversight:activity:sa-huynh-ktns'))!;
      expect(act.conflicts).toHaveLength(1);
      expect(act.conflicts[0]).toMatchObject({
        type: 'overlap', acrossCouncils: true,
        sentence: 'Trùng đối tượng Ủy ban nhân dân phường Sa Huỳnh, từ 12/03 đến 15/03, với Ban Kinh tế – Ngân sách HĐND tỉnh',
      });
      expect(act.overlapReason).toContain('Thống nhất với Ban Kinh tế – Ngân sách HĐND tỉnh');
      expect(w.versions[0]).toMatchObject({ kind: 'adopted' });
      expect(w.versions[0]!.conflicts.map((c) => c.sentence)).toEqual([act.conflicts[0]!.sentence]);
      // every other demo activity is free of overlaps: exactly one conflict in each picture
      const tl = await json<{ conflicts: { sentenceA: string; sentenceB: string }[] }>(vpTinh.get(`/api/councils/${province}/oversight-timeline?year=2026`));
      expect(tl.conflicts).toHaveLength(1);
      expect([tl.conflicts[0]!.sentenceA, tl.conflicts[0]!.sentenceB]).toContain('Trùng đối tượng Ủy ban nhân dân phường Sa Huỳnh, từ 12/03 đến 15/03, với Ban Kinh tế – Ngân sách HĐND phường');
      // the upper council sees the lower councils' programmes
      const list = await json<{ items: { councilId: string; own: boolean }[] }>(vpTinh.get(`/api/councils/${province}/oversight-programs?year=2026&lower=true`));
      expect(list.items.some((p) => p.councilId === ward && !p.own)).toBe(true);
      const own = await json<{ items: { councilId: string }[] }>(vpTinh.get(`/api/councils/${province}/oversight-programs?year=2026`));
      expect(own.items.every((p) => p.councilId === province)).toBe(true);
    });

    it('pairs that must and must not conflict, checked on every change; adopting over an overlap needs a reason', async () => {
      const prog = await json<{ id: string }>(vpTinh.post(`/api/councils/${province}/oversight-programs`, { bodyKind: 'committee', bodyId: t.id('body:province:committee:0'), year: 2027 }), 201);
      const other = await json<{ id: string }>(vpTinh.post(`/api/councils/${province}/oversight-programs`, { bodyKind: 'standing', bodyId: t.id('body:province:standing'), year: 2027 }), 201);
      const xd = await fieldOf(province, 'Xây dựng');
      const base = { kind: 'thematic', fieldIds: [xd], subjectAgencyIds: [t.id('agency:so-xay-dung')], startDate: '2027-04-05', endDate: '2027-04-10' };
      const a = await json<{ activity: Act; conflicts: Sentence[] }>(vpTinh.post(`/api/councils/${province}/oversight-programs/${other.id}/activities`, { ...base, title: 'Giám sát công tác quản lý trật tự xây dựng đô thị' }), 201);
      expect(a.conflicts).toEqual([]);
      // same agency, another year (the demo's 2026 activity on Sở Xây dựng): no conflict, as above.
      // same agency, same field, same dates → overlap, with the sentence
      const b = await json<{ activity: Act; conflicts: Sentence[] }>(vpTinh.post(`/api/councils/${province}/oversight-programs/${prog.id}/activities`, { ...base, title: 'Khảo sát cấp phép xây dựng', startDate: '2027-04-08', endDate: '2027-04-20' }), 201);
      expect(b.conflicts.map((c) => c.sentence)).toEqual(['Trùng đối tượng Sở Xây dựng, từ 08/04 đến 10/04, với Thường trực HĐND tỉnh']);
      // moved to May: the check runs again on the change, and the conflict is gone
      const moved = await json<{ activity: Act; conflicts: Sentence[] }>(vpTinh.patch(`/api/councils/${province}/oversight-activities/${b.activity.id}`, { version: b.activity.version, startDate: '2027-05-03', endDate: '2027-05-07' }));
      expect(moved.conflicts).toEqual([]);
      // parent agency (UBND tỉnh is Sở Xây dựng's parent), the same topic in other words, no field: overlap
      const parent = await json<{ conflicts: Sentence[] }>(vpTinh.post(`/api/councils/${province}/oversight-programs/${prog.id}/activities`, {
        kind: 'survey', title: 'Khảo sát việc quản lý trật tự xây dựng tại các đô thị', subjectAgencyIds: [t.id('agency:ubnd-province')], startDate: '2027-04-09', endDate: '2027-04-09',
      }), 201);
      expect(parent.conflicts.map((c) => c.sentence)).toEqual(['Trùng đối tượng Ủy ban nhân dân tỉnh Quảng Ngãi và cơ quan trực thuộc Sở Xây dựng, ngày 09/04, với Thường trực HĐND tỉnh']);
      // the same parent, a different topic: not a conflict
      const unrelated = await json<{ conflicts: Sentence[] }>(vpTinh.post(`/api/councils/${province}/oversight-programs/${prog.id}/activities`, {
        kind: 'survey', title: 'Khảo sát công tác tiêm chủng mở rộng cho trẻ em', fieldIds: [await fieldOf(province, 'Y tế')], subjectAgencyIds: [t.id('agency:ubnd-province')], startDate: '2027-04-06', endDate: '2027-04-07',
      }), 201);
      expect(unrelated.conflicts).toEqual([]);
      // two levels: the ward's Ban on the ward's UBND overlapping the province's activity on it
      const lowerProg = await json<{ id: string }>(vpSh.post(`/api/councils/${ward}/oversight-programs`, { bodyKind: 'committee', bodyId: t.id('body:sa-huynh:committee:0'), year: 2027 }), 201);
      await json(vpTinh.patch(`/api/councils/${province}/oversight-activities/${a.activity.id}`, { version: a.activity.version, subjectAgencyIds: [t.id('agency:so-xay-dung'), t.id('agency:ubnd-sa-huynh')] }));
      const lower = await json<{ activity: Act; conflicts: Sentence[] }>(ban.post(`/api/councils/${ward}/oversight-programs/${lowerProg.id}/activities`, {
        kind: 'thematic', title: 'Giám sát trật tự xây dựng trên địa bàn phường', fieldIds: [await fieldOf(ward, 'Xây dựng')], subjectAgencyIds: [t.id('agency:ubnd-sa-huynh')], startDate: '2027-04-01', endDate: '2027-04-06',
      }), 201);
      expect(lower.conflicts.map((c) => [c.sentence, c.acrossCouncils])).toEqual([['Trùng đối tượng Ủy ban nhân dân phường Sa Huỳnh, từ 05/04 đến 06/04, với Thường trực HĐND tỉnh', true]]);
      // adoption without a reason is refused with the conflicts; with a reason it is recorded
      const refused = await ban.post(`/api/councils/${ward}/oversight-programs/${lowerProg.id}/adopt`, { resolutionNumber: '01/KH-BKTNS', adoptedOn: '2026-11-26' });
      expect(refused.status).toBe(409);
      const body = await refused.json() as { error: { message: string; details: { conflicts: Sentence[] } } };
      expect(body.error.message).toContain('ghi rõ lý do');
      expect(body.error.details.conflicts[0]!.sentence).toBe(lower.conflicts[0]!.sentence);
      const adopted = await json<{ state: string; versionRecord: { overlapReason: string } }>(ban.post(`/api/councils/${ward}/oversight-programs/${lowerProg.id}/adopt`, { resolutionNumber: '01/KH-BKTNS', overlapReason: 'Phối hợp với Đoàn của Thường trực HĐND tỉnh' }));
      expect(adopted).toMatchObject({ state: 'adopted', versionRecord: { overlapReason: 'Phối hợp với Đoàn của Thường trực HĐND tỉnh' } });
      // a change to the adopted programme needs a note, and is an amendment version
      const needNote = await ban.patch(`/api/councils/${ward}/oversight-activities/${lower.activity.id}`, { version: lower.activity.version, title: 'Giám sát trật tự xây dựng đô thị trên địa bàn phường' });
      expect(needNote.status).toBe(422);
      await json(ban.patch(`/api/councils/${ward}/oversight-activities/${lower.activity.id}`, { version: lower.activity.version, startDate: '2027-06-01', endDate: '2027-06-05', changeNote: 'Lùi thời gian để tránh trùng Đoàn tỉnh' }));
      const after = await json<ProgramDetail>(ban.get(`/api/councils/${ward}/oversight-programs/${lowerProg.id}`));
      expect(after.state).toBe('amended');
      expect(after.versions.map((v) => v.kind)).toEqual(['adopted', 'amended']);
      expect(after.activities[0]!.conflicts).toEqual([]);
    });

    it('one committee cannot edit another committee\'s programme (the standing committee and the secretariat can)', async () => {
      const other = await json<{ id: string }>(vpSh.post(`/api/councils/${ward}/oversight-programs`, { bodyKind: 'committee', bodyId: t.id('body:sa-huynh:committee:1'), year: 2027 }), 201);
      const res = await ban.post(`/api/councils/${ward}/oversight-programs/${other.id}/activities`, {
        kind: 'survey', title: 'Khảo sát', subjectAgencyIds: [t.id('agency:ubnd-sa-huynh')], startDate: '2027-07-01', endDate: '2027-07-02',
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('Ban Văn hóa – Xã hội HĐND phường');
      expect((await ban.post(`/api/councils/${ward}/oversight-programs`, { bodyKind: 'committee', bodyId: t.id('body:sa-huynh:committee:1'), year: 2028 })).status).toBe(403);
      expect((await ban.post(`/api/councils/${ward}/oversight-programs/${other.id}/adopt`, { overlapReason: 'x' })).status).toBe(403);
      // another council's programme: not even visible
      expect((await ban.get(`/api/councils/${province}/oversight-programs`)).status).toBe(403);
      expect((await ubnd.get(`/api/councils/${ward}/oversight-programs`)).status).toBe(403);
    });

    it('founding decision (ND30 document), notices due by the activity\'s rule set, working session, the agency uploads its report', async () => {
      const detail = await json<{ state: string; ruleSetKey: string; foundingDocumentId: string; notices: { step: string; dueDate: string | null; agencyName: string }[]; team: unknown[]; files: { title: string }[]; workingSessions: unknown[] }>(
        vpSh.get(`/api/councils/${ward}/oversight-activities/${t.id('oversight:activity:sa-huynh-ktns')}`),
      );
      // founded on 20/02/2026: Luật 87/2015 kept after 01/03/2026; its report is issued in the demo (recommendationsSeed.ts)
      expect(detail).toMatchObject({ state: 'reported', ruleSetKey: 'luat-87-2015' });
      expect(detail.team).toHaveLength(4);
      expect(detail.workingSessions).toHaveLength(1);
      const content = detail.notices.find((n) => n.step === 'contentNotice')!;
      const schedule = detail.notices.find((n) => n.step === 'scheduleNotice')!;
      expect(content.dueDate).toBe('2026-03-09'); // 15 days after 20/02 (a Sunday → Monday 09/03)
      expect(schedule.dueDate! < '2026-03-12').toBe(true); // ≥ 10 days before the working session
      expect(detail.files.map((f) => f.title)).toEqual(['Báo cáo của Ủy ban nhân dân phường về quản lý, sử dụng vốn đầu tư công năm 2025']);
      const doc = await vpSh.get(`/api/councils/${ward}/documents/${detail.foundingDocumentId}`);
      expect(doc.status).toBe(200);
      expect(JSON.stringify(await doc.json())).toContain('Thành lập Đoàn giám sát');
      // the agency sees its own activities only (draft programmes never), and uploads
      const mine = await json<{ items: { id: string; files: unknown[] }[]; total: number }>(ubnd.get(`/api/agencies/${t.id('agency:ubnd-sa-huynh')}/oversight-activities`));
      expect(mine.items.map((i) => i.id)).toContain(t.id('oversight:activity:sa-huynh-ktns'));
      const theirs = await json<{ items: { id: string }[] }>(soxd.get(`/api/agencies/${t.id('agency:so-xay-dung')}/oversight-activities`));
      expect(theirs.items.map((i) => i.id)).not.toContain(t.id('oversight:activity:sa-huynh-ktns'));
      expect((await soxd.get(`/api/agencies/${t.id('agency:ubnd-sa-huynh')}/oversight-activities`)).status).toBe(403);
      const form = new FormData();
      form.set('file', new Blob([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'bao-cao-bo-sung.pdf');
      form.set('title', 'Báo cáo bổ sung');
      await json(ubnd.upload(`/api/agencies/${t.id('agency:ubnd-sa-huynh')}/oversight-activities/${t.id('oversight:activity:sa-huynh-ktns')}/files`, form), 201);
      const form2 = new FormData();
      form2.set('file', new Blob([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'x.pdf');
      expect((await soxd.upload(`/api/agencies/${t.id('agency:so-xay-dung')}/oversight-activities/${t.id('oversight:activity:sa-huynh-ktns')}/files`, form2)).status).toBe(404);
    });

    it('an activity founded after 01/03/2026 keeps Luật 121/2025; its unsent notice is reminded on the to-do list as its list counts it', async () => {
      const prog = await json<{ id: string }>(vpTinh.post(`/api/councils/${province}/oversight-programs`, { bodyKind: 'committee', bodyId: t.id('body:province:committee:2'), year: 2027 }), 201);
      const a = await json<{ activity: Act }>(vpTinh.post(`/api/councils/${province}/oversight-programs/${prog.id}/activities`, {
        kind: 'survey', title: 'Khảo sát công tác giáo dục nghề nghiệp cho thanh niên nông thôn', fieldIds: [await fieldOf(province, 'Giáo dục')], subjectAgencyIds: [t.id('agency:so-gd')], startDate: '2027-01-11', endDate: '2027-01-13',
      }), 201);
      // not founded while the programme is a draft
      expect((await vpTinh.post(`/api/councils/${province}/oversight-activities/${a.activity.id}/founding`, { team: [{ fullName: 'Lê Văn Cường', role: 'leader' }], signerName: 'Nguyễn Văn An' })).status).toBe(409);
      await json(vpTinh.post(`/api/councils/${province}/oversight-programs/${prog.id}/adopt`, { resolutionNumber: '09/KH-BVHXH' }));
      expect((await vpTinh.post(`/api/councils/${province}/oversight-activities/${a.activity.id}/founding`, { team: [{ fullName: 'Lê Văn Cường', role: 'member' }], signerName: 'Nguyễn Văn An' })).status).toBe(422);
      const founded = await json<{ activity: { ruleSetKey: string; state: string }; document: { symbol: string }; notices: { id: string; step: string; dueDate: string }[] }>(
        vpTinh.post(`/api/councils/${province}/oversight-activities/${a.activity.id}/founding`, { team: [{ fullName: 'Lê Văn Cường', position: 'Trưởng Ban Văn hóa – Xã hội HĐND tỉnh', role: 'leader' }], signerName: 'Nguyễn Văn An' }), 201);
      expect(founded.activity).toMatchObject({ ruleSetKey: 'luat-121-2025', state: 'founded' });
      expect(founded.document.symbol).toMatch(/\/QĐ-/);
      const content = founded.notices.find((n) => n.step === 'contentNotice')!;
      expect(content.dueDate).toBe('2026-12-11'); // 15 days after 26/11/2026 (a Friday)
      const todoLine = async () => {
        const home = await json<{ groups: { scope: string; entries: { key: string; count: number; link: string }[] }[] }>(vpTinh.get(`/api/todo?councilId=${province}`));
        return home.groups.flatMap((g) => g.entries).find((e) => e.key === 'oversight-notices-due');
      };
      const pending = async () => (await json<{ total: number }>(vpTinh.get(`/api/councils/${province}/oversight-notices?pending=true&pageSize=1`))).total;
      expect((await todoLine())?.count ?? 0).toBe(await pending());
      expect(await pending()).toBe(0); // due in 15 days: outside the 7-day window
      // the window is council data: 20 days brings the notice due on 11/12 into it
      await t.db.insert(oversightSettings).values({ councilId: province, settings: { noticeReminderDays: 20 } });
      expect(await pending()).toBe(1);
      expect((await todoLine())!.count).toBe(1);
      await json(vpTinh.post(`/api/councils/${province}/oversight-notices/${content.id}/sent`, {}));
      expect(await pending()).toBe(0);
      expect((await todoLine())?.count ?? 0).toBe(0);
      await t.db.delete(oversightSettings).where(eq(oversightSettings.councilId, province));
    });

    it('the public page shows published programmes, without internal reasons', async () => {
      const anon = t.anonymous();
      const res = await anon.get(`/api/public/councils/${ward}/oversight-programs?year=2026`);
      const raw = await res.text();
      expect(res.status).toBe(200);
      const page = JSON.parse(raw) as { items: { bodyName: string; activities: { title: string; subjects: string[] }[] }[]; total: number };
      expect(page.items.map((p) => p.bodyName)).toEqual(['Ban Kinh tế – Ngân sách HĐND phường']);
      expect(page.items[0]!.activities[0]!.subjects).toEqual(['Ủy ban nhân dân phường Sa Huỳnh']);
      expect(raw).not.toContain('Thống nhất với Ban');
      expect(raw).not.toContain('overlapReason');
    });

    it('topic proposals: by the configured date; a recurring petition proposed with one click', async () => {
      const listed = await json<{ items: { id: string; number: number }[] }>(vpSh.get(`/api/councils/${ward}/petitions?pageSize=5`));
      const p = listed.items[0]!;
      const prop = await json<{ sourceKind: string; year: number; petitionId: string; title: string }>(vpSh.post(`/api/councils/${ward}/petitions/${p.id}/oversight-proposal`), 201);
      // proposals for 2027 closed on 01/03/2026: the petition goes to the 2028 collection
      expect(prop).toMatchObject({ sourceKind: 'voters', year: 2028, petitionId: p.id });
      expect((await vpSh.post(`/api/councils/${ward}/petitions/${p.id}/oversight-proposal`)).status).toBe(409);
      // proposals for 2027 were due on 01/03/2026: a committee's proposal now is refused, for 2028 accepted
      const late = await ban.post(`/api/councils/${ward}/oversight-proposals`, { year: 2027, sourceKind: 'committee', sourceName: 'Ban Kinh tế – Ngân sách', title: 'Giám sát thu ngân sách' });
      expect(late.status).toBe(409);
      expect(((await late.json()) as { error: { message: string } }).error.message).toContain('01/03/2026');
      await json(ban.post(`/api/councils/${ward}/oversight-proposals`, { year: 2028, sourceKind: 'committee', sourceName: 'Ban Kinh tế – Ngân sách', title: 'Giám sát thu ngân sách' }), 201);
      const all = await json<{ items: unknown[]; total: number; deadline: string }>(vpSh.get(`/api/councils/${ward}/oversight-proposals?year=2028`));
      expect(all).toMatchObject({ total: 2, deadline: '2027-03-01' });
      // accepted into the committee's 2028 programme, the proposal becomes an activity (one transaction)
      const own = all.items.find((i) => (i as { sourceKind: string }).sourceKind === 'committee') as { id: string };
      const prog = await json<{ id: string }>(ban.post(`/api/councils/${ward}/oversight-programs`, { bodyKind: 'committee', bodyId: t.id('body:sa-huynh:committee:0'), year: 2028 }), 201);
      const accepted = await json<{ activity: { proposalId: string; title: string }; proposal: { state: string; activityId: string } }>(vpSh.post(`/api/councils/${ward}/oversight-proposals/${own.id}/decision`, {
        decision: 'accept', programId: prog.id,
        activity: { kind: 'thematic', title: 'Giám sát thu ngân sách phường', subjectAgencyIds: [t.id('agency:ubnd-sa-huynh')], startDate: '2028-05-08', endDate: '2028-05-12' },
      }));
      expect(accepted.activity.proposalId).toBe(own.id);
      expect(accepted.proposal.state).toBe('accepted');
      expect((await vpSh.post(`/api/councils/${ward}/oversight-proposals/${own.id}/decision`, { decision: 'decline' })).status).toBe(409);
    });

    it("the National Assembly delegation's plan, when entered, is checked like any body's", async () => {
      const na = await json<{ id: string; bodyName: string }>(vpTinh.post(`/api/councils/${province}/oversight-programs`, { bodyKind: 'external', externalName: 'Đoàn đại biểu Quốc hội tỉnh Quảng Ngãi', year: 2029 }), 201);
      expect(na.bodyName).toBe('Đoàn đại biểu Quốc hội tỉnh Quảng Ngãi');
      const yte = await fieldOf(province, 'Y tế');
      await json(vpTinh.post(`/api/councils/${province}/oversight-programs/${na.id}/activities`, {
        kind: 'thematic', title: 'Giám sát việc thực hiện chính sách bảo hiểm y tế', fieldIds: [yte], subjectAgencyIds: [t.id('agency:so-y-te')], startDate: '2029-06-04', endDate: '2029-06-08',
      }), 201);
      const own = await json<{ id: string }>(vpTinh.post(`/api/councils/${province}/oversight-programs`, { bodyKind: 'standing', bodyId: t.id('body:province:standing'), year: 2029 }), 201);
      const r = await json<{ conflicts: Sentence[] }>(vpTinh.post(`/api/councils/${province}/oversight-programs/${own.id}/activities`, {
        kind: 'hearing', title: 'Phiên giải trình về khám chữa bệnh bảo hiểm y tế', fieldIds: [yte], subjectAgencyIds: [t.id('agency:so-y-te')], startDate: '2029-06-07', endDate: '2029-06-07',
      }), 201);
      expect(r.conflicts.map((c) => c.sentence)).toEqual(['Trùng đối tượng Sở Y tế, ngày 07/06, với Đoàn đại biểu Quốc hội tỉnh Quảng Ngãi']);
      // an outside plan is only for the check: it is never founded
      const ext = await json<{ activities: { id: string }[] }>(vpTinh.get(`/api/councils/${province}/oversight-programs/${na.id}`));
      await json(vpTinh.post(`/api/councils/${province}/oversight-programs/${na.id}/adopt`, { overlapReason: 'Kế hoạch của Đoàn ĐBQH nhập để đối chiếu' }));
      expect((await vpTinh.post(`/api/councils/${province}/oversight-activities/${ext.activities[0]!.id}/founding`, { team: [{ fullName: 'A', role: 'leader' }], signerName: 'B' })).status).toBe(409);
    });
  });
}
