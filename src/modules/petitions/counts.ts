// One definition per count, used by every screen, export and document (the round page, the
// petitions list, the dashboards, the round report). Two screens that show "ý kiến" or "kiến
// nghị" of a round count them through these fragments, so they cannot disagree.
//
// - An opinion counts when it is a voter petition: kind 'petition' (complaints and denunciations
//   left the petition track, NQLT 72/2025 Điều 37 k4, and are counted apart).
// - The petitions of a round are those that were part of it: raised in it, or carried over into
//   it (petition_round_entries). "Raised in the round" (origin_round_id) is the part the round
//   report aggregates from the round's own opinions; "carried over" is the rest.
import { sql, type SQL } from 'drizzle-orm';

/** Condition on an opinion row aliased `o`: it counts as a voter opinion. */
export const countedOpinion = sql`o.kind = 'petition'`;

/** The round's voter opinions (any channel, merged or not). */
export const roundOpinionCount = (roundId: SQL | string) =>
  sql`(select count(*) from petition_opinions o where o.round_id = ${roundId} and ${countedOpinion})::int`;

/** A meeting's voter opinions. */
export const meetingOpinionCount = (meetingId: SQL | string) =>
  sql`(select count(*) from petition_opinions o where o.meeting_id = ${meetingId} and ${countedOpinion})::int`;

/** A council's voter opinions (all rounds). */
export const councilOpinionCount = (councilId: SQL | string) =>
  sql`(select count(*) from petition_opinions o where o.council_id = ${councilId} and ${countedOpinion})::int`;

/** The voter opinions of several rounds (a year). */
export const roundsOpinionCount = (roundIds: readonly string[]) =>
  roundIds.length ? sql`(select count(*) from petition_opinions o where o.round_id in ${roundIds} and ${countedOpinion})::int` : sql`0`;

/** Condition on the `petitions` table: the petition was part of the round. */
export const petitionInRound = (roundId: SQL | string) =>
  sql`exists (select 1 from petition_round_entries e where e.petition_id = "petitions"."id" and e.round_id = ${roundId})`;

/** Condition on the `petitions` table: part of one of these rounds. */
export const petitionInRounds = (roundIds: readonly string[]) =>
  roundIds.length ? sql`exists (select 1 from petition_round_entries e where e.petition_id = "petitions"."id" and e.round_id in ${roundIds})` : sql`false`;

/** The petitions raised in the round (not carried over into it). */
export const roundRaisedPetitionCount = (roundId: SQL | string) => sql`(select count(*) from petitions p where p.origin_round_id = ${roundId})::int`;
