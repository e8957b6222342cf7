// A GET changes nothing: every GET route of the registry (as the permission matrix enumerates
// them), called on the demo data with real ids, leaves every table — the audit log included —
// exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { routeRegistry } from '../../src/server/route.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { realIds } from '../support/realIds.ts';
import { dbKinds } from '../support/db.ts';
import { dispatchItems, opinions, petitionRounds, petitions, responseAttachments, responses } from '../../src/modules/petitions/schema.ts';
import { documents } from '../../src/modules/documents/schema.ts';
import { json } from './support.ts';
import { noticeParams } from '../documents/support.ts';

/** Every table's row count and a digest of its rows. */
async function snapshot(t: TestApp): Promise<Record<string, string>> {
  const tables = (await t.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`))
    .rows as { table_name: string }[];
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [r] = (await t.db.execute(sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${table_name}" x`)))
      .rows as { n: number; h: string }[];
    out[table_name] = `${r!.n}:${r!.h}`;
  }
  return out;
}

for (const kind of dbKinds()) {
  describe(`GET routes write nothing [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t?.close());

    it('leaves the database unchanged after every GET route on the demo data', async () => {
      const admin = await t.as('admin');
      // A delegate's own letters, receptions and training are theirs alone: those routes are read as the demo delegate.
      const OWN_PERMISSIONS = new Set(['letters.delegate', 'training.own']);
      const delegate = await t.as('daibieu.sahuynh');
      const sh = t.id('council:sa-huynh');
      // One issued document so that the document routes have something to read.
      const doc = await json(admin.post(`/api/councils/${sh}/documents/templates/conclusion_notice/issue`, { params: noticeParams() }), 201);
      const [round] = await t.db.select().from(petitionRounds).where(eq(petitionRounds.councilId, sh)).limit(1);
      const [petition] = await t.db.select().from(petitions).where(eq(petitions.councilId, sh)).limit(1);
      const [item] = await t.db.select().from(dispatchItems).where(and(eq(dispatchItems.councilId, sh), eq(dispatchItems.agencyId, t.id('agency:ubnd-sa-huynh')))).limit(1);
      // And one attachment on the ward executive's answer, for the attachment routes.
      const [answer] = await t.db.select().from(responses).where(and(eq(responses.councilId, sh), eq(responses.agencyId, t.id('agency:ubnd-sa-huynh')))).limit(1);
      const form = new FormData();
      form.append('file', new Blob([new TextEncoder().encode('%PDF-1.4 công văn trả lời')], { type: 'application/pdf' }), 'Công văn trả lời.pdf');
      await json(admin.upload(`/api/councils/${sh}/responses/${answer!.id}/attachments`, form), 201);
      const [attachment] = await t.db.select({ id: responseAttachments.id }).from(responseAttachments).where(eq(responseAttachments.responseId, answer!.id)).limit(1);
      const [document] = await t.db.select({ id: documents.id, issuerId: documents.issuerId }).from(documents).where(eq(documents.id, doc.id));
      const [opinion] = await t.db.select({ id: opinions.id }).from(opinions).where(eq(opinions.councilId, sh)).limit(1);
      // A session being prepared, and a received session document with its file (council and agency sides).
      const [sess] = (await t.db.execute(sql`select s.id::text as session, f.id::text as file, d.id::text as doc, d.item_id::text as item from council_sessions s join session_documents d on d.session_id = s.id join session_document_files f on f.document_id = d.id where s.council_id = ${sh} and d.agency_id = ${t.id('agency:ubnd-sa-huynh')} and s.state = 'planned' limit 1`)).rows as { session: string; file: string; doc: string; item: string }[];
      const [pub] = (await t.db.execute(sql`select document_id::text as doc, file_id::text as file from session_publications where council_id = ${sh} limit 1`)).rows as { doc: string; file: string }[];
      // A supervision report recorded from its scan, and a recommendation to the ward's UBND with evidence (oversight).
      const [rec] = (await t.db.execute(sql`select r.id::text as rec, f.id::text as file, (select id::text from oversight_reports where council_id = ${sh} and file_content is not null limit 1) as report from oversight_recommendations r join oversight_evidence_files f on f.recommendation_id = r.id where r.council_id = ${sh} and r.agency_id = ${t.id('agency:ubnd-sa-huynh')} limit 1`)).rows as { rec: string; file: string; report: string }[];
      // A supervision activity of the ward with the UBND's upload (oversight programmes).
      const [act] = (await t.db.execute(sql`select a.program_id::text as program, a.id::text as activity, u.id::text as file from oversight_activities a join oversight_uploads u on u.activity_id = a.id where a.council_id = ${sh} and u.agency_id = ${t.id('agency:ubnd-sa-huynh')} limit 1`)).rows as { program: string; activity: string; file: string }[];
      // A calendar feed of the admin's own, for the token route (only its hash is stored).
      const feed = await json<{ url: string }>(admin.post('/api/calendar-feed'), 201);
      const params: Record<string, string> = {
        feedToken: feed.url.split('/').pop()!,
        portalDocumentId: pub!.doc,
        portalFileId: pub!.file,
        councilSessionId: sess!.session,
        sessionDocumentId: sess!.doc,
        sessionFileId: sess!.file,
        agencyDocumentId: sess!.doc,
        agencyFileId: sess!.file,
        sessionItemId: sess!.item,
        agencyItemId: sess!.item,
        councilId: sh,
        unitId: t.id('unit:sa-huynh'),
        bodyId: t.id('body:sa-huynh:group:1'),
        delegateId: t.id('delegate:sa-huynh:0'),
        roundId: round!.id,
        petitionId: petition!.id,
        agencyId: t.id('agency:ubnd-sa-huynh'),
        ballotType: 'commune',
        itemId: item!.id,
        attachmentId: attachment!.id,
        documentId: document!.id,
        issuerId: document!.issuerId,
        opinionId: opinion!.id,
        templateKey: 'petition_round_report',
        year: '2026',
        oversightProgramId: act!.program,
        oversightActivityId: act!.activity,
        oversightFileId: act!.file,
        agencyOversightFileId: act!.file,
        agencyActivityId: act!.activity,
        oversightReportId: rec!.report,
        publicReportId: rec!.report,
        recommendationId: rec!.rec,
        evidenceFileId: rec!.file,
        agencyRecommendationId: rec!.rec,
        agencyEvidenceFileId: rec!.file,
      };
      const query: Record<string, string> = {
        '/councils/{councilId}/petitions/similar': `?text=${encodeURIComponent('Đề nghị nâng cấp tuyến đường bị sạt lở')}`,
      };
      // Every other module's ids, for the ward's council and its UBND (tests/support/realIds.ts).
      const real = await realIds(t, { agencyKey: 'agency:ubnd-sa-huynh' });
      // The letter the demo delegate received (their own list; read as the delegate below).
      const [own] = (await t.db.execute(sql`select id::text as id from letters where council_id = ${sh} and delegate_id is not null order by received_on limit 1`)).rows as { id: string }[];
      real.set('ownLetterId', own!.id);
      // The demo delegate's own reception with a file (recorded here, before the snapshot), training
      // enrolment with a certificate, and course material (demo data).
      const ownReception = (await (await delegate.post(`/api/councils/${sh}/my-receptions`, {
        mode: 'in_person', receiverKind: 'delegate', receivedOn: '2026-11-20', citizenName: 'Trương Văn Hải', citizenAddress: 'Tổ dân phố Thạnh Đức 2',
        idDocument: '051068004512', request: 'Đề nghị nạo vét cống.', peopleCount: 1, withinCompetence: false, kinds: ['feedback'],
        summary: 'Phản ánh cống thoát nước bị tắc.', outcome: 'Ghi nhận, chuyển Ủy ban nhân dân phường.',
      })).json()) as { id: string };
      const scan = new FormData();
      scan.set('file', new File([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')], 'anh.png', { type: 'image/png' }));
      scan.set('kind', 'evidence');
      expect((await delegate.upload(`/api/councils/${sh}/my-receptions/${ownReception.id}/attachments`, scan)).status).toBe(201);
      const me = sql`(select d.id from delegates d join users u on lower(u.email) = lower(d.email) and u.email <> '' where u.username = 'daibieu.sahuynh' and d.council_id = ${sh} and d.status = 'active' order by d.id limit 1)`;
      const ownIds = (await t.db.execute(sql`select
          (select f.id::text from letter_attachments f join reception_records r on r.id = f.reception_id where r.delegate_id = ${me} order by f.created_at limit 1) as file,
          (select f.reception_id::text from letter_attachments f join reception_records r on r.id = f.reception_id where r.delegate_id = ${me} order by f.created_at limit 1) as reception,
          (select e.id::text from training_enrolments e where e.delegate_id = ${me} and e.certificate_document_id is not null order by e.id limit 1) as enrolment,
          (select m.id::text from training_materials m where exists (select 1 from training_enrolments e join training_classes c on c.id = e.class_id where c.course_id = m.course_id and e.delegate_id = ${me}) order by m.created_at limit 1) as material`)).rows[0] as Record<string, string | null>;
      for (const [name, key] of [['ownReceptionId', 'reception'], ['ownReceptionAttachmentId', 'file'], ['ownEnrolmentId', 'enrolment'], ['ownMaterialId', 'material']] as const) {
        expect(ownIds[key], `demo data for ${name}`).toBeTruthy();
        real.set(name, ownIds[key]!);
      }
      // The reporting conference is the province's (it convenes the lower councils).
      const province = t.id('council:province');
      const [conference] = (await t.db.execute(sql`select id::text as id from reporting_conferences where council_id = ${province} order by held_on limit 1`)).rows as { id: string }[];
      const perRoute: Record<string, Record<string, string>> = {
        '/councils/{councilId}/reporting-conferences/{reportingConferenceId}': { councilId: province, reportingConferenceId: conference!.id },
      };
      // Sessions were created by the login above; from here on nothing may change.
      const before = await snapshot(t);
      const statuses: string[] = [];
      // The one deliberate exception: downloading a whole backup (every voter's data) is recorded in
      // the audit log by design (who took a copy, when); it is checked in the backup tests.
      // So is every export of a voter list (who took citizens' personal data; tests/elections).
      const AUDITED_READS = new Set([
        '/admin/backup',
        '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters/list.xlsx',
        '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters/list.docx',
        '/councils/{councilId}/elections/{electionId}/areas/{pollingAreaId}/voters/cards.docx',
      ]);
      const gets = routeRegistry.filter((r) => r.method === 'GET' && !AUDITED_READS.has(r.path));
      expect(gets.length).toBeGreaterThan(50);
      for (const route of gets) {
        const own = perRoute[route.path] ?? {};
        const path = '/api' + route.path.replace(/\{(\w+)\}/g, (_m, name: string) => own[name] ?? params[name] ?? real.get(name) ?? randomUUID()) + (query[route.path] ?? '');
        const res = await (route.scope === 'public' ? t.anonymous() : OWN_PERMISSIONS.has(route.permission ?? '') ? delegate : admin).get(path);
        // A live stream (server-sent events) never ends: its opening is the read.
        if (res.headers.get('content-type')?.startsWith('text/event-stream')) await res.body?.cancel();
        else await res.arrayBuffer();
        statuses.push(`${res.status} ${route.path}`);
        expect(res.status, route.path).toBeLessThan(500);
      }
      // A council that never needed its document issuers: listing them (the compose page) stores none.
      const fresh = [...t.ids.keys()].find((k) => /^council:[a-z-]+$/.test(k) && !['council:sa-huynh', 'council:duc-pho-ward', 'council:province', 'council:town'].includes(k))!;
      for (const p of [`/councils/${t.id(fresh)}/documents/issuers`, `/councils/${t.id(fresh)}/documents/templates/petition_dispatch_letter`]) {
        const res = await admin.get(`/api${p}`);
        await res.arrayBuffer();
        statuses.push(`${res.status} ${p}`);
      }
      // Every GET answers 200 with the demo ids of tests/support/realIds.ts (a 404 would hide a route from the walk).
      expect(statuses.filter((s) => !s.startsWith('200 ')), statuses.join('\n')).toEqual([]);
      const after = await snapshot(t);
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      expect(changed).toEqual([]);
    }, 300_000);
  });
}
