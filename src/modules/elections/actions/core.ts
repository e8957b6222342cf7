// Create actions of the election as data: the election, electoral units, polling areas, election
// bodies and their members, candidates. Each: validate (zod at the route + domain), one
// transaction, one audit event.
import { and, eq } from 'drizzle-orm';
import { conflict, invalid } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { BALLOT_TYPES, electionRuleSetFor, seatsProblem, type BallotType, type ElectionBodyKind, type PollingAreaKind } from '../../../domain/elections/index.ts';
import { adminUnits } from '../../directory/schema.ts';
import { candidates, electionBodies, electionBodyMembers, elections, electoralUnits, pollingAreas } from '../schema.ts';
import { areaOf, bodyOf, councilPlace, electionOf, out, rule, unitOf, type ActionCtx } from '../common.ts';
import { ensureVoterPartition } from '../votersPartitions.ts';

export interface ElectionInput { name: string; electionDay: string; ballotTypes: BallotType[]; note?: string }

export async function createElection(ctx: ActionCtx, councilId: string, input: ElectionInput) {
  rule(() => electionRuleSetFor(input.electionDay));
  const types = BALLOT_TYPES.filter((b) => input.ballotTypes.includes(b));
  if (!types.length) throw invalid('Cần chọn ít nhất một loại phiếu bầu.');
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: elections.id }).from(elections).where(and(eq(elections.councilId, councilId), eq(elections.electionDay, input.electionDay)));
    if (dup) throw conflict('Đã có cuộc bầu cử vào ngày này.');
    const [row] = await tx.insert(elections).values({ name: input.name, electionDay: input.electionDay, ballotTypes: types, councilId, note: input.note ?? '' }).returning();
    await recordEvent(tx, ctx.actor, { action: 'election.create', entityType: 'election', entityId: row!.id, councilId, after: row });
    return out(row!);
  });
}

export interface UnitInput { ballotType: BallotType; number: number; name: string; seats: number; unitIds?: string[]; resolution?: string; description?: string }

/** A unit of the path's council: a province council's units are province (or NA) units, a commune's are commune units. */
export async function createElectoralUnit(ctx: ActionCtx, councilId: string, electionId: string, input: UnitInput) {
  return ctx.db.transaction(async (tx) => {
    const election = await electionOf(tx, electionId);
    if (!election.ballotTypes.includes(input.ballotType)) throw invalid('Cuộc bầu cử này không bầu loại đại biểu đã chọn.');
    const place = await councilPlace(tx, councilId);
    if (input.ballotType === 'commune' ? place.level !== 'commune' : place.level !== 'province') {
      throw invalid(input.ballotType === 'commune' ? 'Đơn vị bầu cử đại biểu HĐND xã phải thuộc HĐND xã, phường.' : 'Đơn vị bầu cử đại biểu Quốc hội, HĐND tỉnh phải thuộc HĐND tỉnh.');
    }
    const problem = seatsProblem(input.ballotType, input.seats);
    if (problem) throw invalid(problem);
    const [dup] = await tx.select({ id: electoralUnits.id }).from(electoralUnits).where(and(eq(electoralUnits.electionId, electionId), eq(electoralUnits.councilId, councilId), eq(electoralUnits.ballotType, input.ballotType), eq(electoralUnits.number, input.number)));
    if (dup) throw conflict(`Đã có đơn vị bầu cử số ${input.number}.`);
    const [row] = await tx.insert(electoralUnits).values({
      electionId, councilId, ballotType: input.ballotType, number: input.number, name: input.name, seats: input.seats,
      unitIds: input.unitIds ?? [], resolution: input.resolution ?? '', description: input.description ?? '',
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'electoral_unit.create', entityType: 'electoral_unit', entityId: row!.id, councilId, after: row });
    return out(row!);
  });
}

export interface AreaInput {
  number: number; name: string; kind: PollingAreaKind; hamlets?: string;
  naUnitId?: string | null; provinceUnitId?: string | null; communeUnitId?: string | null;
}

/** A polling area of the path's commune council; each ballot's unit must be of that ballot and cover the commune's council or province. */
export async function createPollingArea(ctx: ActionCtx, councilId: string, electionId: string, input: AreaInput) {
  return ctx.db.transaction(async (tx) => {
    await electionOf(tx, electionId);
    const place = await councilPlace(tx, councilId);
    if (place.level !== 'commune') throw invalid('Khu vực bỏ phiếu do Ủy ban nhân dân xã, phường xác định: hãy chọn hội đồng nhân dân xã, phường.');
    const check = async (id: string | null | undefined, ballot: BallotType) => {
      if (!id) return null;
      const u = await unitOf(tx, ballot === 'commune' ? councilId : place.provinceCouncilId, electionId, id);
      if (u.ballotType !== ballot) throw invalid('Đơn vị bầu cử đã chọn không đúng loại phiếu bầu.');
      return u.id;
    };
    const values = {
      electionId, communeUnitId: place.unit.id, councilId, provinceCouncilId: place.provinceCouncilId,
      provinceCode: place.province.code, communeCode: place.unit.code, number: input.number, name: input.name, kind: input.kind,
      hamlets: input.hamlets ?? '',
      naUnitId: await check(input.naUnitId, 'na'), provinceUnitId: await check(input.provinceUnitId, 'province'),
      communeUnitIdOfBallot: await check(input.communeUnitId, 'commune'),
    };
    const [dup] = await tx.select({ id: pollingAreas.id }).from(pollingAreas).where(and(eq(pollingAreas.electionId, electionId), eq(pollingAreas.communeUnitId, place.unit.id), eq(pollingAreas.number, input.number)));
    if (dup) throw conflict(`Đã có khu vực bỏ phiếu số ${input.number}.`);
    await ensureVoterPartition(tx, place.province.code);
    const [row] = await tx.insert(pollingAreas).values(values).returning();
    await recordEvent(tx, ctx.actor, { action: 'polling_area.create', entityType: 'polling_area', entityId: row!.id, councilId, after: row });
    return out(row!);
  });
}

export interface BodyInput { kind: Exclude<ElectionBodyKind, 'nationalElectionCouncil'>; name: string; electoralUnitId?: string | null; pollingAreaId?: string | null; decision?: string }

export async function createElectionBody(ctx: ActionCtx, councilId: string, electionId: string, input: BodyInput) {
  return ctx.db.transaction(async (tx) => {
    await electionOf(tx, electionId);
    let electoralUnitId: string | null = null;
    let pollingAreaId: string | null = null;
    let bodyCouncil = councilId;
    if (input.kind === 'unitBoard') {
      if (!input.electoralUnitId) throw invalid('Ban bầu cử phải gắn với một đơn vị bầu cử.');
      const u = await unitOf(tx, councilId, electionId, input.electoralUnitId);
      electoralUnitId = u.id;
      bodyCouncil = u.councilId;
    } else if (input.kind === 'pollingTeam') {
      if (!input.pollingAreaId) throw invalid('Tổ bầu cử phải gắn với một khu vực bỏ phiếu.');
      const a = await areaOf(tx, councilId, electionId, input.pollingAreaId);
      pollingAreaId = a.id;
      bodyCouncil = a.councilId;
    }
    const [dup] = electoralUnitId || pollingAreaId
      ? await tx.select({ id: electionBodies.id }).from(electionBodies).where(electoralUnitId ? eq(electionBodies.electoralUnitId, electoralUnitId) : eq(electionBodies.pollingAreaId, pollingAreaId!))
      : await tx.select({ id: electionBodies.id }).from(electionBodies).where(and(eq(electionBodies.electionId, electionId), eq(electionBodies.councilId, councilId), eq(electionBodies.kind, 'electionCommittee')));
    if (dup) throw conflict(input.kind === 'pollingTeam' ? 'Khu vực bỏ phiếu này đã có Tổ bầu cử.' : input.kind === 'unitBoard' ? 'Đơn vị bầu cử này đã có Ban bầu cử.' : 'Đã có Ủy ban bầu cử ở cấp này.');
    const [row] = await tx.insert(electionBodies).values({ electionId, kind: input.kind, councilId: bodyCouncil, electoralUnitId, pollingAreaId, name: input.name, decision: input.decision ?? '' }).returning();
    await recordEvent(tx, ctx.actor, { action: 'election_body.create', entityType: 'election_body', entityId: row!.id, councilId: bodyCouncil, after: row });
    return out(row!);
  });
}

export interface MemberInput { fullName: string; position: 'chair' | 'viceChair' | 'secretary' | 'member'; organization?: string; userId?: string | null }

export async function addBodyMember(ctx: ActionCtx, councilId: string, electionId: string, bodyId: string, input: MemberInput) {
  return ctx.db.transaction(async (tx) => {
    const body = await bodyOf(tx, councilId, electionId, bodyId);
    const [row] = await tx.insert(electionBodyMembers).values({ bodyId: body.id, fullName: input.fullName, position: input.position, organization: input.organization ?? '', userId: input.userId ?? null }).returning();
    await recordEvent(tx, ctx.actor, { action: 'election_body.member_add', entityType: 'election_body', entityId: body.id, councilId: body.councilId, after: row });
    return out(row!);
  });
}

export interface CandidateInput { fullName: string; birthDate: string; sex: 'male' | 'female'; listOrder?: number; occupation?: string; workplace?: string; residence?: string }

export async function addCandidate(ctx: ActionCtx, councilId: string, electionId: string, unitId: string, input: CandidateInput) {
  return ctx.db.transaction(async (tx) => {
    const election = await electionOf(tx, electionId);
    const unit = await unitOf(tx, councilId, electionId, unitId);
    if (input.birthDate > election.electionDay) throw invalid('Ngày sinh của người ứng cử không hợp lệ.');
    const [row] = await tx.insert(candidates).values({
      electionId, electoralUnitId: unit.id, fullName: input.fullName, birthDate: input.birthDate, sex: input.sex, state: 'official',
      listOrder: input.listOrder ?? 0, occupation: input.occupation ?? '', workplace: input.workplace ?? '', residence: input.residence ?? '',
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'election_candidate.create', entityType: 'election_candidate', entityId: row!.id, councilId: unit.councilId, after: row });
    return out(row!);
  });
}

/** The communes of a province (for choosing a unit's communes). */
export async function communeUnitsOf(ctx: ActionCtx, provinceUnitId: string) {
  return ctx.db.select({ id: adminUnits.id, name: adminUnits.name, code: adminUnits.code }).from(adminUnits).where(eq(adminUnits.parentId, provinceUnitId));
}
