// What the chair's page, the projector and the delegates' phones share: a session's votes followed
// live (one SSE stream per page), and the result shown the same way everywhere.
import { useState } from 'react';
import { Tag } from 'antd';
import { useLive, type LiveStatus } from '../../../lib/live.ts';

export interface VoteResult {
  outcome?: 'passed' | 'failed';
  reason: string;
  needed: number;
  base: number;
  fractionLabel: string;
  source: string;
  verified: boolean;
  reducedCouncil: boolean;
  baseReason: string;
  notes: string[];
  counts?: { for: number; against: number; abstain: number; notVoting: number; present: number; entitled: number };
  elected?: string[];
  tied?: string[];
}
export interface Vote {
  id: string; sessionId: string; itemId: string | null; itemTitle: string | null; kind: 'motion' | 'election'; title: string;
  method: 'show_of_hands' | 'named' | 'secret'; methodLabel: string; ruleKey: string; rule: { label: string; source: string; verified: boolean };
  state: 'created' | 'open' | 'closed' | 'confirmed' | 'annulled'; stateLabel: string; seatsToFill: number | null;
  repeatOf: string | null; repeatedBy: string | null; voted: number;
  opened: { byName: string | null; at: string } | null; closed: { byName: string | null; at: string } | null;
  confirmed: { byName: string | null; at: string } | null; annulled: { byName: string | null; at: string; reason: string } | null;
  candidates: { id: string; position: number; name: string; votes: number | null }[];
  roll: { seats: number; serving: number; entitled: number; present: number; voted: number | null; seatsExplanation: string | null } | null;
  result: VoteResult | null;
  iVoted?: boolean;
}
type Update = { type: 'vote'; vote: Vote } | { type: 'turnout'; voteId: string; voted: number };

export const STATE_COLORS: Record<Vote['state'], string> = { created: 'default', open: 'processing', closed: 'warning', confirmed: 'success', annulled: 'error' };

/** A session's votes, kept current by the live stream; `reload` merges a fresh answer. */
export function useLiveVotes(councilId: string, sessionId: string | null): { votes: Vote[]; status: LiveStatus; put: (v: Vote) => void } {
  const [votes, setVotes] = useState<Vote[]>([]);
  const put = (v: Vote) => setVotes((vs) => {
    const i = vs.findIndex((x) => x.id === v.id);
    if (i < 0) return [v, ...vs];
    const copy = [...vs];
    copy[i] = { ...v, iVoted: v.iVoted ?? vs[i]!.iVoted };
    return copy;
  });
  const status = useLive<{ votes: Vote[] }, Update>(sessionId ? `/councils/${councilId}/sessions/${sessionId}/votes/live` : null, {
    snapshot: (s) => setVotes((old) => s.votes.map((v) => ({ ...v, iVoted: old.find((o) => o.id === v.id)?.iVoted }))),
    update: (u) => {
      if (u.type === 'vote') put(u.vote);
      else setVotes((vs) => vs.map((v) => (v.id === u.voteId ? { ...v, voted: u.voted } : v)));
    },
  });
  return { votes, status, put };
}

export function LiveTag({ status }: { status: LiveStatus }) {
  return status === 'live' ? <Tag color="green" data-testid="live-status">Trực tiếp</Tag> : <Tag color="orange" data-testid="live-status">Đang kết nối…</Tag>;
}

export function OutcomeTag({ vote }: { vote: Vote }) {
  if (vote.state === 'annulled') return <Tag color="error">Đã hủy</Tag>;
  if (!vote.result) return null;
  if (vote.kind === 'election') return <Tag color={vote.result.elected?.length ? 'green' : 'red'}>{vote.result.elected?.length ? 'Có người trúng cử' : 'Không có người trúng cử'}</Tag>;
  return <Tag color={vote.result.outcome === 'passed' ? 'green' : 'red'}>{vote.result.outcome === 'passed' ? 'Thông qua' : 'Không thông qua'}</Tag>;
}
