// Validation messages are Vietnamese through and through: bad input of every shape zod checks
// (types, enums, unions, uuids, dates, lengths, sizes, literals, custom refinements) sent to a
// sample of routes comes back with messages that hold none of zod's English words — neither its
// English locale's nor the type names its Vietnamese locale leaves in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { vietnameseIssue } from '../../src/server/zodVi.ts';

/** Words zod writes in English (its English locale, and type/format names in its other locales). */
const ZOD_ENGLISH =
  /\b(invalid|input|expected|received|required|string|number|int|bigint|boolean|object|array|undefined|null|nan|uuid|guid|email|url|iso|datetime|regex|option|options|key|keys|unrecognized|characters?|items?|too|big|small|must|should|match|pattern|true|false)\b|mong đợi|nhận được/i;

for (const kind of dbKinds()) {
  describe(`zod messages in Vietnamese [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let sx: TestClient;
    let council: string;
    let agency: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      sx = await t.as('so.xaydung');
      council = t.id('council:sa-huynh');
      agency = t.id('agency:so-xay-dung');
    });
    afterAll(() => t?.close());

    const messagesOf = async (res: Response) => {
      expect([400, 422]).toContain(res.status);
      const body = (await res.json()) as { error: { message: string; details?: { message: string }[] } };
      // The field's path "(items.0)" names the API's own field, not zod's words: leave it out.
      return [body.error.message.replace(/^Dữ liệu không hợp lệ \([^)]*\)/, 'Dữ liệu không hợp lệ'), ...(body.error.details ?? []).map((d) => d.message)];
    };

    it('answers bad input on a sample of routes without zod English', async () => {
      const cases: [string, () => Promise<Response>][] = [
        ['array expected', () => vp.post(`/api/councils/${council}/opinions/bulk`, { roundId: 'not-a-uuid', channel: 'pigeon', items: 'many' })],
        ['enum and page', () => vp.get(`/api/councils/${council}/petitions?deadline=someday&page=abc&pageSize=1000`)],
        ['uuid list', () => vp.post(`/api/councils/${council}/dispatches`, { roundId: 42, petitionIds: ['x'], letterDate: '2026-02-31' })],
        ['answer result', () => sx.post(`/api/agencies/${agency}/dispatch-items/${t.id('council:sa-huynh')}/response`, { result: 'great', text: 7 })],
        ['object expected', () => vp.put('/api/notification-preferences', { items: [5, { kind: 'petition.answered', channel: 'pigeon' }] })],
        ['empty list', () => vp.put('/api/notification-preferences', { items: [] })],
        ['unread flag', () => vp.get('/api/notifications?unread=maybe')],
        ['todo council', () => vp.get('/api/todo?councilId=abc')],
        ['reminder body', () => vp.post(`/api/councils/${council}/reminders`, { agencyId: 'abc', petitionIds: 'all', note: { a: 1 } })],
        ['round', () => vp.post(`/api/councils/${council}/petition-rounds`, { name: '', kind: 'weekly', startDate: 'tomorrow' })],
        ['calendar', () => vp.get('/api/calendar/years/1800')],
      ];
      for (const [name, call] of cases) {
        const messages = await messagesOf(await call());
        expect(messages.length, name).toBeGreaterThan(0);
        for (const m of messages) expect({ name, m, english: ZOD_ENGLISH.test(m) }).toEqual({ name, m, english: false });
      }
    });

    it('has a Vietnamese message for every issue code zod raises', () => {
      const issues = [
        { code: 'invalid_type', expected: 'object', input: 5 },
        { code: 'invalid_type', expected: 'string', input: undefined },
        { code: 'too_small', origin: 'array', minimum: 1, inclusive: true },
        { code: 'too_small', origin: 'number', minimum: 0, inclusive: false },
        { code: 'too_big', origin: 'string', maximum: 10, inclusive: true },
        { code: 'invalid_format', format: 'uuid' },
        { code: 'invalid_format', format: 'regex', pattern: '/a/' },
        { code: 'not_multiple_of', divisor: 5 },
        { code: 'unrecognized_keys', keys: ['extra'] },
        { code: 'invalid_key' },
        { code: 'invalid_element' },
        { code: 'invalid_union' },
        { code: 'invalid_value', values: [true] },
        { code: 'custom' },
      ];
      for (const i of issues) {
        const m = vietnameseIssue(i);
        expect(m, i.code).toMatch(/\.$/);
        expect(ZOD_ENGLISH.test(m!), `${i.code}: ${m}`).toBe(false);
      }
    });
  });
}
