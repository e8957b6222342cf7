// Shared pieces of the voter-petition screens: API shapes, Vietnamese labels, status and deadline
// tags, small data hooks and the user's petition permissions (derived from the server's menu).
import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { api } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { fmtDate } from '../../lib/format.ts';

export interface Round {
  id: string;
  councilId: string;
  name: string;
  kind: 'before_session' | 'after_session' | 'continuous';
  kindLabel?: string;
  sequence: number;
  sessionName: string;
  termId: string | null;
  startDate: string;
  endDate: string | null;
  status: 'open' | 'closed';
  published: boolean;
  closedAt: string | null;
}

export interface RoundSummary extends Round {
  councilName: string;
  levels: { level: string; label: string; count: number }[];
  unclassifiedPetitions: number;
  /** The round's petitions: raised in it plus carried over into it (server: petitions/counts.ts). */
  petitions: { total: number; raised: number; carriedOver: number };
  statuses: { status: string; label: string; count: number }[];
  intake: { opinions: number; unmerged: number; complaints: number; unclassified: number; meetings: number; votersAttending: number };
}

export interface Meeting {
  id: string;
  roundId: string;
  heldOn: string;
  place: string;
  mode: string;
  modeLabel?: string;
  unitId: string | null;
  unitName: string | null;
  bodyId: string | null;
  bodyName: string | null;
  delegatesPresent: string[];
  votersAttending: number;
  chairedBy: string;
  notes: string;
  opinionCount: number;
}

export interface Opinion {
  id: string;
  roundId: string;
  meetingId: string | null;
  channel: string;
  channelLabel?: string;
  voterName?: string;
  voterHamlet?: string;
  voterCount: number;
  unitId: string | null;
  unitName: string | null;
  text: string;
  originalText: string | null;
  sourceEncoding: string;
  kind: 'petition' | 'complaint';
  fieldId: string | null;
  competentLevel: string | null;
  agencyId: string | null;
  classifiedAt: string | null;
  petitionId: string | null;
  version: number;
  createdAt: string;
}

export interface PetitionRow {
  id: string;
  number: number;
  text: string;
  status: string;
  statusLabel: string;
  roundId: string;
  roundName: string;
  fieldId: string | null;
  fieldName: string | null;
  competentLevel: string | null;
  levelLabel: string | null;
  agencyId: string | null;
  agencyName: string | null;
  version: number;
  opinionCount: number;
  meetingCount: number;
  communeCount: number;
  voterCount: number;
  communes: string[];
  outstandingSessions: number;
  trackedDue: string | null;
  lastResult: string | null;
  lastResultLabel: string | null;
  deadlineStatus: DeadlineState | null;
  deadlineLabel: string | null;
  carriedOver: boolean;
}

export interface Field {
  id: string;
  code: string;
  name: string;
  keywords: string[];
  sortOrder: number;
  active: boolean;
}

export type DeadlineState = 'on_track' | 'due_soon' | 'overdue' | 'long_overdue';

export const ROUND_KIND_LABELS: Record<string, string> = {
  before_session: 'Tiếp xúc cử tri trước kỳ họp',
  after_session: 'Tiếp xúc cử tri sau kỳ họp',
  continuous: 'Tiếp nhận thường xuyên giữa hai đợt',
};

export const MEETING_MODE_LABELS: Record<string, string> = {
  in_person: 'Trực tiếp',
  online: 'Trực tuyến',
  hybrid: 'Trực tiếp kết hợp trực tuyến',
};

export const CHANNEL_LABELS: Record<string, string> = {
  meeting: 'Hội nghị tiếp xúc cử tri',
  fatherland_front: 'Ủy ban MTTQ Việt Nam chuyển đến',
  letter: 'Đơn, thư',
  hotline: 'Đường dây nóng',
  online_form: 'Biểu mẫu trực tuyến',
  delegate_contact: 'Đại biểu tiếp xúc riêng',
  lower_council: 'HĐND cấp dưới chuyển lên',
};

export const LEVEL_LABELS: Record<string, string> = {
  central: 'Trung ương (qua Đoàn ĐBQH)',
  province: 'Cấp tỉnh',
  district: 'Cấp huyện (thị xã)',
  commune: 'Cấp xã',
};

export const PETITION_STATUS_LABELS: Record<string, string> = {
  draft: 'Đã tổng hợp, chưa chuyển',
  dispatched: 'Đã chuyển, chờ trả lời',
  returned: 'Bị trả lại, cần chuyển lại',
  answered: 'Đã có trả lời, chờ đánh giá',
  closed: 'Đã giải quyết xong',
  unsatisfied: 'Chưa giải quyết xong, theo dõi tiếp',
};

const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  dispatched: 'processing',
  returned: 'orange',
  answered: 'cyan',
  closed: 'green',
  unsatisfied: 'magenta',
};

export const RESULT_LABELS: Record<string, string> = {
  resolved: 'Đã giải quyết xong',
  in_progress: 'Đang giải quyết, có lộ trình',
  explained: 'Giải trình, cung cấp thông tin',
  unresolved: 'Chưa giải quyết',
};

const RESULT_COLORS: Record<string, string> = { resolved: 'green', in_progress: 'blue', explained: 'geekblue', unresolved: 'red' };

export const DEADLINE_LABELS: Record<DeadlineState, string> = {
  on_track: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  long_overdue: 'Quá hạn kéo dài',
};

const DEADLINE_COLORS: Record<DeadlineState, string> = { on_track: 'green', due_soon: 'gold', overdue: 'red', long_overdue: '#a8071a' };

export const VERDICT_LABELS: Record<string, string> = { satisfactory: 'Đạt (trả lời thỏa đáng)', unsatisfactory: 'Chưa đạt (chưa thỏa đáng)' };

export const ENCODING_LABELS: Record<string, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI', viqr: 'VIQR' };

/** Two-digit counts as official reports write them: 7 → "07". */
export const two = (n: number) => (n < 10 ? `0${n}` : String(n));

export function StatusTag({ status, label }: { status: string; label?: string | null }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{label ?? PETITION_STATUS_LABELS[status] ?? status}</Tag>;
}

export function ResultTag({ result, label }: { result: string; label?: string | null }) {
  return <Tag color={RESULT_COLORS[result] ?? 'default'}>{label ?? RESULT_LABELS[result] ?? result}</Tag>;
}

export function DeadlineTag({ state, due }: { state: DeadlineState | null | undefined; due?: string | null }) {
  if (!state) return null;
  return (
    <Tooltip title={due ? `Hạn: ${fmtDate(due)}` : undefined}>
      <Tag color={DEADLINE_COLORS[state]} data-testid="deadline-tag">{DEADLINE_LABELS[state]}</Tag>
    </Tooltip>
  );
}

/** "đã chuyển từ TCVN3" when the server converted a legacy-font text to Unicode. */
export function EncodingTag({ encoding, original }: { encoding?: string | null; original?: string | null }) {
  if (!encoding || encoding === 'unicode') return null;
  return (
    <Tooltip title={original ? `Văn bản gốc: ${original}` : 'Văn bản gốc gõ bằng phông chữ cũ, đã chuyển sang Unicode'}>
      <Tag color="purple">đã chuyển từ {ENCODING_LABELS[encoding] ?? encoding.toUpperCase()}</Tag>
    </Tooltip>
  );
}

/** What the current user may do with the petitions of a council (the server checks again). */
export function usePetitionPerms(councilId: string | undefined) {
  const { me, menu } = useAuth();
  const entryFor = (key: string) => {
    const e = menu.find((m) => m.key === key);
    return !!e && !!councilId && (e.councilIds === 'all' || (Array.isArray(e.councilIds) && e.councilIds.includes(councilId)));
  };
  const manage = !!me && (me.isAdmin || entryFor('petition-settings'));
  const review =
    !!me &&
    (me.isAdmin ||
      me.grants.some(
        (g) => g.councilId === councilId && ['secretariat', 'standing_member', 'committee_member', 'delegate'].includes(g.role),
      ));
  return { manage, intake: manage, review };
}

/** The council's field taxonomy (active ones first). */
export function useFields(councilId: string | undefined, reloadKey = 0) {
  const [fields, setFields] = useState<Field[]>([]);
  useEffect(() => {
    if (!councilId) return;
    let live = true;
    api.get<{ items: Field[] }>(`/councils/${councilId}/petition-fields`, { pageSize: 200 }).then((f) => live && setFields(f.items)).catch(() => {});
    return () => {
      live = false;
    };
  }, [councilId, reloadKey]);
  return fields;
}

/** The council's rounds (latest first), for pickers. */
export function useRounds(councilId: string | undefined) {
  const [rounds, setRounds] = useState<Round[]>([]);
  useEffect(() => {
    if (!councilId) return;
    let live = true;
    api
      .get<{ items: Round[] }>(`/councils/${councilId}/petition-rounds`, { pageSize: 200 })
      .then((p) => live && setRounds(p.items))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [councilId]);
  return rounds;
}

export interface BodyRow {
  id: string;
  name: string;
  kind: string;
}

export function useBodies(councilId: string | undefined) {
  const [bodies, setBodies] = useState<BodyRow[]>([]);
  useEffect(() => {
    if (!councilId) return;
    let live = true;
    api.get<{ items: BodyRow[] }>(`/councils/${councilId}/bodies`, { pageSize: 200 }).then((b) => live && setBodies(b.items)).catch(() => {});
    return () => {
      live = false;
    };
  }, [councilId]);
  return bodies;
}

export const levelOptions = Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }));
export const statusOptions = Object.entries(PETITION_STATUS_LABELS).map(([value, label]) => ({ value, label }));

