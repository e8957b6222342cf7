// One petition with everything a secretariat needs: its sources (opinions, meetings, communes,
// voters), dispatches with due dates and deadline state, answers with attachments, reviews, the
// rounds it has been through, and its links to the upper/lower level. Voter names only for those
// allowed to see them.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { deadlineStatus, DEADLINE_STATUS_LABELS, type WorkingCalendar } from '../../../domain/calendar/index.ts';
import { outstandingSessions, summarizeSources } from '../../../domain/petitions/counting.ts';
import { OPINION_CHANNEL_LABELS, RESPONSE_RESULT_LABELS, REVIEW_VERDICT_LABELS, type OpinionChannel, type ResponseResult, type ReviewVerdict } from '../../../domain/petitions/status.ts';
import type { PetitionSettings } from '../../../domain/petitions/deadlines.ts';
import { adminUnits, agencies, bodies, councils } from '../../directory/schema.ts';
import { out, petitionOf } from '../common.ts';
import { withoutPersonal } from '../personal.ts';
import {
  contactMeetings, dispatches, dispatchItems, opinions, petitionRoundEntries, petitionRounds, petitions, responseAttachments, responses, reviews,
} from '../schema.ts';
import { documentDownloadPath } from '../../documents/service.ts';
import { decorate, listColumns } from './listPetitions.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';

export async function responsesOf(db: Db, petitionIds: string[], day: string, calendar: WorkingCalendar, settings: PetitionSettings) {
  if (!petitionIds.length) return [];
  const rows = await db
    .select({ r: responses, agencyName: agencies.name })
    .from(responses)
    .leftJoin(agencies, eq(agencies.id, responses.agencyId))
    .where(inArray(responses.petitionId, petitionIds))
    .orderBy(responses.createdAt);
  const ids = rows.map((r) => r.r.id);
  const files = ids.length
    ? await db
        .select({ id: responseAttachments.id, responseId: responseAttachments.responseId, fileName: responseAttachments.fileName, mimeType: responseAttachments.mimeType, size: responseAttachments.size })
        .from(responseAttachments)
        .where(inArray(responseAttachments.responseId, ids))
    : [];
  return rows.map(({ r, agencyName }) => {
    const committed = r.result === 'in_progress' && r.committedDate ? deadlineStatus(r.committedDate, day, calendar, settings.thresholds) : null;
    return {
      ...out(r),
      agencyName,
      resultLabel: RESPONSE_RESULT_LABELS[r.result as ResponseResult],
      commitmentStatus: committed,
      commitmentLabel: committed ? DEADLINE_STATUS_LABELS[committed] : null,
      attachments: files.filter((f) => f.responseId === r.id),
    };
  });
}

export async function getPetition(
  db: Db,
  councilId: string,
  petitionId: string,
  env: { day: string; calendar: WorkingCalendar; settings: PetitionSettings; canSeeVoters: boolean },
) {
  await petitionOf(db, councilId, petitionId);
  const [row] = await db.select(listColumns).from(petitions).where(eq(petitions.id, petitionId));
  const base = decorate(row!, env.day, env.calendar, env.settings);

  const ops = await db
    .select({ o: opinions, unitName: adminUnits.name, meeting: contactMeetings, bodyName: bodies.name })
    .from(opinions)
    .leftJoin(adminUnits, eq(adminUnits.id, opinions.unitId))
    .leftJoin(contactMeetings, eq(contactMeetings.id, opinions.meetingId))
    .leftJoin(bodies, eq(bodies.id, contactMeetings.bodyId))
    .where(eq(opinions.petitionId, petitionId))
    .orderBy(opinions.createdAt);
  const sources = summarizeSources(ops.map((x) => x.o));
  const opinionList = ops.map(({ o, unitName, meeting, bodyName }) => {
    const plain = withoutSearchKeys(out(o));
    const safe = env.canSeeVoters ? plain : withoutPersonal(plain);
    return {
      ...safe,
      unitName,
      channelLabel: OPINION_CHANNEL_LABELS[o.channel as OpinionChannel] ?? o.channel,
      meeting: meeting ? { id: meeting.id, heldOn: meeting.heldOn, place: meeting.place, delegateGroup: bodyName } : null,
    };
  });
  const meetings = [...new Map(ops.filter((x) => x.meeting).map((x) => [x.meeting!.id, { id: x.meeting!.id, heldOn: x.meeting!.heldOn, place: x.meeting!.place, delegateGroup: x.bodyName }])).values()];

  const items = await db
    .select({ i: dispatchItems, d: dispatches, agencyName: agencies.name, councilName: councils.name })
    .from(dispatchItems)
    .innerJoin(dispatches, eq(dispatches.id, dispatchItems.dispatchId))
    .leftJoin(agencies, eq(agencies.id, dispatchItems.agencyId))
    .leftJoin(councils, eq(councils.id, dispatchItems.targetCouncilId))
    .where(eq(dispatchItems.petitionId, petitionId))
    .orderBy(dispatchItems.createdAt);
  const dispatchList = items.map(({ i, d, agencyName, councilName }) => {
    const ds = i.state === 'pending' ? deadlineStatus(i.dueDate, env.day, env.calendar, env.settings.thresholds) : null;
    return {
      id: i.id,
      dispatchId: d.id,
      state: i.state,
      targetName: agencyName ?? councilName,
      agencyId: i.agencyId,
      targetCouncilId: i.targetCouncilId,
      letterNumber: d.letterNumber,
      letterDate: d.letterDate,
      // The letter issued from the register with the dispatch, when it was.
      documentId: d.documentId,
      documentPath: d.documentId ? documentDownloadPath(d.councilId, d.documentId) : null,
      dueDate: i.dueDate,
      dueRule: d.dueRule,
      returnReason: i.returnReason,
      deadlineStatus: ds,
      deadlineLabel: ds ? DEADLINE_STATUS_LABELS[ds] : null,
    };
  });

  const rounds = await db
    .select({ roundId: petitionRoundEntries.roundId, reason: petitionRoundEntries.reason, at: petitionRoundEntries.at, name: petitionRounds.name, kind: petitionRounds.kind, councilId: petitionRounds.councilId })
    .from(petitionRoundEntries)
    .innerJoin(petitionRounds, eq(petitionRounds.id, petitionRoundEntries.roundId))
    .where(eq(petitionRoundEntries.petitionId, petitionId))
    .orderBy(petitionRoundEntries.at);

  const reviewRows = await db
    .select({ rv: reviews, bodyName: bodies.name })
    .from(reviews)
    .leftJoin(bodies, eq(bodies.id, reviews.bodyId))
    .where(eq(reviews.petitionId, petitionId))
    .orderBy(desc(reviews.createdAt));

  // Links across levels: lower petitions that arrived here; the upper petition this one went to.
  const lower = await db
    .select({ id: petitions.id, number: petitions.number, councilId: petitions.councilId, councilName: councils.name, status: petitions.status })
    .from(opinions)
    .innerJoin(petitions, eq(petitions.id, opinions.sourcePetitionId))
    .innerJoin(councils, eq(councils.id, petitions.councilId))
    .where(eq(opinions.petitionId, petitionId));
  const upper = await db
    .select({ opinionId: opinions.id, petitionId: opinions.petitionId, councilId: opinions.councilId, councilName: councils.name, number: sql<number | null>`(select p.number from petitions p where p.id = "petition_opinions"."petition_id")` })
    .from(dispatchItems)
    .innerJoin(opinions, eq(opinions.id, dispatchItems.upperOpinionId))
    .innerJoin(councils, eq(councils.id, opinions.councilId))
    .where(and(eq(dispatchItems.petitionId, petitionId)));

  return {
    ...base,
    sources: { ...sources, communeNames: base.communes, meetingList: meetings },
    outstandingSessions: outstandingSessions(rounds),
    opinions: opinionList,
    dispatches: dispatchList,
    responses: await responsesOf(db, [petitionId], env.day, env.calendar, env.settings),
    reviews: reviewRows.map(({ rv, bodyName }) => ({ ...out(rv), bodyName, verdictLabel: REVIEW_VERDICT_LABELS[rv.verdict as ReviewVerdict] })),
    rounds: rounds.map((r) => ({ ...r, at: r.at.toISOString() })),
    lowerPetitions: lower,
    upperPetitions: upper,
  };
}
