// One voter's facts → one version of the voter_entries row: checked (12-digit ID, age, residence),
// ballots COMPUTED by the domain (voterEligibility), name folded for reconciliation. Shared by the
// entry form, the spreadsheet import and the bench.
import { fold } from '../../domain/text/index.ts';
import {
  citizenIdProblem, normalizeCitizenId, voterAgeProblem, voterEligibility, ElectionRuleError,
  type Exclusion, type ResidenceKind, type VoterStatus,
} from '../../domain/elections/index.ts';
import type { voterEntries } from './votersSchema.ts';

export interface VoterFactsInput {
  citizenId?: string | null;
  fullName: string;
  /** 'YYYY-MM-DD' or 'YYYY'. */
  birthDate: string;
  sex: 'male' | 'female';
  ethnicity?: string;
  residenceKind: ResidenceKind;
  residenceSince?: string | null;
  permanentAddress?: string;
  temporaryAddress?: string;
  currentAddress?: string;
  place?: string;
  status?: VoterStatus;
  household?: string;
  rowOrder?: number;
  note?: string;
}

export type EntryValues = typeof voterEntries.$inferInsert;

export interface AreaRef { id: string; provinceCode: string; communeCode: string; electionId: string; kind: string }

/** The problems of a voter's facts (Vietnamese, without "Dòng N"); empty when the row may go in. */
export function voterFactsProblems(f: VoterFactsInput, electionDay: string): string[] {
  const out: string[] = [];
  if (f.citizenId !== null && f.citizenId !== undefined && f.citizenId.trim() !== '') {
    const p = citizenIdProblem(f.citizenId);
    if (p) out.push(p);
  }
  const age = voterAgeProblem(f.birthDate, electionDay);
  if (age) out.push(age);
  if (f.residenceKind === 'temporary' && !f.residenceSince) out.push('Cử tri tạm trú: cần ghi ngày bắt đầu đăng ký tạm trú.');
  if (out.length === 0) {
    try {
      voterEligibility({ residence: { kind: f.residenceKind, since: f.residenceSince ?? null }, status: f.status ?? 'none' }, electionDay);
    } catch (err) {
      if (err instanceof ElectionRuleError) out.push(err.message);
      else throw err;
    }
  }
  return out;
}

/** The row of one version (ids and version set by the caller). Facts must have passed voterFactsProblems. */
export function entryOf(
  area: AreaRef, electionDay: string, f: VoterFactsInput,
  v: { voterId: string; version: number; change: string; reason: string; removed?: boolean; exclusion?: Exclusion | null; createdBy: string | null; importId?: string | null; note?: string },
): EntryValues {
  const e = voterEligibility({ residence: { kind: f.residenceKind, since: f.residenceSince ?? null }, status: f.status ?? 'none', exclusion: v.exclusion ?? null }, electionDay);
  return {
    provinceCode: area.provinceCode, electionId: area.electionId, voterId: v.voterId, version: v.version, pollingAreaId: area.id,
    communeCode: area.communeCode, change: v.change, reason: v.reason, removed: v.removed ?? false,
    citizenId: normalizeCitizenId(f.citizenId ?? null), fullName: f.fullName.normalize('NFC').trim(), nameKey: fold(f.fullName), birthDate: f.birthDate,
    sex: f.sex, ethnicity: f.ethnicity ?? '', residenceKind: f.residenceKind, residenceSince: f.residenceKind === 'temporary' ? (f.residenceSince ?? null) : null,
    permanentAddress: f.permanentAddress ?? '', temporaryAddress: f.temporaryAddress ?? '', currentAddress: f.currentAddress ?? '', place: f.place ?? '',
    status: f.status ?? 'none', exclusionGround: v.exclusion?.ground ?? null, exclusionEndsAt: v.exclusion?.endsAt ?? null,
    ballotNa: e.ballots.na, ballotProvince: e.ballots.province, ballotCommune: e.ballots.commune, eligibilityReason: e.reason,
    note: v.note ?? f.note ?? '', household: f.household ?? '', rowOrder: f.rowOrder ?? 0, importId: v.importId ?? null, createdBy: v.createdBy,
  };
}

/** The facts of a stored row (to build its next version). */
export function factsOf(r: typeof voterEntries.$inferSelect): VoterFactsInput {
  return {
    citizenId: r.citizenId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex as 'male' | 'female', ethnicity: r.ethnicity,
    residenceKind: r.residenceKind as ResidenceKind, residenceSince: r.residenceSince, permanentAddress: r.permanentAddress,
    temporaryAddress: r.temporaryAddress, currentAddress: r.currentAddress, place: r.place, status: r.status as VoterStatus,
    household: r.household, rowOrder: r.rowOrder, note: r.note,
  };
}
