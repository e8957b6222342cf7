// Shared pieces of the interpellation pages: the shapes the API answers, a searchable picker over a
// paged list, the commitment card (state, owner, due, overdue) and the answer block.
import { useState } from 'react';
import { Select, Tag, Typography } from 'antd';
import type { SelectProps } from 'antd';
import { message, showError } from '../../../lib/feedback.tsx';
import { useRemoteOptions } from '../../../components/pickers.tsx';
import { fmtDate } from '../../../lib/format.ts';

export interface Commitment {
  id: string; sessionId: string; sessionTitle: string; agencyId: string; agencyName: string; ownerName: string; ownerPost: string; content: string;
  madeOn: string; originalDue: string; dueOn: string; state: string; stateLabel: string; doneReportedOn: string | null; closedOn: string | null;
  verificationNote: string; overdue?: boolean; canRequestion?: boolean;
}
export interface Answer {
  id: string; topicId: string | null; slipId: string | null; mode: string; modeLabel: string; answererName: string; answererPost: string;
  answererAgencyName: string | null; summary: string; answeredOn: string; reference: string; commitments: Commitment[];
}
export interface Citation { kind: string; id: string; label: string }
export interface Slip {
  id: string; sessionId: string; sessionTitle: string; delegateName: string; mine: boolean; subject: string; content: string;
  addressedAgencyId: string | null; addressedAgencyName: string | null; addressedName: string; addressedPost: string;
  citations: Citation[]; followsCommitmentId: string | null; state: string; stateLabel: string; topicId: string | null; topicTitle: string | null;
  decisionNote: string; writtenDue: string | null; filedAt: string; answer: Answer | null;
}
export interface Topic {
  id: string; title: string; position: number; answererAgencyId: string | null; answererAgencyName: string | null; answererName: string; answererPost: string;
  slips: Slip[]; answer: Answer | null;
}
export interface CommitmentReport { id: string; kind: string; kindLabel: string; text: string; reportedOn: string; fileName: string | null; createdAt: string }
export interface CommitmentDetail extends Commitment {
  overdue: boolean;
  source: { topicTitle: string | null; slipSubject: string | null; answer: Omit<Answer, 'commitments'> | null };
  reports: CommitmentReport[];
  requestioned: { id: string; sessionId: string; subject: string; stateLabel: string }[];
  escalation?: {
    ladderIsDefault: boolean;
    taken: { id: string; kind: string; label: string; takenOn: string; note: string }[];
    next: { kind: string; label: string; from: string; ready: boolean } | null;
    reason: string | null;
  };
  answerHistory?: { version: number; summary: string; reason: string; correctedOn: string }[];
}

export const SLIP_COLORS: Record<string, string> = { submitted: 'default', grouped: 'blue', notSelected: 'default', writtenDue: 'orange', answered: 'green' };
export const COMMITMENT_COLORS: Record<string, string> = { open: 'default', inProgress: 'blue', reportedDone: 'cyan', closed: 'green' };
export const CITATION_LABELS: Record<string, string> = { petition: 'Kiến nghị cử tri', supervision: 'Kết quả giám sát', question: 'Câu hỏi trước', commitment: 'Lời hứa kỳ họp trước' };

/** A searchable select over a paged list of the API. */
export function RemoteSelect<T>({ path, toOption, extra, initial, ...props }: SelectProps & { path: string; toOption: (x: T) => { value: string; label: string }; extra?: Record<string, string | undefined>; initial?: { value: string; label: string } }) {
  const [search, setSearch] = useState('');
  const { options: found, loading } = useRemoteOptions<T>(path, search, toOption, extra);
  const options = initial && !found.some((o) => o.value === initial.value) ? [initial, ...found] : found;
  return (
    <Select
      allowClear notFoundContent={loading ? 'Đang tìm…' : 'Không tìm thấy'} {...props}
      showSearch={{ filterOption: false, onSearch: setSearch }} loading={loading} options={options}
    />
  );
}

export function CommitmentLine({ c, extra }: { c: Commitment; extra?: React.ReactNode }) {
  return (
    <div data-testid="commitment" style={{ borderTop: '1px solid #f0f0f0', padding: '8px 0' }}>
      <div style={{ display: 'flex', gap: 8, justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{c.content}</div>
        <Tag color={COMMITMENT_COLORS[c.state]} style={{ marginInlineEnd: 0 }}>{c.stateLabel}</Tag>
      </div>
      <div style={{ color: '#6b7280', fontSize: 12 }}>
        {[c.ownerName, c.ownerPost].filter(Boolean).join(', ')} · {c.agencyName} · hạn {fmtDate(c.dueOn)}{c.dueOn !== c.originalDue ? ` (hạn đầu ${fmtDate(c.originalDue)})` : ''}
        {c.overdue && <Tag color="red" style={{ marginInlineStart: 6 }}>Quá hạn</Tag>}
      </div>
      {extra}
    </div>
  );
}

export function AnswerBlock({ a }: { a: Answer }) {
  return (
    <div style={{ background: '#f6ffed', borderRadius: 6, padding: '8px 10px', marginTop: 8 }} data-testid="answer">
      <div style={{ fontSize: 12, color: '#389e0d' }}>{a.modeLabel} · {fmtDate(a.answeredOn)}{a.reference ? ` · ${a.reference}` : ''}</div>
      <div style={{ fontWeight: 500 }}>{[a.answererName, a.answererPost].filter(Boolean).join(', ')}{a.answererAgencyName ? ` (${a.answererAgencyName})` : ''}</div>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{a.summary}</Typography.Paragraph>
      {a.commitments.length > 0 && (
        <div style={{ marginTop: 6 }}>
          <div style={{ fontSize: 12, fontWeight: 600 }}>Lời hứa ({a.commitments.length})</div>
          {a.commitments.map((c) => <CommitmentLine key={c.id} c={c} />)}
        </div>
      )}
    </div>
  );
}

export function addresseeOf(s: Pick<Slip, 'addressedName' | 'addressedPost' | 'addressedAgencyName'>): string {
  return [s.addressedName, s.addressedPost, s.addressedAgencyName].filter(Boolean).join(', ') || 'Theo vấn đề (Thường trực chọn người trả lời)';
}

/**
 * An action behind a button, not a form (confirm, extend, escalate, correct): busy while it runs,
 * the success message, a failure as a message. Resolves true when the action succeeded. Forms
 * submit through useFormSubmit / useModalSubmit (lib/hooks.ts), which validate and show failures
 * on their fields.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, ok: string): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      message.success(ok);
      return true;
    } catch (err) {
      showError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
