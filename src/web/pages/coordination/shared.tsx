// Shared pieces of the coordination pages: row types, the people picker, deadline tags.
import { useState } from 'react';
import { Select, Tag, type SelectProps } from 'antd';
import { useRemoteOptions } from '../../components/pickers.tsx';

export type IncomingRow = {
  id: string; number: number; year: number; registerNumber: string; receivedOn: string; receivedTime: string | null;
  senderName: string; senderAgencyId: string | null; docSymbol: string; docDate: string | null; kind: string; kindLabel: string;
  summary: string; urgency: string; urgencyLabel: string; secret: boolean; state: string; stateLabel: string;
  handlerUserId: string | null; handlerName: string | null; assignedOn: string | null; due: string | null; assignNote: string;
  completedOn: string | null; outcomeNote: string; deadlineStatus: string | null; deadlineLabel: string | null; daysOverdue: number; finishedLate: boolean;
  sessionId: string | null; petitionId: string | null;
};

export const CRUMB = { title: 'Phối hợp với UBND' };

export const INCOMING_KIND_OPTIONS = [
  { value: 'program', label: 'Chương trình' },
  { value: 'plan', label: 'Kế hoạch' },
  { value: 'result', label: 'Báo cáo kết quả' },
  { value: 'submission', label: 'Tờ trình, dự thảo trình kỳ họp' },
  { value: 'answer', label: 'Văn bản trả lời kiến nghị' },
  { value: 'invitation', label: 'Giấy mời' },
  { value: 'report', label: 'Báo cáo định kỳ' },
  { value: 'other', label: 'Văn bản khác' },
];
export const URGENCY_OPTIONS = [
  { value: 'normal', label: 'Thường' }, { value: 'urgent', label: 'Khẩn' }, { value: 'very_urgent', label: 'Thượng khẩn' }, { value: 'flash', label: 'Hỏa tốc' },
];

const TONE: Record<string, string> = { on_track: 'green', due_soon: 'gold', overdue: 'red', long_overdue: 'red' };

export function DeadlineTag({ d }: { d: Pick<IncomingRow, 'deadlineStatus' | 'deadlineLabel' | 'daysOverdue' | 'finishedLate'> }) {
  if (!d.deadlineLabel) return null;
  const color = d.deadlineStatus ? TONE[d.deadlineStatus] : 'orange';
  return <Tag color={color}>{d.deadlineLabel}{d.daysOverdue > 0 ? ` ${d.daysOverdue} ngày` : ''}</Tag>;
}

export function StateTag({ state, label }: { state: string; label: string }) {
  const color = state === 'registered' || state === 'received' ? 'blue' : state === 'replied' || state === 'filed' || state === 'attended' || state === 'on_time' ? 'green' : state === 'late' || state === 'overdue' || state === 'absent' ? 'red' : 'default';
  return <Tag color={color}>{label}</Tag>;
}

/** The council's people (Văn phòng, Thường trực, Ban), searched on the server. */
export function PersonSelect({ councilId, ...props }: Omit<SelectProps<string>, 'options' | 'showSearch'> & { councilId: string }) {
  const [search, setSearch] = useState('');
  const { options, loading } = useRemoteOptions<{ id: string; fullName: string }>(`/councils/${councilId}/coordination/people`, search, (p) => ({ value: p.id, label: p.fullName }));
  return (
    <Select placeholder="Gõ tên để tìm" notFoundContent={loading ? 'Đang tìm…' : 'Không tìm thấy'} {...props}
      showSearch={{ filterOption: false, onSearch: setSearch }} loading={loading} options={options} />
  );
}
