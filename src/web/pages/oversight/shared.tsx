// Shared pieces of the supervision pages: row types, who may edit which programme, the conflict
// warning (one sentence per conflict), the activity form.
import { Alert, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useAuth } from '../../lib/auth.tsx';
import { useApi } from '../../lib/hooks.ts';
import { AgencySelect } from '../../components/pickers.tsx';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS } from '../../../domain/oversight/labels.ts';

export interface Sentence { type: 'overlap' | 'same_subject_period'; sentence: string; otherActivityId: string; otherTitle: string; otherBody: string; otherCouncil: string; acrossCouncils: boolean; from: string; to: string }
export interface Subject { id: string; name: string }
export interface ActivityRow {
  id: string; programId: string; kind: string; kindLabel: string; title: string; content: string; scope: string; plan: string; fieldIds: string[];
  startDate: string; endDate: string; state: string; stateLabel: string; version: number; overlapReason: string; foundedOn: string | null; ruleSetKey: string | null;
  foundingDocumentId: string | null; subjects: Subject[]; conflicts: Sentence[];
}
export interface ProgramRow {
  id: string; councilId: string; councilName?: string; own: boolean; bodyKind: string; bodyId: string | null; bodyName: string; year: number; title: string;
  state: string; stateLabel: string; adoptedOn: string | null; resolutionNumber: string; publishedAt: string | null; activities?: number; done?: number; version: number;
}

export const PROGRAM_STATE_COLORS: Record<string, string> = { draft: 'default', adopted: 'green', amended: 'blue' };

/** May the signed-in user edit this body's programme (the server checks the same rule)? */
export function useMayEdit(councilId: string, bodyId: string | null | undefined): boolean {
  const { me } = useAuth();
  if (!me) return false;
  if (me.isAdmin) return true;
  return me.grants.some((g) => ((g.role === 'secretariat' || g.role === 'standing_member') && g.councilId === councilId) || (g.role === 'committee_member' && !!bodyId && g.bodyId === bodyId));
}

export function useManages(councilId: string): boolean {
  const { me } = useAuth();
  return !!me && (me.isAdmin || me.grants.some((g) => g.councilId === councilId && ['secretariat', 'standing_member', 'committee_member'].includes(g.role)));
}

/** The warning shown on an activity: one sentence per conflict ("Trùng đối tượng …, từ … đến …, với …"). */
export function ConflictAlert({ conflicts, reason }: { conflicts: Sentence[]; reason?: string }) {
  if (!conflicts.length) return null;
  const overlaps = conflicts.filter((c) => c.type === 'overlap');
  return (
    <Alert
      type={overlaps.length ? 'warning' : 'info'}
      showIcon
      style={{ marginTop: 8 }}
      title={overlaps.length ? `Cảnh báo trùng lặp (${overlaps.length})` : 'Cùng đối tượng, cùng thời gian'}
      description={
        <div>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {conflicts.map((c) => (
              <li key={`${c.otherActivityId}-${c.type}`} data-testid="conflict-sentence">
                {c.sentence}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}> · {c.otherTitle}{c.acrossCouncils ? ` (${c.otherCouncil})` : ''}</Typography.Text>
              </li>
            ))}
          </ul>
          {reason ? <div style={{ marginTop: 6 }}><b>Lý do vẫn thực hiện:</b> {reason}</div> : null}
        </div>
      }
    />
  );
}

/** The fields of an activity (kind, title, subjects, fields, dates, content). */
export function ActivityFields({ councilId }: { councilId: string }) {
  const fields = useApi<{ items: { id: string; name: string; active: boolean }[] }>(`/councils/${councilId}/petition-fields`, { pageSize: 200 });
  return (
    <>
      <Form.Item name="kind" label="Loại hoạt động" rules={[{ required: true, message: 'Hãy chọn loại hoạt động.' }]}>
        <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="title" label="Tên hoạt động, nội dung giám sát" rules={[{ required: true, message: 'Hãy nhập tên hoạt động.' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="subjectAgencyIds" label="Cơ quan, đơn vị chịu giám sát" rules={[{ required: true, message: 'Hãy chọn ít nhất một cơ quan.' }]}>
        <AgencySelect mode="multiple" />
      </Form.Item>
      <Form.Item name="fieldIds" label="Lĩnh vực">
        <Select mode="multiple" allowClear options={(fields.data?.items ?? []).filter((f) => f.active).map((f) => ({ value: f.id, label: f.name }))} />
      </Form.Item>
      <Form.Item name="dates" label="Thời gian dự kiến" rules={[{ required: true, message: 'Hãy chọn thời gian.' }]}>
        <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="content" label="Nội dung chi tiết">
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="scope" label="Phạm vi">
        <Input.TextArea autoSize={{ minRows: 1 }} />
      </Form.Item>
    </>
  );
}

/** Form values → the API's activity body. */
export function activityBody(v: { kind: string; title: string; subjectAgencyIds: string[]; fieldIds?: string[]; dates: [dayjs.Dayjs, dayjs.Dayjs]; content?: string; scope?: string }) {
  return {
    kind: v.kind, title: v.title, subjectAgencyIds: v.subjectAgencyIds, fieldIds: v.fieldIds ?? [],
    startDate: v.dates[0].format('YYYY-MM-DD'), endDate: v.dates[1].format('YYYY-MM-DD'), content: v.content ?? '', scope: v.scope ?? '',
  };
}

export function Period({ from, to }: { from: string; to: string }) {
  const f = (d: string) => dayjs(d).format('DD/MM/YYYY');
  return <Space size={4}>{from === to ? f(from) : `${f(from)} – ${f(to)}`}</Space>;
}
