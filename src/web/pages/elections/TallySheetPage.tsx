// Biên bản kết quả kiểm phiếu (Mẫu số 23) of one polling area and one ballot, on a phone: every
// line of the form, the consistency checks computed as the team types (the same domain code as
// the server), the failing check named. Draft → sent to the Ban → locked; a correction after
// locking is a new version with its reason, the old one stays readable below.
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Collapse, Descriptions, Form, Input, InputNumber, List, Modal, Space, Tag } from 'antd';
import { checkTally, TALLY_CHECKS, TALLY_LINE_LABELS, type TallyFailure, type TallyFigures } from '../../../domain/elections/tally.ts';
import { ElectionRuleError } from '../../../domain/elections/errors.ts';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { useApi } from '../../lib/hooks.ts';
import { api } from '../../lib/api.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { BALLOT_LABELS, ROUND_LABELS, SHEET_STATE_COLORS, SHEET_STATE_LABELS, num } from './turnoutShared.tsx';
import { fmtPercent } from '../../lib/format.ts';

type Candidate = { id: string; name: string; birthDate: string; struckOff: boolean };
type Version = { id: string; version: number; state: string; figures: TallyFigures; form: Record<string, string | boolean>; overrides: Record<string, string>; reason: string; createdAt: string; lockedAt: string | null; failures: TallyFailure[] };
type FormData = {
  election: { id: string; name: string };
  area: { id: string; number: string; name: string; communeName: string; votersOnList: number; votersMale: number; votersFemale: number };
  unit: { id: string; number: number; name: string; ballotType: string; seats: number; candidates: Candidate[] };
  round: string;
  inventoryIdentity: 'issued' | 'received';
  canLock: boolean;
  sheet: { id: string; currentVersion: number; versions: Version[] } | null;
};

const NUMBER_FIELDS = ['votersOnList', 'votersMale', 'votersFemale', 'votersVoted', 'ballotsIssued', 'ballotsReceived', 'validBallots', 'invalidBallots'] as const;
const INVENTORY_FIELDS = ['supplied', 'spoiled', 'unused'] as const;
const TEXT_FIELDS: [string, string][] = [
  ['teamLeader', 'Tổ trưởng'], ['secretary', 'Thư ký'], ['members', 'Các Ủy viên'], ['boxCheckedAt', 'Giờ kiểm tra hòm phiếu trước khi bỏ phiếu'],
  ['boxWitnesses', 'Hai cử tri chứng kiến kiểm tra hòm phiếu'], ['votingClosedAt', 'Giờ kết thúc bỏ phiếu'], ['countWitnesses', 'Hai cử tri chứng kiến việc kiểm phiếu'], ['completedAt', 'Giờ hoàn thành biên bản'],
];

type Values = Record<string, unknown> & { votes?: Record<string, number | null>; overrides?: Record<string, string> };

function valuesOf(v: Version | undefined, area: FormData['area']): Values {
  if (!v) return { votersOnList: area.votersOnList, votersMale: area.votersMale, votersFemale: area.votersFemale, inventoryMade: false };
  const f = v.figures;
  return {
    ...Object.fromEntries(NUMBER_FIELDS.map((k) => [k, f[k] ?? null])),
    ...Object.fromEntries(INVENTORY_FIELDS.map((k) => [k, f.inventory?.[k] ?? null])),
    emptySlots: f.emptySlots ?? null,
    votes: Object.fromEntries(f.candidates.map((c) => [c.candidateId, c.votes])),
    ...v.form,
    overrides: v.overrides,
  };
}

function bodyOf(v: Values, candidates: Candidate[]) {
  const n = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : null);
  const inv = INVENTORY_FIELDS.every((k) => n(k) !== null) ? { supplied: n('supplied')!, spoiled: n('spoiled')!, unused: n('unused')! } : null;
  return {
    figures: {
      votersOnList: n('votersOnList'), votersMale: n('votersMale'), votersFemale: n('votersFemale'), votersVoted: n('votersVoted'), ballotsIssued: n('ballotsIssued'),
      ballotsReceived: n('ballotsReceived'), validBallots: n('validBallots'), invalidBallots: n('invalidBallots'), inventory: inv, emptySlots: n('emptySlots'),
      votes: Object.fromEntries(candidates.map((c) => [c.id, v.votes?.[c.id] ?? null])),
    },
    form: Object.fromEntries([...TEXT_FIELDS.map(([k]) => [k, String(v[k] ?? '')]), ['incidents', String(v.incidents ?? '')], ['inventoryMade', !!v.inventoryMade]]),
    overrides: Object.fromEntries(Object.entries(v.overrides ?? {}).filter(([, r]) => typeof r === 'string' && r.trim())),
  };
}

/** The domain's checks on what is typed so far; a missing line is named instead. */
function liveCheck(v: Values, d: FormData): { missing: string | null; failures: TallyFailure[] } {
  const b = bodyOf(v, d.unit.candidates);
  const f = b.figures;
  for (const k of ['votersOnList', 'votersVoted', 'ballotsIssued', 'ballotsReceived', 'validBallots', 'invalidBallots'] as const) {
    if (f[k] === null) return { missing: `Chưa nhập dòng "${TALLY_LINE_LABELS[k]}".`, failures: [] };
  }
  const missingVote = d.unit.candidates.find((c) => f.votes[c.id] === null);
  if (missingVote) return { missing: `Chưa nhập số phiếu bầu cho ${missingVote.name}.`, failures: [] };
  const figures: TallyFigures = {
    ballotType: d.unit.ballotType as TallyFigures['ballotType'], seats: d.unit.seats, votersOnList: f.votersOnList!, votersMale: f.votersMale, votersFemale: f.votersFemale,
    votersVoted: f.votersVoted!, ballotsIssued: f.ballotsIssued!, ballotsReceived: f.ballotsReceived!, validBallots: f.validBallots!, invalidBallots: f.invalidBallots!,
    inventory: f.inventory, emptySlots: f.emptySlots, candidates: d.unit.candidates.map((c) => ({ candidateId: c.id, name: c.name, votes: f.votes[c.id]! })),
  };
  try {
    return { missing: null, failures: checkTally(figures, { inventoryIdentity: d.inventoryIdentity }) };
  } catch (err) {
    if (err instanceof ElectionRuleError) return { missing: err.message, failures: [] };
    throw err;
  }
}

const checkLabel = (key: string) => TALLY_CHECKS.find((c) => c.key === key)?.label ?? key;

export function TallySheetPage() {
  const { councilId, areaId, ballotType } = useParams() as { councilId: string; areaId: string; ballotType: string };
  const [sp] = useSearchParams();
  const electionId = sp.get('electionId');
  const round = sp.get('round') ?? 'first';
  const base = `/councils/${councilId}/elections/${electionId}`;
  const data = useApi<FormData>(electionId ? `${base}/polling-areas/${areaId}/tally-sheets/${ballotType}` : null, { round });
  const [form] = Form.useForm<Values>();
  const [values, setValues] = useState<Values | null>(null);
  const [busy, setBusy] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [reason, setReason] = useState('');
  const d = data.data;
  const current = d?.sheet?.versions.at(-1);
  const editable = !current || current.state === 'draft' || correcting;
  const initial = useMemo(() => (d ? valuesOf(current, d.area) : {}), [d, current]);
  const live = d ? liveCheck(values ?? initial, d) : { missing: null, failures: [] };
  if (data.error) return <ErrorView error={data.error} />;
  if (!d) return <Loading />;

  const run = async (f: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await f();
      message.success(ok);
      setCorrecting(false);
      setReason('');
      setValues(null);
      data.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const body = () => bodyOf(form.getFieldsValue(true) as Values, d.unit.candidates);
  const save = () => run(() => api.put(`${base}/polling-areas/${areaId}/tally-sheets/${ballotType}?round=${round}`, body()), 'Đã lưu bản nháp biên bản.');
  const submit = () => run(() => api.post(`${base}/tally-sheets/${d.sheet!.id}/submit`, {}), 'Đã gửi biên bản cho Ban bầu cử.');
  const lock = () => run(() => api.post(`${base}/tally-sheets/${d.sheet!.id}/lock`, {}), 'Đã khóa sổ biên bản.');
  const correct = () => run(() => api.post(`${base}/tally-sheets/${d.sheet!.id}/versions`, { ...body(), reason }), 'Đã lập phiên bản đính chính.');
  const giveBack = () => {
    let why = '';
    Modal.confirm({
      title: 'Trả lại biên bản cho Tổ bầu cử',
      content: <Input.TextArea aria-label="Lý do trả lại" rows={3} onChange={(e) => (why = e.target.value)} />,
      okText: 'Trả lại',
      cancelText: 'Hủy',
      onOk: () => run(() => api.post(`${base}/tally-sheets/${d.sheet!.id}/return`, { reason: why }), 'Đã trả lại biên bản.'),
    });
  };
  const numberItem = (k: string, label: string) => (
    <Form.Item key={k} name={k} label={label} style={{ marginBottom: 12 }}>
      <InputNumber aria-label={label} min={0} style={{ width: '100%' }} inputMode="numeric" disabled={!editable} />
    </Form.Item>
  );
  const v = values ?? initial;
  const valid = typeof v.validBallots === 'number' ? v.validBallots : 0;
  return (
    <Page
      title={`Biên bản kết quả kiểm phiếu: ${d.area.name}`}
      subtitle={`Phiếu bầu ${BALLOT_LABELS[d.unit.ballotType]} · ${d.unit.name} · ${d.unit.seats} đại biểu được bầu · ${ROUND_LABELS[d.round]}`}
      crumbs={[{ title: 'Cử tri đi bầu', to: `/councils/${councilId}/election-day?electionId=${electionId}` }, { title: d.area.name, to: `/councils/${councilId}/election-day/areas/${areaId}?electionId=${electionId}` }, { title: 'Mẫu số 23' }]}
    >
      {current && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag color={SHEET_STATE_COLORS[current.state]}>{SHEET_STATE_LABELS[current.state]}</Tag>
          <span>Phiên bản {current.version}</span>
          {current.reason && <span>Lý do đính chính: {current.reason}</span>}
        </Space>
      )}
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message="Nhất thiết không được tẩy xóa trên biên bản: biên bản đã khóa sổ chỉ được đính chính bằng phiên bản mới có lý do." />
      <Form form={form} layout="vertical" initialValues={initial} key={`${current?.id ?? 'new'}-${correcting}`} onValuesChange={(_, all) => setValues(all as Values)}>
        <Card title="Số liệu" size="small" style={{ marginBottom: 12 }}>
          {NUMBER_FIELDS.map((k) => numberItem(k, TALLY_LINE_LABELS[k]))}
          <div style={{ color: '#6b7280', marginBottom: 12 }}>
            Tỷ lệ cử tri đã bỏ phiếu: {fmtPercent(typeof v.votersVoted === 'number' && typeof v.votersOnList === 'number' && v.votersOnList ? (v.votersVoted * 100) / v.votersOnList : null)} ·
            phiếu hợp lệ: {fmtPercent(typeof v.ballotsReceived === 'number' && v.ballotsReceived ? (valid * 100) / v.ballotsReceived : null)} số phiếu thu vào
          </div>
        </Card>
        <Card title="Số phiếu bầu cho mỗi người ứng cử" size="small" style={{ marginBottom: 12 }}>
          {d.unit.candidates.map((c) => (
            <Form.Item key={c.id} name={['votes', c.id]} label={`${c.name}${c.struckOff ? ' (đã bị xóa tên: không tính)' : ''}`} style={{ marginBottom: 12 }}
              extra={typeof v.votes?.[c.id] === 'number' && valid ? `được ${num(v.votes[c.id])}/${num(valid)} phiếu hợp lệ (${fmtPercent(((v.votes[c.id] as number) * 100) / valid)})` : undefined}>
              <InputNumber aria-label={`Số phiếu bầu cho ${c.name}`} min={0} style={{ width: '100%' }} inputMode="numeric" disabled={!editable} />
            </Form.Item>
          ))}
          {numberItem('emptySlots', TALLY_LINE_LABELS.emptySlots)}
        </Card>
        <Card title="Kiểm kê phiếu (Mẫu số 32)" size="small" style={{ marginBottom: 12 }}>
          {INVENTORY_FIELDS.map((k) => numberItem(k, TALLY_LINE_LABELS[k]))}
          <Form.Item name="inventoryMade" valuePropName="checked"><Checkbox disabled={!editable}>Đã lập biên bản kiểm kê, sử dụng phiếu bầu</Checkbox></Form.Item>
        </Card>
        <Card size="small" style={{ marginBottom: 12 }} title={live.failures.length ? `Kiểm tra số liệu: ${live.failures.length} điểm không khớp` : 'Kiểm tra số liệu'}>
          {live.missing ? <Alert type="info" message={live.missing} /> : live.failures.length === 0 ? <Alert type="success" showIcon message="Các số liệu khớp nhau." /> : (
            <List
              dataSource={live.failures}
              renderItem={(x) => (
                <List.Item>
                  <div style={{ width: '100%' }}>
                    <Alert type="error" showIcon message={checkLabel(x.check)} description={x.message} />
                    <Form.Item name={['overrides', x.check]} label="Lý do vẫn khóa sổ dù không khớp (nếu có)" style={{ marginTop: 8, marginBottom: 0 }}>
                      <Input aria-label={`Lý do bỏ qua: ${checkLabel(x.check)}`} disabled={!editable} />
                    </Form.Item>
                  </div>
                </List.Item>
              )}
            />
          )}
        </Card>
        <Collapse style={{ marginBottom: 12 }} items={[{ key: 'people', label: 'Thành phần, thời gian, người chứng kiến, sự việc bất thường', children: (
          <>
            {TEXT_FIELDS.map(([k, label]) => <Form.Item key={k} name={k} label={label}><Input aria-label={label} disabled={!editable} /></Form.Item>)}
            <Form.Item name="incidents" label="Những sự việc bất thường, khiếu nại, tố cáo và kết quả giải quyết"><Input.TextArea aria-label="Sự việc bất thường" rows={3} disabled={!editable} /></Form.Item>
          </>
        ) }]} />
      </Form>
      {correcting && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form.Item label="Lý do đính chính" required><Input.TextArea aria-label="Lý do đính chính" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} /></Form.Item>
        </Card>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        {editable && !correcting && <Button type="primary" onClick={save} loading={busy}>Lưu bản nháp</Button>}
        {current?.state === 'draft' && !correcting && <Button onClick={submit} loading={busy} disabled={!!values}>Gửi Ban bầu cử</Button>}
        {current?.state === 'submitted' && d.canLock && <Button type="primary" onClick={lock} loading={busy}>Khóa sổ</Button>}
        {current?.state === 'submitted' && d.canLock && <Button onClick={giveBack}>Trả lại Tổ bầu cử</Button>}
        {current?.state === 'locked' && !correcting && <Button onClick={() => setCorrecting(true)}>Lập phiên bản đính chính</Button>}
        {correcting && <Button type="primary" onClick={correct} loading={busy}>Lưu phiên bản đính chính</Button>}
        {correcting && <Button onClick={() => setCorrecting(false)}>Hủy</Button>}
      </Space>
      {values && current?.state === 'draft' && <div style={{ color: '#ad6800', marginBottom: 12 }}>Có thay đổi chưa lưu: hãy lưu bản nháp trước khi gửi.</div>}
      {d.sheet && d.sheet.versions.length > 1 && (
        <Card title="Các phiên bản" size="small">
          <List
            dataSource={[...d.sheet.versions].reverse()}
            renderItem={(ver) => (
              <List.Item>
                <Descriptions size="small" column={1} title={<Space><span>Phiên bản {ver.version}</span><Tag color={SHEET_STATE_COLORS[ver.state]}>{SHEET_STATE_LABELS[ver.state]}</Tag></Space>}
                  items={[
                    ...(ver.reason ? [{ key: 'r', label: 'Lý do đính chính', children: ver.reason }] : []),
                    { key: 'v', label: 'Số phiếu', children: ver.figures.candidates.map((c) => `${c.name}: ${num(c.votes)}`).join('; ') },
                    { key: 'f', label: 'Kiểm tra', children: ver.failures.length ? ver.failures.map((x) => checkLabel(x.check)).join('; ') : 'Khớp' },
                  ]} />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Page>
  );
}
