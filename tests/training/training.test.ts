// Delegate training through the API on each database: the demo's cascade (a province trainers'
// class, the ward's local class taught by its trainees), a class created, its required audience
// enrolled in bulk, attendance marked and completion computed against the share; the not-completed
// report (paged, by council and body, .xlsx), coverage seen from the council above, the delegate's
// own record and certificate (ND30 .docx), materials checked by content, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';

type Row = { delegateId: string; fullName: string; courseId: string; courseTitle: string; standing: string; present: number; sessionCount: number; reason: string; bodies: { id: string }[] };
type Report = { items: Row[]; total: number; page: number; pageSize: number; council: { id: string } };
type ClassDetail = { id: string; state: string; sessions: { id: string; heldOn: string }[]; enrolments: { id: string; delegateId: string; completion: string; present: number; needed: number }[]; parent: { id: string } | null; children: { id: string }[] };

const docxText = (bytes: Uint8Array) => new TextDecoder().decode(unzipSync(bytes)['word/document.xml']!).replace(/<[^>]+>/g, '');

for (const kind of dbKinds()) {
  describe(`training [${kind}]`, () => {
    let t: TestApp;
    let sh: string;
    let vp: TestClient;
    const d = (i: number) => t.id(`delegate:sa-huynh:${i}`);
    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      sh = t.id('council:sa-huynh');
      vp = await t.as('vp.sahuynh');
    }, 180_000);
    afterAll(() => t?.close());

    const report = (c: TestClient, query = '') => json<Report>(c.get(`/api/councils/${sh}/training-report?pageSize=200${query}`));

    it('the demo cascade: the ward relays the province trainers\' class; completion follows the 80 % default (unverified)', async () => {
      const courses = await json<{ items: { id: string; title: string; classCount: number; audience: { label: string }[] }[]; total: number }>(vp.get(`/api/councils/${sh}/training-courses`));
      expect(courses.total).toBe(2);
      const main = courses.items.find((c) => c.title === 'Kỹ năng hoạt động của đại biểu HĐND phường')!;
      expect(main.audience.map((a) => a.label)).toEqual(['Đại biểu lần đầu trúng cử']);
      const detail = await json<{ share: { value: number; verified: boolean }; classes: { id: string; parent: { id: string } | null; completed: number; enrolled: number }[]; figures: { audience: number; completed: number } }>(vp.get(`/api/councils/${sh}/training-courses/${main.id}`));
      expect(detail.share).toMatchObject({ value: 0.8, verified: false });
      expect(detail.figures).toEqual({ audience: 6, completed: 4, enrolled: 6 });
      const local = await json<ClassDetail>(vp.get(`/api/councils/${sh}/training-classes/${detail.classes[0]!.id}`));
      expect(local.parent).not.toBeNull();
      // Delegate 5 attended 1 of 3 sessions (3 needed); delegate 4 excused.
      const byD = new Map(local.enrolments.map((e) => [e.delegateId, e]));
      expect(byD.get(d(5))).toMatchObject({ completion: 'not_completed', present: 1, needed: 3 });
      expect(byD.get(d(4))!.completion).toBe('excused');
      expect(byD.get(d(3))!.completion).toBe('completed');
      // The province sees its trainers' class relayed by the ward.
      const tinh = await t.as('vp.tinh');
      const parent = await json<ClassDetail & { children: { id: string; councilName: string }[] }>(tinh.get(`/api/councils/${t.id('council:province')}/training-classes/${local.parent!.id}`));
      expect(parent.children.map((c) => c.id)).toEqual([local.id]);
      expect(parent.enrolments.map((e) => e.delegateId).sort()).toEqual([d(0), d(1)].sort());
    });

    it('the secretariat creates a class, enrols the required audience in bulk, marks attendance: the report shows who fell short', async () => {
      const course = (await json<{ items: { id: string; title: string }[] }>(vp.get(`/api/councils/${sh}/training-courses`))).items.find((c) => c.title === 'Kỹ năng điều hành Tổ đại biểu')!;
      const before = await report(vp, `&courseId=${course.id}`);
      expect(before.items.every((r) => r.standing === 'not_enrolled')).toBe(true);
      const leaders = before.items.map((r) => r.delegateId).sort();
      // The chairs of the ward's two delegate groups.
      expect(leaders).toEqual([d(0), d(1)].sort());
      const sessions = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'].map((heldOn, i) => ({ heldOn, topic: `Chuyên đề ${i + 1}` }));
      const cl = await json<{ id: string }>(vp.post(`/api/councils/${sh}/training-courses/${course.id}/classes`, { kind: 'regular', title: 'Lớp Tổ trưởng, Tổ phó', startsOn: '2026-11-20', endsOn: '2026-11-30', sessions }), 201);
      const enrolled = await json<{ audience: number; added: number }>(vp.post(`/api/councils/${sh}/training-classes/${cl.id}/enrol-audience`, {}));
      expect(enrolled).toMatchObject({ audience: leaders.length, added: leaders.length });
      // Enrolling again adds no one.
      expect((await json<{ added: number; alreadyEnrolled: number }>(vp.post(`/api/councils/${sh}/training-classes/${cl.id}/enrol-audience`, {}))).alreadyEnrolled).toBe(leaders.length);
      const detail = await json<ClassDetail>(vp.get(`/api/councils/${sh}/training-classes/${cl.id}`));
      const [first, second] = leaders as [string, string];
      // first attends 4 of 5 (= 80 %), second 3 of 5.
      for (const [k, s] of detail.sessions.entries()) {
        await json(vp.post(`/api/councils/${sh}/training-sessions/${s.id}/attendance`, { marks: [
          { delegateId: first, status: k === 4 ? 'absent_excused' : 'present' },
          { delegateId: second, status: k < 3 ? 'present' : 'absent', channel: 'online' },
        ] }));
      }
      const after = await json<ClassDetail>(vp.get(`/api/councils/${sh}/training-classes/${cl.id}`));
      expect(after.state).toBe('running');
      expect(after.enrolments.find((e) => e.delegateId === first)).toMatchObject({ completion: 'completed', present: 4, needed: 4 });
      const rows = (await report(vp, `&courseId=${course.id}`)).items;
      expect(rows.map((r) => r.delegateId)).not.toContain(first);
      expect(rows.find((r) => r.delegateId === second)).toMatchObject({ standing: 'not_completed', present: 3, sessionCount: 5 });
      // The certificate: refused short of the share, issued once at it (ND30 GCN in the register).
      {
        const short = await vp.post(`/api/councils/${sh}/training-enrolments/${after.enrolments.find((e) => e.delegateId === second)!.id}/certificate`, { signerName: 'Huỳnh Văn Đạt' });
        expect(short.status).toBe(422);
        expect((await short.json()).error.message).toContain('mới tham dự 3/5 buổi, cần ít nhất 4 buổi');
      }
      const enr = after.enrolments.find((e) => e.delegateId === first)!.id;
      const cert = await json<{ symbol: string; downloadPath: string }>(vp.post(`/api/councils/${sh}/training-enrolments/${enr}/certificate`, { signerName: 'Huỳnh Văn Đạt', signerTitle: 'Phó Chủ tịch' }), 201);
      expect(cert.symbol).toMatch(/^\d+\/GCN-HĐND$/);
      expect((await vp.post(`/api/councils/${sh}/training-enrolments/${enr}/certificate`, { signerName: 'Huỳnh Văn Đạt' })).status).toBe(409);
      const file = await vp.get(`${cert.downloadPath.startsWith('/api') ? '' : '/api'}${cert.downloadPath}`);
      expect(file.status).toBe(200);
      expect(docxText(new Uint8Array(await file.arrayBuffer()))).toContain('Số buổi tham dự: 04/05 buổi (yêu cầu tối thiểu 04 buổi, 80% số buổi của lớp)');
    });

    it('attendance only for enrolled delegates and held sessions; a local class needs trainers from its trainers\' class', async () => {
      const course = (await json<{ items: { id: string; title: string }[] }>(vp.get(`/api/councils/${sh}/training-courses`))).items.find((c) => c.title === 'Kỹ năng hoạt động của đại biểu HĐND phường')!;
      const cl = await json<{ id: string }>(vp.post(`/api/councils/${sh}/training-courses/${course.id}/classes`, { kind: 'regular', title: 'Lớp bổ sung', startsOn: '2026-11-25', endsOn: '2026-12-10', sessions: [{ heldOn: '2026-11-25', topic: 'Buổi 1' }, { heldOn: '2026-12-05', topic: 'Buổi 2' }] }), 201);
      const detail = await json<ClassDetail>(vp.get(`/api/councils/${sh}/training-classes/${cl.id}`));
      const notIn = await vp.post(`/api/councils/${sh}/training-sessions/${detail.sessions[0]!.id}/attendance`, { marks: [{ delegateId: d(2), status: 'present' }] });
      expect(notIn.status).toBe(422);
      expect((await notIn.json()).error.message).toContain('chưa ghi danh');
      await json(vp.post(`/api/councils/${sh}/training-classes/${cl.id}/enrolments`, { delegateId: d(2) }), 201);
      expect((await vp.post(`/api/councils/${sh}/training-classes/${cl.id}/enrolments`, { delegateId: d(2) })).status).toBe(409);
      const future = await vp.post(`/api/councils/${sh}/training-sessions/${detail.sessions[1]!.id}/attendance`, { marks: [{ delegateId: d(2), status: 'present' }] });
      expect(future.status).toBe(422);
      expect((await future.json()).error.message).toContain('chưa diễn ra');
      // Cascade rules.
      const localId = (await json<{ classes: { id: string; kind: string }[] }>(vp.get(`/api/councils/${sh}/training-courses/${course.id}`))).classes.find((c) => c.kind === 'local')!.id;
      const local = await json<ClassDetail>(vp.get(`/api/councils/${sh}/training-classes/${localId}`));
      const noParent = await vp.post(`/api/councils/${sh}/training-courses/${course.id}/classes`, { kind: 'local', title: 'Lớp nhân rộng 2', startsOn: '2026-12-01', endsOn: '2026-12-02' });
      expect(noParent.status).toBe(422);
      const offered = await json<{ items: { id: string; councilName: string; trainees: { delegateId: string }[] }[] }>(vp.get(`/api/councils/${sh}/training-trainer-classes`));
      expect(offered.items.map((c) => c.id)).toContain(local.parent!.id);
      expect(offered.items.find((c) => c.id === local.parent!.id)!.trainees.map((x) => x.delegateId).sort()).toEqual([d(0), d(1)].sort());
      const parentId = local.parent!.id;
      {
        const wrongTrainer = await vp.post(`/api/councils/${sh}/training-courses/${course.id}/classes`, { kind: 'local', parentClassId: parentId, title: 'Lớp nhân rộng 2', startsOn: '2026-12-01', endsOn: '2026-12-02', trainers: [{ name: 'Người chưa học', delegateId: d(5) }] });
        expect(wrongTrainer.status).toBe(422);
        expect((await wrongTrainer.json()).error.message).toContain('Không phải học viên của lớp bồi dưỡng báo cáo viên');
        await json(vp.post(`/api/councils/${sh}/training-courses/${course.id}/classes`, { kind: 'local', parentClassId: parentId, title: 'Lớp nhân rộng 2', startsOn: '2026-12-01', endsOn: '2026-12-02', trainers: [{ name: 'BCV', delegateId: d(1) }] }), 201);
      }
      // Bad input: a Vietnamese 400, nothing written.
      const bad = await vp.post(`/api/councils/${sh}/training-courses`, { termId: t.id('term:sa-huynh'), title: '', audience: [{ kind: 'everyone' }] });
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toMatch(/không được để trống|không hợp lệ/);
      const noAudience = await vp.post(`/api/councils/${sh}/training-courses`, { termId: t.id('term:sa-huynh'), title: 'Khóa không đối tượng', audience: [] });
      expect(noAudience.status).toBe(422);
    });

    it('the report pages, filters by body and exports .xlsx; the council above sees the ward, not the other way round', async () => {
      const all = await report(vp);
      expect(all.total).toBe(all.items.length);
      const p2 = await json<Report>(vp.get(`/api/councils/${sh}/training-report?page=2&pageSize=1`));
      expect(p2.items[0]).toEqual(all.items[1]);
      const group = t.id('body:sa-huynh:group:1');
      const inGroup = await report(vp, `&bodyId=${group}`);
      expect(inGroup.items.length).toBeGreaterThan(0);
      expect(inGroup.items.every((r) => r.bodies.some((b) => b.id === group))).toBe(true);
      expect(all.items.find((r) => r.delegateId === d(4))).toMatchObject({ standing: 'excused', reason: expect.stringContaining('công tác') });
      const x = await vp.get(`/api/councils/${sh}/training-report.xlsx`);
      expect(x.headers.get('content-type')).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as never);
      const ws = wb.worksheets[0]!;
      const names: string[] = [];
      ws.eachRow((row) => names.push(String(row.getCell(2).value ?? '')));
      for (const r of all.items) expect(names).toContain(r.fullName);
      // Upper council: the province reads the ward's report and coverage.
      const tinh = await t.as('vp.tinh');
      const province = t.id('council:province');
      const seen = await json<Report>(tinh.get(`/api/councils/${province}/training-report?council=${sh}&pageSize=200`));
      expect(seen.total).toBe(all.total);
      const cov = await json<{ items: { councilId: string; delegates: number; covered: number; coverage: number | null }[] }>(tinh.get(`/api/councils/${province}/training-coverage`));
      const ward = cov.items.find((c) => c.councilId === sh)!;
      expect(ward.delegates).toBe(6);
      expect(ward.covered).toBeGreaterThanOrEqual(4);
      // The ward cannot look up; another ward's staff cannot look in.
      expect((await vp.get(`/api/councils/${sh}/training-report?council=${province}`)).status).toBe(422);
      expect((await (await t.as('vp.ducpho')).get(`/api/councils/${sh}/training-report`)).status).toBe(403);
    });

    it('materials are checked by content; the delegate sees only their own record, certificate and course materials (phone page data)', async () => {
      const course = (await json<{ items: { id: string; title: string }[] }>(vp.get(`/api/councils/${sh}/training-courses`))).items.find((c) => c.title === 'Kỹ năng hoạt động của đại biểu HĐND phường')!;
      const exe = new FormData();
      exe.set('file', new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3])], 'bai-giang.pdf', { type: 'application/pdf' }));
      const refused = await vp.upload(`/api/councils/${sh}/training-courses/${course.id}/materials`, exe);
      expect(refused.status).toBe(422);
      expect((await refused.json()).error.message).toContain('chương trình chạy');
      const pdf = new TextEncoder().encode('%PDF-1.4\n% tai lieu\n');
      const form = new FormData();
      form.set('file', new File([pdf], 'bai-giang.pdf'));
      form.set('title', 'Bài giảng chuyên đề 1');
      const m = await json<{ id: string; title: string }>(vp.upload(`/api/councils/${sh}/training-courses/${course.id}/materials`, form), 201);
      const back = new Uint8Array(await (await vp.get(`/api/councils/${sh}/training-courses/${course.id}/materials/${m.id}`)).arrayBuffer());
      expect(back).toEqual(pdf);

      const me = await t.as('daibieu.sahuynh');
      expect((await me.get(`/api/councils/${sh}/training-report`)).status).toBe(403);
      expect((await me.get(`/api/councils/${sh}/training-courses`)).status).toBe(403);
      const rec = await json<{ delegate: { id: string }; required: { courseTitle: string; standing: string }[]; classes: { enrolmentId: string; hasCertificate: boolean; completion: string; sessions: { statusLabel: string }[]; materials: { id: string }[] }[] }>(me.get(`/api/councils/${sh}/my-training`));
      expect(rec.delegate.id).toBe(d(3));
      const done = rec.classes.find((c) => c.hasCertificate)!;
      expect(done.completion).toBe('completed');
      expect(done.sessions.map((s) => s.statusLabel)).toEqual(['Có mặt', 'Có mặt', 'Có mặt']);
      expect(done.materials.map((x) => x.id)).toContain(m.id);
      expect(rec.required.find((r) => r.courseTitle === 'Kỹ năng hoạt động của đại biểu HĐND phường')!.standing).toBe('completed');
      const cert = await me.get(`/api/councils/${sh}/my-training/certificates/${done.enrolmentId}`);
      expect(cert.status).toBe(200);
      const text = docxText(new Uint8Array(await cert.arrayBuffer()));
      expect(text).toContain('GIẤY CHỨNG NHẬN');
      expect(text).toContain('Số buổi tham dự: 03/03 buổi');
      expect((await me.get(`/api/councils/${sh}/my-training/materials/${m.id}`)).status).toBe(200);
      // Another delegate's enrolment is not theirs.
      const firstClass = (await json<{ classes: { id: string }[] }>(vp.get(`/api/councils/${sh}/training-courses/${course.id}`))).classes[0]!.id;
      const other = (await json<ClassDetail>(vp.get(`/api/councils/${sh}/training-classes/${firstClass}`))).enrolments.find((e) => e.delegateId === d(2))!;
      expect((await me.get(`/api/councils/${sh}/my-training/certificates/${other.id}`)).status).toBe(404);
    });
  });
}
