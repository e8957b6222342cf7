// Quy định chuẩn bị kỳ họp: the council's rule sets (each with its validity and legal basis), every
// value shown as "mặc định, chưa kiểm chứng" while it is the shipped default; the secretariat edits
// a rule set (due dates of sessions not yet closed follow).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi, useFormSubmit } from '../../lib/hooks.ts';
import { message } from '../../lib/feedback.tsx';
import { fmtDate } from '../../lib/format.ts';
import { LEAD_TIME_STEP_LABELS, useSessionPerms } from './shared.tsx';
import type { LeadTimeRule, LeadTimeStep, SessionProfile } from '../../../domain/sessions/index.ts';

interface RuleSet { key: string; validFrom: string; validTo: string | null; legalBasis: string; profile: SessionProfile; defaults: string[]; inForceToday: boolean }

const STEPS = Object.keys(LEAD_TIME_STEP_LABELS) as LeadTimeStep[];
const DEFAULT_MARK = 'mặc định, chưa kiểm chứng';

function ruleText(r: LeadTimeRule | null): string {
  if (!r) return 'Không có hạn';
  return `${r.value} ${r.unit === 'working_days' ? 'ngày làm việc' : 'ngày'} ${r.direction === 'before' ? 'trước' : 'sau'} ngày khai mạc`;
}

export function SessionProfilePage() {
  const { councilId } = useParams() as { councilId: string };
  const perms = useSessionPerms(councilId);
  const view = useApi<{ level: string; ruleSets: RuleSet[] }>(`/councils/${councilId}/session-profile`);
  const [editing, setEditing] = useState<RuleSet | null>(null);
  if (view.error) return <ErrorView error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Loading />;
  const mark = (set: RuleSet, path: string) => (set.defaults.includes(path) ? <Tag color="gold" data-testid="default-mark">{DEFAULT_MARK}</Tag> : <Tag color="green">HĐND đã xác định</Tag>);
  return (
    <Page title="Quy định chuẩn bị kỳ họp" subtitle={view.data.level === 'province' ? 'HĐND cấp tỉnh' : 'HĐND cấp xã'} crumbs={[{ title: 'Kỳ họp', to: `/councils/${councilId}/sessions` }, { title: 'Quy định chuẩn bị kỳ họp' }]}>
      <Alert
        type="warning" showIcon style={{ marginBottom: 16 }}
        message="Các giá trị có sẵn chỉ là mặc định chưa kiểm chứng."
        description="Thời hạn gửi tài liệu, thời gian phát biểu… do Quy chế hoạt động của từng HĐND quy định (Nghị quyết 103/2025 và 104/2025/UBTVQH15). Hãy đối chiếu Quy chế của HĐND mình và sửa lại. Mỗi kỳ họp áp dụng bộ quy định có hiệu lực vào ngày triệu tập."
      />
      {[...view.data.ruleSets].reverse().map((set) => (
        <Card
          key={set.key}
          style={{ marginBottom: 16 }}
          title={<Space wrap>{`Từ ${fmtDate(set.validFrom)}${set.validTo ? ` đến trước ${fmtDate(set.validTo)}` : ''}`}{set.inForceToday && <Tag color="blue">Đang áp dụng</Tag>}</Space>}
          extra={perms.manage && <Button onClick={() => setEditing(set)}>Sửa</Button>}
        >
          <Typography.Paragraph type="secondary">{set.legalBasis}</Typography.Paragraph>
          <Descriptions size="small" column={1} bordered>
            {STEPS.map((s) => (
              <Descriptions.Item key={s} label={LEAD_TIME_STEP_LABELS[s]}>
                <Space wrap>
                  <span>{ruleText(set.profile.leadTimes[s])}</span>
                  {mark(set, `leadTimes.${s}`)}
                  {set.profile.leadTimes[s] && !set.defaults.includes(`leadTimes.${s}`) && <Typography.Text type="secondary" style={{ fontSize: 12 }}>Căn cứ: {set.profile.leadTimes[s]!.source}</Typography.Text>}
                </Space>
              </Descriptions.Item>
            ))}
            <Descriptions.Item label="Thời gian phát biểu / đặt câu hỏi / trả lời">
              <Space wrap>
                {`${set.profile.speakingMinutes.speech} / ${set.profile.speakingMinutes.question} / ${set.profile.speakingMinutes.answer} phút`}
                {mark(set, 'speakingMinutes.speech')}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="Báo “sắp đến hạn” trước">
              <Space wrap>{`${set.profile.dueSoonWorkingDays} ngày làm việc`}{mark(set, 'dueSoonWorkingDays')}</Space>
            </Descriptions.Item>
            <Descriptions.Item label="Số đại biểu theo luật định (Điều 30)">
              <Space wrap>{set.profile.chamber.seats ?? 'Tính theo các đơn vị bầu cử của nhiệm kỳ'}{mark(set, 'chamber.seats')}</Space>
            </Descriptions.Item>
            <Descriptions.Item label="Đại biểu tự điểm danh trên điện thoại">
              <Space wrap>{set.profile.chamber.selfCheckIn ? 'Cho phép' : 'Không (Văn phòng điểm danh)'}{mark(set, 'chamber.selfCheckIn')}</Space>
            </Descriptions.Item>
            <Descriptions.Item label="Công khai biểu quyết ghi danh theo tên">
              <Space wrap>{set.profile.chamber.publishNamedVotes ? 'Có (biểu quyết kín chỉ công khai tổng số)' : 'Không (chỉ công khai tổng số)'}{mark(set, 'chamber.publishNamedVotes')}</Space>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ))}
      {editing && <EditModal councilId={councilId} set={editing} onClose={() => setEditing(null)} onDone={view.reload} />}
    </Page>
  );
}

function EditModal(props: { councilId: string; set: RuleSet; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const p = props.set.profile;
  const initial = {
    ...Object.fromEntries(STEPS.map((s) => [s, p.leadTimes[s] ? { on: true, ...p.leadTimes[s] } : { on: false, value: 5, unit: 'days', direction: 'before', verified: false, source: '' }])),
    speech: p.speakingMinutes.speech, question: p.speakingMinutes.question, answer: p.speakingMinutes.answer, dueSoonWorkingDays: p.dueSoonWorkingDays,
    seats: p.chamber.seats, selfCheckIn: p.chamber.selfCheckIn, publishNamedVotes: p.chamber.publishNamedVotes,
  };
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const leadTimes = Object.fromEntries(STEPS.map((s) => {
      const r = v[s];
      return [s, r.on ? { value: r.value, unit: r.unit, anchor: 'session_opening', direction: r.direction, verified: !!r.verified, source: r.source?.trim() || 'Mặc định chưa kiểm chứng' } : null];
    }));
    const r = await api.put<{ recomputed: number }>(`/councils/${props.councilId}/session-profile`, {
      ruleSetKey: props.set.key,
      profile: { ...p, leadTimes, speakingMinutes: { speech: v.speech, question: v.question, answer: v.answer }, dueSoonWorkingDays: v.dueSoonWorkingDays, chamber: { seats: v.seats ?? null, selfCheckIn: !!v.selfCheckIn, publishNamedVotes: !!v.publishNamedVotes } },
    });
    message.success(r.recomputed ? `Đã lưu; tính lại hạn của ${r.recomputed} tài liệu.` : 'Đã lưu quy định chuẩn bị kỳ họp.');
    props.onDone();
    props.onClose();
  });
  return (
    <Modal open width={720} title="Sửa quy định chuẩn bị kỳ họp" onCancel={props.onClose} onOk={submit} okText="Lưu" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial}>
        {STEPS.map((s) => (
          <Card key={s} size="small" title={LEAD_TIME_STEP_LABELS[s]} style={{ marginBottom: 8 }} extra={<Form.Item name={[s, 'on']} valuePropName="checked" noStyle><Switch checkedChildren="Có hạn" unCheckedChildren="Không" /></Form.Item>}>
            <Space wrap align="start">
              <Form.Item name={[s, 'value']} label="Số"><InputNumber min={0} max={366} /></Form.Item>
              <Form.Item name={[s, 'unit']} label="Đơn vị"><Select style={{ width: 150 }} options={[{ value: 'days', label: 'ngày' }, { value: 'working_days', label: 'ngày làm việc' }]} /></Form.Item>
              <Form.Item name={[s, 'direction']} label="So với ngày khai mạc"><Select style={{ width: 110 }} options={[{ value: 'before', label: 'trước' }, { value: 'after', label: 'sau' }]} /></Form.Item>
              <Form.Item name={[s, 'source']} label="Căn cứ (Quy chế, điều, khoản)"><Input style={{ width: 240 }} maxLength={500} /></Form.Item>
              <Form.Item name={[s, 'verified']} valuePropName="checked" label=" "><Checkbox>Đã đối chiếu văn bản</Checkbox></Form.Item>
            </Space>
          </Card>
        ))}
        <Space wrap>
          <Form.Item name="speech" label="Phát biểu (phút)"><InputNumber min={1} max={120} /></Form.Item>
          <Form.Item name="question" label="Đặt câu hỏi (phút)"><InputNumber min={1} max={120} /></Form.Item>
          <Form.Item name="answer" label="Trả lời (phút)"><InputNumber min={1} max={120} /></Form.Item>
          <Form.Item name="dueSoonWorkingDays" label="Báo sắp đến hạn trước (ngày làm việc)"><InputNumber min={0} max={60} /></Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="seats" label="Số đại biểu theo luật định (để trống: theo các đơn vị bầu cử)"><InputNumber min={1} max={500} /></Form.Item>
          <Form.Item name="selfCheckIn" valuePropName="checked" label="Đại biểu tự điểm danh trên điện thoại"><Switch checkedChildren="Cho phép" unCheckedChildren="Không" /></Form.Item>
          <Form.Item name="publishNamedVotes" valuePropName="checked" label="Công khai biểu quyết ghi danh theo tên đại biểu (biểu quyết kín chỉ công khai tổng số)"><Switch checkedChildren="Công khai" unCheckedChildren="Không" data-testid="publish-named-votes" /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
