// The secretariat's "letters to issue" line (reminder letters): one per agency with overdue
// petitions that no reminder letter has urged yet. Its count equals the reminders list it opens
// (?letter=due) on the demo data, and after each action that changes it: a letter issued from the
// register, a reminder recorded with a letter number, a petition that falls overdue afterwards. A
// reminder without a number (the in-app/e-mail one) is not a letter and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from './support.ts';
import { dispatchedPetition } from './dispatchSupport.ts';

interface Entry { kind: string; petitionId: string; status: string }
interface AgencyDue { agencyId: string; agencyName: string; entries: Entry[]; lettersDue: number }
interface Line { key: string; label: string; count: number; link: string; preview?: { title: string; detail: string }[] }

for (const kind of dbKinds()) {
  describe(`petitions: reminder letters to issue [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let base: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      base = `/api/councils/${t.id('council:sa-huynh')}`;
    }, 240_000);
    afterAll(() => t?.close());

    /** The to-do line, and the list its link opens (every page of it). */
    const lineAndList = async () => {
      const home = await json(vp.get(`/api/todo?councilId=${t.id('council:sa-huynh')}`));
      const line: Line = home.groups.find((g: { scope: string }) => g.scope === 'council').entries.find((e: Line) => e.key === 'reminders-to-send');
      const [path, query] = line.link.split('?');
      expect(path).toBe(`/councils/${t.id('council:sa-huynh')}/reminders`);
      const list = await json<{ items: AgencyDue[]; total: number }>(vp.get(`/api${path}/due?${query}&pageSize=200`));
      expect(list.items).toHaveLength(list.total);
      return { line, list };
    };
    const overdueAnswers = (a: AgencyDue) => a.entries.filter((e) => e.kind === 'answer' && (e.status === 'overdue' || e.status === 'long_overdue'));

    it('counts the agencies a reminder letter is due to, exactly as the list it opens', async () => {
      const { line, list } = await lineAndList();
      expect(line.label).toBe('Công văn đôn đốc cần phát hành');
      // The demo: the ward's People's Committee has an answer overdue since 11/11 (and one due soon).
      expect(line.count).toBe(1);
      expect(list.total).toBe(line.count);
      expect(list.items.map((a) => a.agencyName)).toEqual(['Ủy ban nhân dân phường Sa Huỳnh']);
      expect(line.preview!.map((p) => p.title)).toEqual(['Ủy ban nhân dân phường Sa Huỳnh']);
      // Before any letter, every overdue answer awaited is one a letter is due for.
      for (const a of list.items) expect(a.lettersDue).toBe(overdueAnswers(a).length);
      // The unfiltered list shows the same agencies with a letter due, beside those only due soon.
      const all = await json<{ items: AgencyDue[] }>(vp.get(`${base}/reminders/due?pageSize=200`));
      expect(all.items.filter((a) => a.lettersDue > 0).map((a) => a.agencyId)).toEqual(list.items.map((a) => a.agencyId));
    });

    it('drops an agency once a letter urges it, and brings it back when a petition falls overdue afterwards', async () => {
      const ubnd = t.id('agency:ubnd-sa-huynh');
      const soXayDung = t.id('agency:so-xay-dung');
      const agenciesDue = (l: { items: AgencyDue[] }) => Object.fromEntries(l.items.map((a) => [a.agencyId, a.lettersDue]));
      const start = await lineAndList();
      expect(agenciesDue(start.list)).toEqual({ [ubnd]: 1 });

      // A petition forwarded by a letter dated in August is overdue today: a letter is due to the Department.
      const late = await dispatchedPetition(t, vp, 'sa-huynh', 'sa-huynh', 'so-xay-dung', 'Đề nghị sửa chữa cống thoát nước tổ dân phố Thạnh Đức.', '2026-08-03');
      expect(late.dueDate < '2026-11-26').toBe(true);
      let now = await lineAndList();
      expect(now.line.count).toBe(2);
      expect(agenciesDue(now.list)).toEqual({ [ubnd]: 1, [soXayDung]: 1 });

      // The one-click reminder (in the app, no number) is not a letter.
      await json(vp.post(`${base}/reminders`, { agencyId: ubnd }), 201);
      expect((await lineAndList()).line.count).toBe(2);

      // A reminder letter issued from the register to the ward's People's Committee.
      await json(vp.post(`${base}/documents/templates/petition_reminder_letter/issue`, { params: { agencyId: ubnd, signerName: 'Nguyễn Văn An' } }), 201);
      now = await lineAndList();
      expect(now.line.count).toBe(1);
      expect(agenciesDue(now.list)).toEqual({ [soXayDung]: 1 });

      // A reminder recorded with the number of a letter made outside the register, to the Department.
      await json(vp.post(`${base}/reminders`, { agencyId: soXayDung, letterNumber: '88/HĐND-VP' }), 201);
      now = await lineAndList();
      expect(now.line.count).toBe(0);
      expect(now.list.total).toBe(0);

      // Petitions that fall overdue after those letters were in neither: letters are due again.
      await dispatchedPetition(t, vp, 'sa-huynh', 'sa-huynh', 'ubnd-sa-huynh', 'Đề nghị lắp đèn chiếu sáng đường tổ dân phố Long Thạnh 2.', '2026-08-04');
      await dispatchedPetition(t, vp, 'sa-huynh', 'sa-huynh', 'so-xay-dung', 'Đề nghị nạo vét mương thoát nước tổ dân phố Thạnh Đức 2.', '2026-08-05');
      now = await lineAndList();
      expect(now.line.count).toBe(2);
      expect(agenciesDue(now.list)).toEqual({ [ubnd]: 1, [soXayDung]: 1 });
    });
  });
}
