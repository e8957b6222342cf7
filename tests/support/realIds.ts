// One existing record per path parameter name of the route registry, in council A (Sa Huỳnh) of
// the demo data, for the tests that walk every route with real records (fuzz, API shape).
import { sql } from 'drizzle-orm';
import type { TestApp } from './app.ts';

const REAL_ID_SQL: Record<string, string> = {
  petitionId: 'select id::text from petitions where council_id = $c order by created_at limit 1',
  roundId: 'select id::text from petition_rounds where council_id = $c order by created_at limit 1',
  meetingId: 'select m.id::text from contact_meetings m join petition_rounds r on r.id = m.round_id where r.council_id = $c limit 1',
  opinionId: 'select id::text from petition_opinions where council_id = $c order by created_at limit 1',
  delegateId: 'select id::text from delegates where council_id = $c limit 1',
  bodyId: 'select id::text from bodies where council_id = $c limit 1',
  membershipId: 'select m.id::text from memberships m join bodies b on b.id = m.body_id where b.council_id = $c limit 1',
  unitId: 'select id::text from admin_units order by code limit 1',
  userId: "select id::text from users where username = 'vp.sahuynh'",
  grantId: "select g.id::text from role_grants g join users u on u.id = g.user_id where u.username = 'vp.sahuynh' limit 1",
  fieldId: 'select id::text from petition_fields where council_id = $c limit 1',
  documentId: 'select id::text from documents where council_id = $c limit 1',
  issuerId: 'select id::text from document_issuers where council_id = $c limit 1',
  itemId: 'select i.id::text from petition_dispatch_items i join petition_dispatches d on d.id = i.dispatch_id where d.agency_id = $a limit 1',
  id: 'select id::text from text_abbreviations limit 1',
  councilSessionId: "select id::text from council_sessions where council_id = $c and state = 'planned' limit 1",
  sessionPlanId: 'select id::text from session_plans where council_id = $c limit 1',
  sessionItemId: 'select i.id::text from session_items i join council_sessions s on s.id = i.session_id where i.council_id = $c and s.state <> \'closed\' limit 1',
  sessionDocumentId: 'select d.id::text from session_documents d where d.council_id = $c and exists (select 1 from session_document_files f where f.document_id = d.id) order by d.id limit 1',
  sessionFileId: 'select f.id::text from session_document_files f join session_documents d on d.id = f.document_id where d.council_id = $c order by d.id, f.version limit 1',
  agencyDocumentId: 'select d.id::text from session_documents d where d.agency_id = $a and exists (select 1 from session_document_files f where f.document_id = d.id) order by d.id limit 1',
  agencyFileId: 'select f.id::text from session_document_files f join session_documents d on d.id = f.document_id where d.agency_id = $a order by d.id, f.version limit 1',
  agencyItemId: 'select i.id::text from session_items i where i.presenter_agency_id = $a order by i.id limit 1',
  portalDocumentId: 'select p.document_id::text from session_publications p where p.council_id = $c order by p.document_id, p.version limit 1',
  portalFileId: 'select p.file_id::text from session_publications p where p.council_id = $c order by p.document_id, p.version limit 1',
  chamberSpeakerId: "select s.id::text from session_speakers s where s.council_id = $c and s.state = 'registered' order by s.registered_at limit 1",
  chamberVoteId: 'select id::text from chamber_votes where council_id = $c order by created_at, id limit 1',
  questionTopicId: 'select id::text from question_topics where council_id = $c order by position limit 1',
  questionSlipId: 'select id::text from question_slips where council_id = $c order by filed_at, id limit 1',
  commitmentId: 'select id::text from commitments where council_id = $c order by due_on, id limit 1',
  commitmentReportId: 'select r.id::text from commitment_reports r join commitments c on c.id = r.commitment_id where c.council_id = $c and r.content is not null order by r.created_at limit 1',
  agencyCommitmentId: 'select id::text from commitments where agency_id = $a order by due_on, id limit 1',
  agencyReportId: 'select r.id::text from commitment_reports r join commitments c on c.id = r.commitment_id where c.agency_id = $a and r.content is not null order by r.created_at limit 1',
  agendaVersionId: 'select v.id::text from session_agenda_versions v where v.council_id = $c limit 1',
  oversightReportId: "select id::text from oversight_reports where council_id = $c and state = 'issued' order by file_content is null, created_at limit 1",
  recommendationId: "select r.id::text from oversight_recommendations r where r.council_id = $c and r.state <> 'draft' order by not exists (select 1 from oversight_evidence_files f where f.recommendation_id = r.id), r.created_at, r.position limit 1",
  evidenceFileId: 'select f.id::text from oversight_evidence_files f join oversight_recommendations r on r.id = f.recommendation_id where r.council_id = $c order by r.created_at, r.position, f.created_at limit 1',
  agencyRecommendationId: "select r.id::text from oversight_recommendations r where r.agency_id = $a and r.state <> 'draft' order by not exists (select 1 from oversight_evidence_files f where f.recommendation_id = r.id), r.created_at, r.position limit 1",
  agencyEvidenceFileId: 'select f.id::text from oversight_evidence_files f join oversight_recommendations r on r.id = f.recommendation_id where r.agency_id = $a order by r.created_at, r.position, f.created_at limit 1',
  publicReportId: "select id::text from oversight_reports where council_id = $c and state = 'issued' and is_public order by created_at limit 1",
  resolutionId: 'select id::text from resolutions where council_id = $c order by passed_on, number limit 1',
  resolutionTaskId: 'select id::text from resolution_tasks where council_id = $c order by due limit 1',
  resolutionLinkId: 'select id::text from resolution_links where council_id = $c limit 1',
  agencyTaskId: 'select id::text from resolution_tasks where agency_id = $a order by due limit 1',
  electionId: 'select id::text from elections order by election_day limit 1',
  letterId: 'select id::text from letters where council_id = $c and agency_id = $a order by received_on, number limit 1',
  electoralUnitId: "select id::text from electoral_units where council_id = $c order by number limit 1",
  electionBodyId: "select id::text from election_bodies where council_id = $c and kind = 'pollingTeam' order by name limit 1",
  pollingAreaId: 'select id::text from polling_areas where council_id = $c and election_id = (select id from elections order by election_day limit 1) order by number limit 1',
  tallySheetId: 'select s.id::text from election_tally_sheets s join polling_areas a on a.id = s.polling_area_id where a.council_id = $c order by a.number, s.ballot_type limit 1',
  voterId: 'select v.voter_id::text as id from voter_entries v where v.polling_area_id = (select a.id from polling_areas a where a.council_id = $c and a.election_id = (select id from elections order by election_day limit 1) order by a.number limit 1) order by v.row_order limit 1',
  complaintId: 'select id::text from voter_list_complaints where council_id = $c limit 1',
  incomingDocumentId: 'select d.id::text from incoming_documents d where d.council_id = $c and exists (select 1 from incoming_document_files f where f.document_id = d.id) order by d.year, d.number limit 1',
  incomingFileId: 'select f.id::text from incoming_document_files f join incoming_documents d on d.id = f.document_id where d.council_id = $c order by d.year, d.number, f.version limit 1',
  invitationId: "select id::text from executive_invitations where council_id = $c order by starts_at limit 1",
  periodicReportId: 'select id::text from periodic_reports where council_id = $c and received_on is null order by due limit 1',
  reportKindId: 'select id::text from periodic_report_kinds where council_id = $c order by valid_from, key limit 1',
  reportingConferenceId: 'select id::text from reporting_conferences where council_id = $c order by held_on limit 1',
  letterAttachmentId: 'select f.id::text from letter_attachments f join letters l on l.id = f.letter_id where l.council_id = $c and l.agency_id = $a order by f.created_at limit 1',
  receptionId: 'select id::text from reception_records where council_id = $c order by year, number limit 1',
  receptionAttachmentId: 'select f.id::text from letter_attachments f join reception_records r on r.id = f.reception_id where r.council_id = $c order by f.created_at limit 1',
  onlineRequestId: 'select id::text from online_reception_requests where council_id = $c order by created_at limit 1',
  receptionDayId: 'select id::text from reception_days where council_id = $c order by "on" limit 1',
  questionAnswerId: 'select id::text from question_answers where council_id = $c order by answered_on, id limit 1',
  trainingCourseId: 'select c.id::text from training_courses c where c.council_id = $c order by not exists (select 1 from training_materials m where m.course_id = c.id), c.created_at, c.id limit 1',
  trainingMaterialId: 'select m.id::text from training_materials m join training_courses c on c.id = m.course_id where c.council_id = $c order by m.created_at limit 1',
  trainingClassId: 'select id::text from training_classes where council_id = $c order by starts_on, id limit 1',
  trainingSessionId: 'select s.id::text from training_sessions s join training_classes c on c.id = s.class_id where c.council_id = $c order by c.starts_on, s.position limit 1',
  trainingEnrolmentId: 'select e.id::text from training_enrolments e join training_classes c on c.id = e.class_id where c.council_id = $c order by c.starts_on, e.id limit 1',
};

/** Parameters that always take the value below (scope ids, a template key, a year). */
export const FIXED_PARAMS = new Set(['councilId', 'agencyId', 'templateKey', 'year']);

export async function realIds(t: TestApp, opts: { agencyKey?: string } = {}): Promise<Map<string, string>> {
  const council = t.id('council:sa-huynh');
  const agency = t.id(opts.agencyKey ?? 'agency:so-xay-dung');
  const ids = new Map<string, string>([
    ['councilId', council],
    ['agencyId', agency],
    ['templateKey', 'petition_round_report'],
    ['year', '2026'],
  ]);
  for (const [name, q] of Object.entries(REAL_ID_SQL)) {
    const rows = (await t.db.execute(sql.raw(q.replace('$c', `'${council}'`).replace('$a', `'${agency}'`)))).rows as { id: string }[];
    if (rows[0]) ids.set(name, rows[0].id);
  }
  return ids;
}
