// The agency inbox judges each petition's deadline by the thresholds of the council that sent it:
// a department hears from the province and from the wards, each with its own petition settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { addDays, deadlineStatus, DEFAULT_DEADLINE_THRESHOLDS, type WorkingCalendar } from '../../src/domain/calendar/index.ts';
import { loadCalendar } from '../../src/modules/petitions/common.ts';
import { json } from './support.ts';
import { dispatchedPetition } from './dispatchSupport.ts';

interface InboxItem { id: string; petitionId: string; dueDate: string; deadlineStatus: string | null; deadlineLabel: string | null; fromCouncil: string }

for (const kind of dbKinds()) {
  describe(`petitions: agency inbox deadlines per council [${kind}]`, () => {
    let t: TestApp;
    let calendar: WorkingCalendar;
    let ward: { id: string; dueDate: string };
    let prov: { id: string; dueDate: string };
    const agency = () => t.id('agency:so-xay-dung');
    const inbox = async (query = '') => {
      const sx = await t.as('so.xaydung');
      return (await json<{ items: InboxItem[] }>(sx.get(`/api/agencies/${agency()}/dispatch-items?pageSize=100${query}`))).items;
    };

    beforeAll(async () => {
      t = await createTestApp(kind);
      calendar = await loadCalendar(t.db);
      const vpWard = await t.as('vp.sahuynh');
      const vpProv = await t.as('vp.tinh');
      // The ward warns 10 working days ahead and calls 7 days late "long overdue"; the province keeps the defaults.
      await json(vpWard.put(`/api/councils/${t.id('council:sa-huynh')}/petition-settings`, { thresholds: { dueSoonWorkingDays: 10, longOverdueDays: 7 } }));
      ward = await dispatchedPetition(t, vpWard, 'sa-huynh', 'sa-huynh', 'so-xay-dung', 'Đề nghị sửa chữa cầu treo qua sông Trà Câu bị hư hỏng.', '2026-11-26');
      prov = await dispatchedPetition(t, vpProv, 'province', 'sa-huynh', 'so-xay-dung', 'Đề nghị đầu tư tuyến đường ven biển Sa Huỳnh – Mỹ Á.', '2026-11-26');
      expect(prov.dueDate).toBe(ward.dueDate); // same default rule, same letter date
    });
    afterAll(() => t?.close());

    it('a council with a 10-working-day threshold sees an item due in 8 working days as due soon', async () => {
      const day = calendar.addWorkingDays(ward.dueDate, -8);
      t.setNow(`${day}T02:00:00Z`);
      // With the default threshold (5 working days) the same item would be on track.
      expect(DEFAULT_DEADLINE_THRESHOLDS.dueSoonWorkingDays).toBeLessThan(8);
      expect(deadlineStatus(ward.dueDate, day, calendar)).toBe('on_track');

      const item = (await inbox()).find((i) => i.petitionId === ward.id)!;
      expect(item).toMatchObject({ deadlineStatus: 'due_soon', deadlineLabel: 'Sắp đến hạn', fromCouncil: 'Hội đồng nhân dân phường Sa Huỳnh' });
      expect((await inbox('&deadline=due_soon')).map((i) => i.petitionId)).toContain(ward.id);
      const sx = await t.as('so.xaydung');
      const one = await json(sx.get(`/api/agencies/${agency()}/dispatch-items/${item.id}`));
      expect(one.deadlineStatus).toBe('due_soon');
    });

    it('an agency receiving from two councils gets each item\'s state by its own council', async () => {
      const day = calendar.addWorkingDays(ward.dueDate, -8);
      t.setNow(`${day}T02:00:00Z`);
      const items = await inbox();
      expect(items.find((i) => i.petitionId === ward.id)!.deadlineStatus).toBe('due_soon');
      expect(items.find((i) => i.petitionId === prov.id)!.deadlineStatus).toBe('on_track');
      const soon = (await inbox('&deadline=due_soon')).map((i) => i.petitionId);
      expect(soon).toContain(ward.id);
      expect(soon).not.toContain(prov.id);
      // Every item the filter returns is due soon by its own council, and none is left out.
      const all = await inbox('&state=pending');
      expect(new Set(soon)).toEqual(new Set(all.filter((i) => i.deadlineStatus === 'due_soon').map((i) => i.petitionId)));

      // Within the province's 5 working days both are due soon.
      t.setNow(`${calendar.addWorkingDays(ward.dueDate, -3)}T02:00:00Z`);
      const later = (await inbox('&deadline=due_soon')).map((i) => i.petitionId);
      expect(later).toEqual(expect.arrayContaining([ward.id, prov.id]));

      // Ten days late: long overdue for the ward (7 days), merely overdue for the province (30 days).
      t.setNow(`${addDays(ward.dueDate, 10)}T02:00:00Z`);
      const late = await inbox('&deadline=overdue');
      expect(late.find((i) => i.petitionId === ward.id)).toMatchObject({ deadlineStatus: 'long_overdue', deadlineLabel: 'Quá hạn kéo dài' });
      expect(late.find((i) => i.petitionId === prov.id)).toMatchObject({ deadlineStatus: 'overdue', deadlineLabel: 'Quá hạn' });
    });
  });
}
