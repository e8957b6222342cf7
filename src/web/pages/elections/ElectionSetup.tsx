// The setup screens of an election (Ủy ban bầu cử, UBND xã): create and edit the election, its
// electoral units, polling areas, election bodies and their members; enter a voter by hand; import
// a voter list through the shared import wizard; record, answer and follow complaints (voter lists
// and results) with their due dates computed by the server and the overdue ones marked. Every form
// shows the server's Vietnamese message on the field it concerns.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../../lib/api.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { useApi, useFormSubmit, usePagedTable } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ImportWizard, type ImportField, type ImportPlanBase } from '../../components/ImportWizard.tsx';

export const BALLOT: Record<string, string> = { na: 'Quốc hội', province: 'HĐND tỉnh', commune: 'HĐND xã' };
export const AREA_KIND: Record<string, string> = { ordinary: 'Thông thường', military: 'Đơn vị vũ trang', hospital: 'Bệnh viện', careHome: 'Cơ sở chăm sóc', detention: 'Cơ sở giam giữ' };
const BODY_KIND: Record<string, string> = { electionCommittee: 'Ủy ban bầu cử', unitBoard: 'Ban bầu cử', pollingTeam: 'Tổ bầu cử' };
const POSITION: Record<string, string> = { chair: 'Trưởng (Chủ tịch)', viceChair: 'Phó', secretary: 'Thư ký', member: 'Ủy viên' };
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const opts = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** One modal form: submit → the call; a 422 lands on its fields; success closes and reloads. */
function FormModal<V extends object>(props: { title: string; open: boolean; onClose(): void; onSaved(): void; initial?: Partial<V>; submit(v: V): Promise<unknown>; okText?: string; children: React.ReactNode; success: string }) {
  const [form] = Form.useForm<V>();
  const [ok, busy] = useFormSubmit(form, async (v) => {
    await props.submit(v);
    message.success(props.success);
    props.onSaved();
    props.onClose();
  }, {
    // A 422 about a field shows on that field (also one not shown now: getFieldsValue(true)) with
    // this form's own message; anything else (a rule of the law, a conflict) in a notice with the
    // server's Vietnamese message.
    onError: (err) => {
      if (err instanceof ApiError && err.status === 422) {
        const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
        const fields = err.fieldIssues.filter((i) => i.path && known.has(i.path.split('.')[0]!)).map((i) => ({ name: i.path.split('.')[0]! as never, errors: [i.message] }));
        if (fields.length) {
          form.setFields(fields);
          message.error('Dữ liệu chưa hợp lệ: xem các ô được đánh dấu đỏ.');
          return true;
        }
      }
      showError(err);
      return true;
    },
  });
  return (
    <Modal title={props.title} open={props.open} onCancel={props.onClose} onOk={ok} okText={props.okText ?? 'Lưu'} cancelText="Hủy" confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={props.initial as never} preserve={false}>{props.children}</Form>
    </Modal>
  );
}

const req = (label: string) => [{ required: true, message: `Chưa nhập ${label.toLowerCase()}.` }];

export interface ElectionRow { id: string; name: string; electionDay: string; ballotTypes: string[]; note: string; councilId: string }

export function ElectionForm(props: { councilId: string; election?: ElectionRow; open: boolean; onClose(): void; onSaved(id?: string): void }) {
  const e = props.election;
  let created: string | undefined;
  return (
    <FormModal<{ name: string; electionDay?: Dayjs; ballotTypes: string[]; note?: string }>
      title={e ? 'Sửa cuộc bầu cử' : 'Tạo cuộc bầu cử'} open={props.open} onClose={props.onClose} onSaved={() => props.onSaved(created)}
      success={e ? 'Đã lưu cuộc bầu cử.' : 'Đã tạo cuộc bầu cử.'}
      initial={e ? { name: e.name, ballotTypes: e.ballotTypes, note: e.note } : { ballotTypes: ['na', 'province', 'commune'] }}
      submit={async (v) => {
        if (e) return api.patch(`/councils/${props.councilId}/elections/${e.id}`, { name: v.name, ballotTypes: v.ballotTypes, note: v.note ?? '' });
        const r = await api.post<{ id: string }>(`/councils/${props.councilId}/elections`, { name: v.name, electionDay: iso(v.electionDay), ballotTypes: v.ballotTypes, note: v.note ?? '' });
        created = r.id;
        return r;
      }}>
      <Form.Item name="name" label="Tên cuộc bầu cử" rules={req('Tên cuộc bầu cử')}><Input placeholder="Bầu cử đại biểu Quốc hội và đại biểu HĐND các cấp" /></Form.Item>
      {!e && <Form.Item name="electionDay" label="Ngày bầu cử" rules={[{ required: true, message: 'Chưa chọn ngày bầu cử.' }]} extra="Lịch bầu cử (các mốc thời hạn) được tính từ ngày bầu cử, không lùi vào ngày nghỉ."><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>}
      {e && <div style={{ marginBottom: 12 }}>Ngày bầu cử: <b>{fmtDate(e.electionDay)}</b></div>}
      <Form.Item name="ballotTypes" label="Bầu đại biểu" rules={[{ required: true, message: 'Cần chọn ít nhất một loại phiếu bầu.' }]}><Checkbox.Group options={opts(BALLOT)} /></Form.Item>
      <Form.Item name="note" label="Ghi chú"><Input.TextArea rows={2} /></Form.Item>
    </FormModal>
  );
}

export interface UnitRow { id: string; ballotType: string; number: number; name: string; seats: number; resolution: string; description: string; councilId: string }

export function UnitForm(props: { base: string; ballotTypes: string[]; unit?: UnitRow; open: boolean; onClose(): void; onSaved(): void }) {
  const u = props.unit;
  return (
    <FormModal<{ ballotType: string; number: number; name: string; seats: number; resolution?: string }>
      title={u ? `Sửa ${u.name}` : 'Thêm đơn vị bầu cử'} open={props.open} onClose={props.onClose} onSaved={props.onSaved} success={u ? 'Đã lưu đơn vị bầu cử.' : 'Đã thêm đơn vị bầu cử.'}
      initial={u ? { name: u.name, seats: u.seats, resolution: u.resolution } : { ballotType: props.ballotTypes.includes('commune') ? 'commune' : props.ballotTypes[0], number: 1 }}
      submit={(v) => (u ? api.patch(`${props.base}/units/${u.id}`, { name: v.name, seats: v.seats, resolution: v.resolution ?? '' }) : api.post(`${props.base}/units`, { ...v, resolution: v.resolution ?? '' }))}>
      {!u && <Form.Item name="ballotType" label="Bầu đại biểu" rules={req('Loại phiếu bầu')}><Radio.Group options={props.ballotTypes.map((b) => ({ value: b, label: BALLOT[b] }))} /></Form.Item>}
      {!u && <Form.Item name="number" label="Số đơn vị bầu cử" rules={req('Số đơn vị bầu cử')}><InputNumber min={1} max={1000} style={{ width: '100%' }} /></Form.Item>}
      <Form.Item name="name" label="Tên đơn vị bầu cử" rules={req('Tên đơn vị bầu cử')}><Input placeholder="Đơn vị bầu cử số 1" /></Form.Item>
      <Form.Item name="seats" label="Số đại biểu được bầu" rules={req('Số đại biểu được bầu')} extra="Theo nghị quyết của Ủy ban bầu cử; mỗi đơn vị HĐND không quá 5 đại biểu."><InputNumber min={1} max={100} style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="resolution" label="Nghị quyết ấn định đơn vị bầu cử"><Input placeholder="05/NQ-UBBC" /></Form.Item>
    </FormModal>
  );
}

export interface AreaRow { id: string; number: number; name: string; kind: string; hamlets: string; councilId: string }

export function AreaForm(props: { base: string; units: UnitRow[]; area?: AreaRow; open: boolean; onClose(): void; onSaved(): void }) {
  const a = props.area;
  const unitOpts = (b: string) => props.units.filter((u) => u.ballotType === b).map((u) => ({ value: u.id, label: `Số ${u.number} — ${u.name}` }));
  return (
    <FormModal<{ number: number; name: string; kind: string; hamlets?: string; naUnitId?: string; provinceUnitId?: string; communeUnitId?: string }>
      title={a ? `Sửa khu vực bỏ phiếu số ${a.number}` : 'Thêm khu vực bỏ phiếu'} open={props.open} onClose={props.onClose} onSaved={props.onSaved} success={a ? 'Đã lưu khu vực bỏ phiếu.' : 'Đã thêm khu vực bỏ phiếu.'}
      initial={a ? { name: a.name, kind: a.kind, hamlets: a.hamlets } : { kind: 'ordinary', number: 1 }}
      submit={(v) => (a ? api.patch(`${props.base}/areas/${a.id}`, { name: v.name, kind: v.kind, hamlets: v.hamlets ?? '' }) : api.post(`${props.base}/areas`, { ...v, hamlets: v.hamlets ?? '', naUnitId: v.naUnitId ?? null, provinceUnitId: v.provinceUnitId ?? null, communeUnitId: v.communeUnitId ?? null }))}>
      {!a && <Form.Item name="number" label="Số khu vực bỏ phiếu" rules={req('Số khu vực bỏ phiếu')}><InputNumber min={1} max={10000} style={{ width: '100%' }} /></Form.Item>}
      <Form.Item name="name" label="Tên khu vực bỏ phiếu (nơi bỏ phiếu)" rules={req('Tên khu vực bỏ phiếu')}><Input placeholder="Nhà văn hóa tổ dân phố 1" /></Form.Item>
      <Form.Item name="kind" label="Loại khu vực"><Select options={opts(AREA_KIND)} /></Form.Item>
      <Form.Item name="hamlets" label="Thôn, tổ dân phố"><Input placeholder="Tổ dân phố 1, Tổ dân phố 2" /></Form.Item>
      {!a && <>
        <Form.Item name="communeUnitId" label="Đơn vị bầu cử HĐND xã"><Select allowClear options={unitOpts('commune')} placeholder="Chọn đơn vị" /></Form.Item>
        <Form.Item name="provinceUnitId" label="Đơn vị bầu cử HĐND tỉnh"><Select allowClear options={unitOpts('province')} placeholder="Chọn đơn vị" /></Form.Item>
        <Form.Item name="naUnitId" label="Đơn vị bầu cử đại biểu Quốc hội"><Select allowClear options={unitOpts('na')} placeholder="Chọn đơn vị" /></Form.Item>
      </>}
    </FormModal>
  );
}

interface Member { id: string; fullName: string; position: string; organization: string; userId: string | null }
interface BodyRow { id: string; kind: string; name: string; decision: string; electoralUnitId: string | null; pollingAreaId: string | null; members: Member[] }

export function BodiesTab({ base, clerk, units, areas }: { base: string; clerk: boolean; units: UnitRow[]; areas: AreaRow[] }) {
  const bodies = usePagedTable<BodyRow>(`${base}/bodies`);
  const [edit, setEdit] = useState<BodyRow | 'new' | null>(null);
  const [memberOf, setMemberOf] = useState<BodyRow | null>(null);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const areaName = new Map(areas.map((a) => [a.id, `Khu vực bỏ phiếu số ${a.number}`]));
  return (
    <>
      {clerk && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEdit('new')}>Thành lập Ủy ban, Ban, Tổ bầu cử</Button>}
      <ResponsiveTable<BodyRow> rowKey="id" size="small" {...bodies.tableProps} locale={{ emptyText: 'Chưa có tổ chức phụ trách bầu cử nào.' }} columns={[
        { title: 'Tổ chức', dataIndex: 'name', render: (n: string, b) => <div><b>{n}</b><div style={{ color: '#6b7280', fontSize: 12 }}>{BODY_KIND[b.kind]}{b.electoralUnitId ? ` · ${unitName.get(b.electoralUnitId) ?? ''}` : ''}{b.pollingAreaId ? ` · ${areaName.get(b.pollingAreaId) ?? ''}` : ''}{b.decision ? ` · QĐ ${b.decision}` : ''}</div></div> },
        { title: 'Thành viên', dataIndex: 'members', render: (m: Member[]) => (m.length ? m.map((x) => <div key={x.id}>{x.fullName} <span style={{ color: '#6b7280' }}>({POSITION[x.position]})</span>{x.userId && <Tag style={{ marginLeft: 4 }} color="blue">có tài khoản</Tag>}</div>) : <span style={{ color: '#9ca3af' }}>Chưa có</span>) },
        ...(clerk ? [{ key: 'actions', title: '', width: 200, render: (_: unknown, b: BodyRow) => <Space wrap><Button size="small" onClick={() => setMemberOf(b)}>Thêm thành viên</Button><Button size="small" onClick={() => setEdit(b)}>Sửa</Button></Space> }] : []),
      ]} />
      {edit && <BodyForm base={base} units={units} areas={areas} body={edit === 'new' ? undefined : edit} open onClose={() => setEdit(null)} onSaved={bodies.reload} />}
      {memberOf && <MemberForm base={base} body={memberOf} open onClose={() => setMemberOf(null)} onSaved={bodies.reload} />}
    </>
  );
}

function BodyForm(props: { base: string; units: UnitRow[]; areas: AreaRow[]; body?: BodyRow; open: boolean; onClose(): void; onSaved(): void }) {
  const b = props.body;
  const [kind, setKind] = useState('pollingTeam');
  return (
    <FormModal<{ kind: string; name: string; decision?: string; electoralUnitId?: string; pollingAreaId?: string }>
      title={b ? `Sửa ${b.name}` : 'Thành lập tổ chức phụ trách bầu cử'} open={props.open} onClose={props.onClose} onSaved={props.onSaved} success={b ? 'Đã lưu.' : 'Đã thành lập.'}
      initial={b ? { name: b.name, decision: b.decision } : { kind: 'pollingTeam' }}
      submit={(v) => (b ? api.patch(`${props.base}/bodies/${b.id}`, { name: v.name, decision: v.decision ?? '' }) : api.post(`${props.base}/bodies`, { kind: v.kind, name: v.name, decision: v.decision ?? '', electoralUnitId: v.electoralUnitId ?? null, pollingAreaId: v.pollingAreaId ?? null }))}>
      {!b && <Form.Item name="kind" label="Loại"><Radio.Group options={opts(BODY_KIND)} onChange={(e) => setKind(e.target.value as string)} /></Form.Item>}
      {!b && kind === 'unitBoard' && <Form.Item name="electoralUnitId" label="Đơn vị bầu cử" rules={[{ required: true, message: 'Ban bầu cử phải gắn với một đơn vị bầu cử.' }]}><Select options={props.units.map((u) => ({ value: u.id, label: `${BALLOT[u.ballotType]} · số ${u.number} — ${u.name}` }))} /></Form.Item>}
      {!b && kind === 'pollingTeam' && <Form.Item name="pollingAreaId" label="Khu vực bỏ phiếu" rules={[{ required: true, message: 'Tổ bầu cử phải gắn với một khu vực bỏ phiếu.' }]}><Select options={props.areas.map((a) => ({ value: a.id, label: `Số ${a.number} — ${a.name}` }))} /></Form.Item>}
      <Form.Item name="name" label="Tên" rules={req('Tên')}><Input placeholder="Tổ bầu cử khu vực bỏ phiếu số 1" /></Form.Item>
      <Form.Item name="decision" label="Quyết định thành lập"><Input placeholder="21/QĐ-UBND" /></Form.Item>
    </FormModal>
  );
}

function MemberForm(props: { base: string; body: BodyRow; open: boolean; onClose(): void; onSaved(): void }) {
  const accounts = useApi<{ items: { id: string; fullName: string; username: string }[] }>(`${props.base}/member-accounts`, { pageSize: 200 });
  return (
    <FormModal<{ fullName: string; position: string; organization?: string; userId?: string }>
      title={`Thêm thành viên: ${props.body.name}`} open={props.open} onClose={props.onClose} onSaved={props.onSaved} success="Đã thêm thành viên." initial={{ position: 'member' }}
      submit={(v) => api.post(`${props.base}/bodies/${props.body.id}/members`, { ...v, organization: v.organization ?? '', userId: v.userId ?? null })}>
      <Form.Item name="fullName" label="Họ và tên" rules={req('Họ và tên')}><Input /></Form.Item>
      <Form.Item name="position" label="Chức vụ"><Select options={opts(POSITION)} /></Form.Item>
      <Form.Item name="organization" label="Cơ quan, tổ chức"><Input /></Form.Item>
      <Form.Item name="userId" label="Tài khoản (để nhập số liệu của Tổ, Ban)" extra="Chỉ tài khoản có vai trò thành viên tổ chức phụ trách bầu cử của hội đồng này.">
        <Select allowClear showSearch optionFilterProp="label" placeholder="Không gắn tài khoản" options={(accounts.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }))} />
      </Form.Item>
    </FormModal>
  );
}

/** A birth date as typed: dd/mm/yyyy or a year (Mẫu 31 allows the year alone). */
const BIRTH = /^\s*(\d{1,2}\/\d{1,2}\/\d{4}|\d{4})\s*$/;
const birthIso = (t: string) => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : t.trim();
};

export function VoterForm(props: { base: string; areaId: string; posted: boolean; open: boolean; onClose(): void; onSaved(): void }) {
  return (
    <FormModal<{ fullName: string; birthDate: string; sex: string; citizenId?: string; ethnicity?: string; residenceKind: string; residenceSince?: Dayjs; permanentAddress?: string; temporaryAddress?: string; status: string; reason?: string }>
      title="Ghi tên cử tri" open={props.open} onClose={props.onClose} onSaved={props.onSaved} success="Đã ghi tên cử tri vào danh sách." okText="Ghi tên"
      initial={{ sex: 'male', residenceKind: 'permanent', status: 'none', ethnicity: 'Kinh' }}
      submit={(v) => api.post(`${props.base}/areas/${props.areaId}/voters`, {
        fullName: v.fullName, birthDate: birthIso(v.birthDate), sex: v.sex, citizenId: v.citizenId || null, ethnicity: v.ethnicity ?? '', residenceKind: v.residenceKind,
        residenceSince: iso(v.residenceSince) ?? null, permanentAddress: v.permanentAddress ?? '', temporaryAddress: v.temporaryAddress ?? '', status: v.status, ...(v.reason ? { reason: v.reason } : {}),
      })}>
      {props.posted && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="Danh sách đã niêm yết: ghi thêm là bổ sung, cần ghi lý do." />}
      <Form.Item name="fullName" label="Họ và tên" rules={req('Họ và tên')}><Input /></Form.Item>
      <Space wrap style={{ width: '100%' }} size={12}>
        <Form.Item name="birthDate" label="Ngày sinh (ngày/tháng/năm, hoặc chỉ năm)" rules={[...req('Ngày sinh'), { pattern: BIRTH, message: 'Ngày sinh phải có dạng ngày/tháng/năm (ví dụ 20/05/1985) hoặc chỉ năm sinh (ví dụ 1985).' }]}><Input placeholder="20/05/1985" style={{ width: 220 }} /></Form.Item>
        <Form.Item name="sex" label="Giới tính"><Radio.Group options={[{ value: 'male', label: 'Nam' }, { value: 'female', label: 'Nữ' }]} /></Form.Item>
      </Space>
      <Form.Item name="citizenId" label="Số Căn cước"><Input inputMode="numeric" placeholder="12 chữ số" /></Form.Item>
      <Form.Item name="ethnicity" label="Dân tộc"><Input /></Form.Item>
      <Form.Item name="residenceKind" label="Cư trú"><Radio.Group options={[{ value: 'permanent', label: 'Thường trú' }, { value: 'temporary', label: 'Tạm trú' }]} /></Form.Item>
      <Form.Item name="residenceSince" label="Tạm trú từ ngày (nếu tạm trú)"><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="permanentAddress" label="Nơi thường trú"><Input /></Form.Item>
      <Form.Item name="temporaryAddress" label="Nơi tạm trú"><Input /></Form.Item>
      <Form.Item name="status" label="Trường hợp đặc biệt"><Select options={[
        { value: 'none', label: 'Không' }, { value: 'soldier', label: 'Quân nhân bỏ phiếu tại đơn vị' }, { value: 'detainee', label: 'Người đang bị tạm giam, tạm giữ' },
        { value: 'quarantined', label: 'Đang cách ly' }, { value: 'inHospital', label: 'Đang điều trị tại bệnh viện' }, { value: 'voteElsewhereCertificate', label: 'Có Giấy chứng nhận bỏ phiếu nơi khác' },
      ]} /></Form.Item>
      {props.posted && <Form.Item name="reason" label="Lý do bổ sung" rules={req('Lý do')}><Input /></Form.Item>}
    </FormModal>
  );
}

interface VoterPreview { row: number; fullName: string; birthDate: string; areaNumber: number; ballots: string }
interface VoterPlan extends ImportPlanBase<VoterPreview> { byArea: Record<string, number>; created?: number }
const VOTER_FIELDS: ImportField[] = [
  { key: 'area', label: 'Khu vực bỏ phiếu', hint: 'số khu vực (bỏ trống nếu nhập vào khu vực đã chọn)' },
  { key: 'fullName', label: 'Họ và tên', required: true }, { key: 'birthDate', label: 'Ngày sinh', required: true, hint: 'ngày/tháng/năm hoặc chỉ năm' },
  { key: 'sex', label: 'Giới tính', hint: 'Nam hoặc Nữ' }, { key: 'male', label: 'Nam', hint: 'đánh dấu x' }, { key: 'female', label: 'Nữ', hint: 'đánh dấu x' },
  { key: 'citizenId', label: 'Số Căn cước' }, { key: 'ethnicity', label: 'Dân tộc' }, { key: 'permanentAddress', label: 'Thường trú' }, { key: 'temporaryAddress', label: 'Tạm trú' },
  { key: 'currentAddress', label: 'Nơi ở hiện tại' }, { key: 'residenceSince', label: 'Tạm trú từ ngày' }, { key: 'residenceKind', label: 'Loại cư trú' },
  { key: 'status', label: 'Tình trạng đặc biệt' }, { key: 'household', label: 'Hộ' }, { key: 'place', label: 'Quê quán' }, { key: 'note', label: 'Ghi chú' },
];

export function VoterImportModal(props: { base: string; areaId: string; areaLabel: string; open: boolean; onClose(): void; onImported(): void }) {
  const [busy, setBusy] = useState(false);
  const close = () => { if (!busy) props.onClose(); };
  return (
    <Modal title={`Nhập danh sách cử tri từ Excel — ${props.areaLabel}`} open={props.open} onCancel={close} footer={null} width={960} destroyOnHidden maskClosable={!busy}>
      <ImportWizard<VoterPreview, VoterPlan>
        endpoint={`${props.base}/voters/import`} extraFields={{ areaId: props.areaId }} progressEndpoint={`${props.base}/voters/import-progress`}
        fields={VOTER_FIELDS} onDone={() => props.onImported()} onBusyChange={setBusy}
        uploadText="Bấm hoặc kéo thả tệp .csv, .xlsx vào đây"
        uploadHint="Dòng đầu là tiêu đề cột (Họ và tên, Ngày sinh, Giới tính hoặc Nam/Nữ, Số Căn cước, Dân tộc, Thường trú, Tạm trú…). Tất cả các dòng được ghi hoặc không dòng nào; chữ TCVN3, VNI được tự chuyển sang Unicode."
        mappingIntro={(plan, fileName) => `Tệp "${fileName}" có ${plan.total} dòng dữ liệu và ${plan.headers.length} cột. Hãy kiểm tra cột nào trong tệp ứng với từng thông tin.`}
        warnMissing
        stats={(plan, errorCount) => <div>Số dòng: <b>{plan.total}</b> · Số lỗi: <b style={{ color: errorCount ? '#a8071a' : undefined }}>{errorCount}</b></div>}
        errorsTitle={(k) => `Tệp có ${k} lỗi. Chưa ghi cử tri nào; hãy sửa tệp (hoặc cách ghép cột) rồi thử lại.`}
        noErrorsTitle="Không phát hiện lỗi. Có thể ghi vào danh sách cử tri."
        previewColumns={[
          { title: 'Dòng', dataIndex: 'row', width: 70 }, { title: 'Họ và tên', dataIndex: 'fullName' }, { title: 'Ngày sinh', dataIndex: 'birthDate', width: 120, render: (d: string) => (d.length === 4 ? d : d.split('-').reverse().join('/')) },
          { title: 'KVBP', dataIndex: 'areaNumber', width: 70 }, { title: 'QH · Tỉnh · Xã', dataIndex: 'ballots', width: 120 },
        ]}
        commitCount={(p) => (p.errors.length ? 0 : p.total)} commitLabel={(p) => (p.errors.length ? 'Còn lỗi, chưa ghi được' : `Ghi ${p.total} cử tri`)}
        successMessage={(r) => `Đã ghi ${r.created ?? r.total} cử tri vào danh sách.`}
        renderDone={(done, reset) => (
          <Alert type="success" showIcon message={`Đã ghi ${done.created ?? done.total} cử tri vào danh sách.`} action={<Space><Button onClick={reset}>Nhập tệp khác</Button><Button type="primary" onClick={close}>Đóng</Button></Space>} />
        )}
      />
    </Modal>
  );
}

interface VlComplaint { id: string; pollingAreaId: string; areaNumber: number; areaName: string; complainant: string; content: string; receivedOn: string; answerDue: string; state: string; answer: string; answeredOn: string | null; overdue: boolean; late: boolean; rule: string }
interface RcComplaint { id: string; complainant: string; content: string; receivedOn: string; state: string; decision: string; decidedOn: string | null; ballotType: string; unitName: string | null; overdue: boolean; timing: { fileBy: string; inTime: boolean; decideBy: string | null; reason: string } | null }
interface Minutes { id: string; scope: string; ballotType: string; unitName: string | null; publishedOn: string }

const dueTag = (due: string | null, overdue: boolean, done: boolean, late: boolean) => (
  done ? <Tag color={late ? 'orange' : 'green'}>{late ? 'Đã trả lời, quá hạn' : 'Đã trả lời đúng hạn'}</Tag>
    : overdue ? <Tag color="red">Quá hạn{due ? ` (hạn ${fmtDate(due)})` : ''}</Tag>
      : due ? <Tag color="blue">Hạn {fmtDate(due)}</Tag> : null
);

export function ComplaintsTab({ base, areas, canResults }: { base: string; areas: AreaRow[]; canResults: boolean }) {
  const [state, setState] = useState<string | undefined>('open');
  const list = usePagedTable<VlComplaint>(`${base}/voter-list-complaints`, { state });
  const [fileOpen, setFileOpen] = useState(false);
  const [answer, setAnswer] = useState<VlComplaint | null>(null);
  const overdue = (list.tableProps.dataSource ?? []).filter((c) => c.overdue).length;
  return (
    <>
      <Card size="small" title="Khiếu nại về danh sách cử tri" style={{ marginBottom: 16 }} extra={<Button type="primary" onClick={() => setFileOpen(true)}>Ghi nhận khiếu nại</Button>}>
        <div style={{ color: '#6b7280', fontSize: 12, marginBottom: 8 }}>Khiếu nại trong 30 ngày kể từ ngày niêm yết; trả lời trong 05 ngày kể từ ngày nhận (Luật Bầu cử, Điều 33; thời hạn lấy từ bộ quy định áp dụng cho ngày bầu cử).</div>
        <Space wrap style={{ marginBottom: 8 }}>
          <Radio.Group value={state ?? 'all'} onChange={(e) => setState(e.target.value === 'all' ? undefined : (e.target.value as string))} optionType="button" options={[{ value: 'open', label: 'Chưa trả lời' }, { value: 'answered', label: 'Đã trả lời' }, { value: 'all', label: 'Tất cả' }]} />
          {overdue > 0 && <Tag color="red">{overdue} khiếu nại quá hạn trả lời</Tag>}
        </Space>
        <ResponsiveTable<VlComplaint> rowKey="id" size="small" {...list.tableProps} locale={{ emptyText: 'Không có khiếu nại.' }} columns={[
          { title: 'Khiếu nại', dataIndex: 'content', render: (t: string, c) => <div><b>{c.complainant}</b> · KVBP số {c.areaNumber}<div>{t}</div>{c.answer && <div style={{ color: '#237804' }}>Trả lời ngày {fmtDate(c.answeredOn!)}: {c.answer}</div>}</div> },
          { title: 'Ngày nhận', dataIndex: 'receivedOn', width: 110, render: (d: string) => fmtDate(d) },
          { title: 'Hạn trả lời', dataIndex: 'answerDue', width: 190, render: (d: string, c) => dueTag(d, c.overdue, c.state === 'answered', c.late) },
          { key: 'actions', title: '', width: 110, render: (_: unknown, c) => (c.state === 'open' ? <Button size="small" onClick={() => setAnswer(c)}>Trả lời</Button> : null) },
        ]} />
      </Card>
      {fileOpen && (
        <FormModal<{ pollingAreaId: string; complainant: string; content: string; receivedOn: Dayjs }>
          title="Ghi nhận khiếu nại về danh sách cử tri" open onClose={() => setFileOpen(false)} onSaved={list.reload} success="Đã ghi nhận khiếu nại; hạn trả lời đã được tính." initial={{ receivedOn: dayjs() }}
          submit={(v) => api.post(`${base}/areas/${v.pollingAreaId}/complaints`, { complainant: v.complainant, content: v.content, receivedOn: iso(v.receivedOn) })}>
          <Form.Item name="pollingAreaId" label="Khu vực bỏ phiếu" rules={[{ required: true, message: 'Chưa chọn khu vực bỏ phiếu.' }]}><Select options={areas.map((a) => ({ value: a.id, label: `Số ${a.number} — ${a.name}` }))} /></Form.Item>
          <Form.Item name="complainant" label="Người khiếu nại" rules={req('Người khiếu nại')}><Input /></Form.Item>
          <Form.Item name="content" label="Nội dung" rules={req('Nội dung')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="receivedOn" label="Ngày nhận" rules={[{ required: true, message: 'Chưa chọn ngày nhận.' }]}><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>
        </FormModal>
      )}
      {answer && (
        <FormModal<{ answer: string; answeredOn: Dayjs }>
          title={`Trả lời khiếu nại của ${answer.complainant}`} open onClose={() => setAnswer(null)} onSaved={list.reload} success="Đã ghi câu trả lời." initial={{ answeredOn: dayjs() }}
          submit={(v) => api.post(`${base}/areas/${answer.pollingAreaId}/complaints/${answer.id}/answer`, { answer: v.answer, answeredOn: iso(v.answeredOn) })}>
          <div style={{ marginBottom: 12 }}>{answer.content}<div>{dueTag(answer.answerDue, answer.overdue, false, false)}</div></div>
          <Form.Item name="answer" label="Nội dung trả lời" rules={req('Nội dung trả lời')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="answeredOn" label="Ngày trả lời" rules={[{ required: true, message: 'Chưa chọn ngày trả lời.' }]}><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>
        </FormModal>
      )}
      {canResults && <ResultComplaints base={base} />}
    </>
  );
}

function ResultComplaints({ base }: { base: string }) {
  const list = usePagedTable<RcComplaint>(`${base}/result-complaints/overview`);
  const published = (list.data as unknown as { minutes?: Minutes[] } | null)?.minutes ?? [];
  const [fileOpen, setFileOpen] = useState(false);
  const [decide, setDecide] = useState<RcComplaint | null>(null);
  return (
    <Card size="small" title="Khiếu nại về kết quả bầu cử" extra={<Button disabled={!published.length} onClick={() => setFileOpen(true)}>Ghi nhận khiếu nại</Button>}>
      <div style={{ color: '#6b7280', fontSize: 12, marginBottom: 8 }}>Khiếu nại trong 03 ngày kể từ ngày công bố kết quả; giải quyết trong 07 ngày kể từ ngày nhận; quyết định là quyết định cuối cùng (Luật Bầu cử, Điều 87).{!published.length && ' Chưa có kết quả nào được công bố.'}</div>
      <ResponsiveTable<RcComplaint> rowKey="id" size="small" {...list.tableProps} locale={{ emptyText: 'Không có khiếu nại về kết quả.' }} columns={[
        { title: 'Khiếu nại', dataIndex: 'content', render: (t: string, c) => <div><b>{c.complainant}</b> · {BALLOT[c.ballotType]}{c.unitName ? ` · ${c.unitName}` : ''}<div>{t}</div>{c.timing && <div style={{ color: '#6b7280', fontSize: 12 }}>{c.timing.reason}</div>}{c.decision && <div style={{ color: '#237804' }}>Quyết định ngày {fmtDate(c.decidedOn!)}: {c.decision}</div>}</div> },
        { title: 'Hạn giải quyết', key: 'due', width: 190, render: (_: unknown, c) => (c.timing && !c.timing.inTime ? <Tag>Quá thời hạn khiếu nại</Tag> : dueTag(c.timing?.decideBy ?? null, c.overdue, c.state !== 'received', !!c.decidedOn && !!c.timing?.decideBy && c.decidedOn > c.timing.decideBy)) },
        { key: 'actions', title: '', width: 110, render: (_: unknown, c) => (c.state === 'received' ? <Button size="small" onClick={() => setDecide(c)}>Giải quyết</Button> : null) },
      ]} />
      {fileOpen && (
        <FormModal<{ minutesId: string; complainant: string; content: string; receivedOn: Dayjs }>
          title="Ghi nhận khiếu nại về kết quả bầu cử" open onClose={() => setFileOpen(false)} onSaved={list.reload} success="Đã ghi nhận khiếu nại." initial={{ receivedOn: dayjs() }}
          submit={(v) => api.post(`${base}/result-complaints`, { minutesId: v.minutesId, complainant: v.complainant, content: v.content, receivedOn: iso(v.receivedOn) })}>
          <Form.Item name="minutesId" label="Kết quả bị khiếu nại" rules={[{ required: true, message: 'Chưa chọn kết quả bị khiếu nại.' }]}><Select options={published.map((m) => ({ value: m.id, label: `${BALLOT[m.ballotType]} · ${m.unitName ?? 'Biên bản tổng kết'} (công bố ${fmtDate(m.publishedOn)})` }))} /></Form.Item>
          <Form.Item name="complainant" label="Người khiếu nại" rules={req('Người khiếu nại')}><Input /></Form.Item>
          <Form.Item name="content" label="Nội dung khiếu nại" rules={req('Nội dung khiếu nại')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="receivedOn" label="Ngày nhận" rules={[{ required: true, message: 'Chưa chọn ngày nhận.' }]}><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>
        </FormModal>
      )}
      {decide && (
        <FormModal<{ decision: string; decidedOn: Dayjs }>
          title={`Giải quyết khiếu nại của ${decide.complainant}`} open onClose={() => setDecide(null)} onSaved={list.reload} success="Đã ghi quyết định giải quyết." initial={{ decidedOn: dayjs() }}
          submit={(v) => api.post(`${base}/result-complaints/${decide.id}/decision`, { decision: v.decision, decidedOn: iso(v.decidedOn) })}>
          <Form.Item name="decision" label="Quyết định giải quyết" rules={req('Quyết định giải quyết')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="decidedOn" label="Ngày quyết định" rules={[{ required: true, message: 'Chưa chọn ngày.' }]}><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
