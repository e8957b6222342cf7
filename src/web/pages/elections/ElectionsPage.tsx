// Bầu cử: the election (its calendar of legal deadlines, derived from election day and never moved
// for weekends), electoral units with the candidate-count check, polling areas with their voter
// counts and the 40-day posting check, the reconciliation report (duplicates across lists) and one
// area's voter list with its official exports (each export is recorded in the audit log). The
// committee's staff create and edit the election, its units, areas and bodies, enter voters by hand
// or import a list, and handle complaints (ElectionSetup.tsx); a Tổ member reads its area's list.
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Select, Space, Tabs, Tag } from 'antd';
import { AreaForm, BodiesTab, ComplaintsTab, ElectionForm, UnitForm, VoterForm, VoterImportModal, type AreaRow, type ElectionRow, type UnitRow } from './ElectionSetup.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { useApi, usePagedTable } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { useAuth } from '../../lib/auth.tsx';

type Election = ElectionRow;
interface Milestone { key: string; label: string; from: string | null; by: string; byTime: string | null; onWeekend: boolean; verified: boolean; source: string }
interface Unit extends UnitRow { candidateCount: number; candidateCheck: { ok: boolean; message: string; verified: boolean } }
interface Area extends AreaRow { communeCode: string; listPostedOn: string | null; postingProblem: string | null }
interface Count { pollingAreaId: string; number: number; name: string; total: number; male: number; female: number; na: number; province: number; commune: number }
interface Voter { voterId: string; fullName: string; birthDate: string; sex: string; citizenId: string | null; marks: string[]; eligibilityReason: string; note: string; version: number }
interface Match { kind: string; kindLabel: string; reason: string; entries: { voterId: string; fullName: string; communeName: string; areaLabel: string }[] }

import { AREA_KIND as KIND, BALLOT } from './ElectionSetup.tsx';

export function ElectionsPage() {
  const { councilId } = useParams() as { councilId: string };
  const { me } = useAuth();
  const clerk = !!me && (me.isAdmin || me.grants.some((g) => g.councilId === councilId && g.role === 'secretariat'));
  const reader = clerk || (!!me && me.grants.some((g) => g.councilId === councilId && g.role === 'election_member'));
  const list = useApi<{ items: Election[] }>(`/councils/${councilId}/elections`, { pageSize: 100 });
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  if (list.error) return <ErrorView error={list.error} />;
  const elections = list.data?.items ?? [];
  const chosen = params.get('electionId');
  const electionId = (chosen && elections.some((e) => e.id === chosen) ? chosen : null) ?? elections[0]?.id ?? null;
  const choose = (id: string) => setParams({ electionId: id }, { replace: true });
  return (
    <Page title="Bầu cử" crumbs={[{ title: 'Bầu cử' }]}
      extra={<Space wrap>
        {elections.length > 1 && <Select aria-label="Cuộc bầu cử" style={{ width: 380, maxWidth: 'calc(100vw - 32px)' }} popupMatchSelectWidth={false} value={electionId} onChange={choose} options={elections.map((e) => ({ value: e.id, label: `${fmtDate(e.electionDay)} — ${e.name}` }))} />}
        {clerk && <Button type="primary" onClick={() => setCreating(true)}>Tạo cuộc bầu cử</Button>}
      </Space>}>
      {!list.loading && !electionId && <Alert type="info" message="Chưa có cuộc bầu cử nào." />}
      {electionId && <ElectionView key={electionId} councilId={councilId} electionId={electionId} clerk={clerk} reader={reader} onChanged={list.reload} />}
      {creating && <ElectionForm councilId={councilId} open onClose={() => setCreating(false)} onSaved={(id) => { list.reload(); if (id) choose(id); }} />}
    </Page>
  );
}

function ElectionView({ councilId, electionId, clerk, reader, onChanged }: { councilId: string; electionId: string; clerk: boolean; reader: boolean; onChanged(): void }) {
  const base = `/councils/${councilId}/elections/${electionId}`;
  const e = useApi<Election & { calendar: Milestone[] }>(base);
  const units = usePagedTable<Unit>(`${base}/units`);
  const areas = usePagedTable<Area>(`${base}/areas`);
  const allUnits = useApi<{ items: Unit[] }>(`${base}/units`, { pageSize: 200 });
  const allAreas = useApi<{ items: Area[] }>(`${base}/areas`, { pageSize: 200 });
  const counts = useApi<{ items: Count[] }>(`${base}/voter-counts`, { pageSize: 200 });
  const [areaId, setAreaId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [unitForm, setUnitForm] = useState<Unit | 'new' | null>(null);
  const [areaForm, setAreaForm] = useState<Area | 'new' | null>(null);
  const byArea = new Map((counts.data?.items ?? []).map((c) => [c.pollingAreaId, c]));
  const reloadUnits = () => { units.reload(); allUnits.reload(); };
  const reloadAreas = () => { areas.reload(); allAreas.reload(); counts.reload(); };
  const own = clerk && e.data?.councilId === councilId;
  const area = (allAreas.data?.items ?? []).find((a) => a.id === areaId) ?? null;
  return (
    <>
      {e.data && (
        <Card style={{ marginBottom: 16 }}>
          <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', justifyContent: 'space-between' }}>
            <b style={{ fontSize: 16 }}>{e.data.name}</b>
            {own && <Button onClick={() => setEditing(true)}>Sửa</Button>}
          </div>
          <div>Ngày bầu cử: <b>{fmtDate(e.data.electionDay)}</b> · Bầu đại biểu: {e.data.ballotTypes.map((b) => BALLOT[b]).join(', ')}</div>
          {e.data.note && <div style={{ color: '#6b7280' }}>{e.data.note}</div>}
        </Card>
      )}
      {editing && e.data && <ElectionForm councilId={councilId} election={e.data} open onClose={() => setEditing(false)} onSaved={() => { e.reload(); onChanged(); }} />}
      {unitForm && e.data && <UnitForm base={base} ballotTypes={e.data.ballotTypes} unit={unitForm === 'new' ? undefined : unitForm} open onClose={() => setUnitForm(null)} onSaved={reloadUnits} />}
      {areaForm && <AreaForm base={base} units={allUnits.data?.items ?? []} area={areaForm === 'new' ? undefined : areaForm} open onClose={() => setAreaForm(null)} onSaved={reloadAreas} />}
      <Tabs items={[
        { key: 'calendar', label: 'Lịch', children: (
          <ResponsiveTable<Milestone> rowKey="key" size="small" pagination={false} dataSource={e.data?.calendar ?? []} columns={[
            { title: 'Công việc', dataIndex: 'label', render: (l: string, m) => <div>{l}{!m.verified && <Tag color="orange" style={{ marginLeft: 8 }}>Chưa kiểm chứng</Tag>}<div style={{ color: '#6b7280', fontSize: 12 }}>{m.source}</div></div> },
            { title: 'Từ ngày', dataIndex: 'from', width: 110, responsive: ['md'], render: (d: string | null) => (d ? fmtDate(d) : '') },
            { title: 'Chậm nhất', dataIndex: 'by', width: 150, render: (d: string, m) => <span>{fmtDate(d)}{m.byTime ? ` ${m.byTime}` : ''}{m.onWeekend && <Tag style={{ marginLeft: 6 }}>Thứ Bảy/Chủ nhật, không lùi</Tag>}</span> },
          ]} />
        ) },
        { key: 'units', label: 'Đơn vị', children: (<>
          {clerk && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setUnitForm('new')}>Thêm đơn vị bầu cử</Button>}
          <ResponsiveTable<Unit> rowKey="id" size="small" {...units.tableProps} columns={[
            { title: 'Đơn vị', dataIndex: 'name', render: (n: string, u) => <div>{n}<div style={{ color: '#6b7280', fontSize: 12 }}>{BALLOT[u.ballotType]}</div></div> },
            { title: 'Số đại biểu', dataIndex: 'seats', width: 100 },
            { title: 'Người ứng cử', dataIndex: 'candidateCount', render: (n: number, u) => <div>{n} <Tag color={u.candidateCheck.ok ? 'green' : 'red'}>{u.candidateCheck.ok ? 'Đủ' : 'Chưa đủ'}</Tag><div style={{ color: '#6b7280', fontSize: 12 }}>{u.candidateCheck.message}</div></div> },
            ...(clerk ? [{ key: 'actions', title: '', width: 90, render: (_: unknown, u: Unit) => (u.councilId === councilId ? <Button size="small" onClick={() => setUnitForm(u)}>Sửa</Button> : null) }] : []),
          ]} />
        </>) },
        { key: 'areas', label: 'Khu vực', children: (<>
          {clerk && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAreaForm('new')}>Thêm khu vực bỏ phiếu</Button>}
          <ResponsiveTable<Area> rowKey="id" size="small" {...areas.tableProps} columns={[
            { title: 'Khu vực', dataIndex: 'name', render: (n: string, a) => <div><b>Số {a.number}</b> — {n}<div style={{ color: '#6b7280', fontSize: 12 }}>{KIND[a.kind]}</div></div> },
            { title: 'Cử tri', dataIndex: 'id', width: 150, render: (id: string) => { const c = byArea.get(id); return c ? <div>{c.total}<div style={{ color: '#6b7280', fontSize: 12 }}>nam {c.male}, nữ {c.female}; HĐND xã {c.commune}</div></div> : ''; } },
            { title: 'Niêm yết', dataIndex: 'listPostedOn', width: 200, render: (d: string | null, a) => (d ? <div>{fmtDate(d)}{a.postingProblem && <div style={{ color: '#b91c1c', fontSize: 12 }}>{a.postingProblem}</div>}</div> : <span style={{ color: '#9ca3af' }}>Chưa niêm yết</span>) },
            ...(reader ? [{ key: 'actions', title: '', width: 170, render: (_: unknown, a: Area) => <Space wrap><Button size="small" onClick={() => setAreaId(a.id)}>Danh sách cử tri</Button>{clerk && a.councilId === councilId && <Button size="small" onClick={() => setAreaForm(a)}>Sửa</Button>}</Space> }] : []),
          ]} />
        </>) },
        { key: 'bodies', label: 'Tổ chức', children: <BodiesTab base={base} clerk={clerk} units={allUnits.data?.items ?? []} areas={allAreas.data?.items ?? []} /> },
        ...(clerk ? [
          { key: 'complaints', label: 'Khiếu nại', children: <ComplaintsTab base={base} areas={allAreas.data?.items ?? []} canResults={clerk} /> },
          { key: 'duplicates', label: 'Trùng lặp', children: <Duplicates base={base} /> },
        ] : []),
      ]} />
      {area && reader && <VoterList base={base} area={area} clerk={clerk} onChanged={counts.reload} />}
    </>
  );
}

function Duplicates({ base }: { base: string }) {
  const rep = usePagedTable<Match>(`${base}/reconciliation`);
  return (
    <ResponsiveTable<Match> rowKey={(m) => `${m.entries[0]!.voterId}-${m.entries[1]!.voterId}`} size="small" {...rep.tableProps} locale={{ emptyText: 'Không có cử tri nào có tên trong hai danh sách.' }} columns={[
      { title: 'Loại', dataIndex: 'kindLabel', width: 200, render: (l: string) => <Tag color="red">{l}</Tag> },
      { title: 'Nội dung', dataIndex: 'reason' },
    ]} />
  );
}

function VoterList({ base, area, clerk, onChanged }: { base: string; area: Area; clerk: boolean; onChanged(): void }) {
  const areaId = area.id;
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const voters = usePagedTable<Voter>(`${base}/areas/${areaId}/voters`, { q: q || undefined });
  const changed = () => { voters.reload(); onChanged(); };
  if (voters.error) return <div style={{ marginTop: 16 }}><ErrorView error={voters.error} /></div>;
  return (
    <Card title={`Danh sách cử tri — Khu vực bỏ phiếu số ${area.number}`} style={{ marginTop: 16 }}
      extra={clerk && <Space wrap><Button type="primary" onClick={() => setAdding(true)}>Thêm cử tri</Button><Button onClick={() => setImporting(true)}>Nhập từ Excel</Button></Space>}>
      {adding && <VoterForm base={base} areaId={areaId} posted={!!area.listPostedOn} open onClose={() => setAdding(false)} onSaved={changed} />}
      {importing && <VoterImportModal base={base} areaId={areaId} areaLabel={`Khu vực bỏ phiếu số ${area.number}`} open onClose={() => setImporting(false)} onImported={changed} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <input aria-label="Tìm cử tri" placeholder="Tìm theo tên hoặc số Căn cước" value={q} onChange={(ev) => setQ(ev.target.value)} style={{ padding: 4 }} />
        <a href={`/api${base}/areas/${areaId}/voters/list.xlsx`}>Mẫu 31 (.xlsx)</a>
        <a href={`/api${base}/areas/${areaId}/voters/list.docx`}>Mẫu 31 (.docx)</a>
        <a href={`/api${base}/areas/${areaId}/voters/cards.docx`}>Thẻ cử tri (Mẫu 10)</a>
      </Space>
      <div style={{ color: '#6b7280', fontSize: 12, marginBottom: 8 }}>Dữ liệu cá nhân của cử tri: mọi lần xuất đều được ghi nhật ký.</div>
      <ResponsiveTable<Voter> rowKey="voterId" size="small" {...voters.tableProps} columns={[
        { title: 'Họ và tên', dataIndex: 'fullName', render: (n: string, v) => <div>{n}<div style={{ color: '#6b7280', fontSize: 12 }}>{v.birthDate.length === 4 ? v.birthDate : fmtDate(v.birthDate)} · {v.sex === 'male' ? 'Nam' : 'Nữ'}</div></div> },
        { title: 'Số Căn cước', dataIndex: 'citizenId', width: 140, responsive: ['md'], render: (c: string | null) => c ?? <Tag color="orange">Chưa có</Tag> },
        { title: 'QH · Tỉnh · Xã', dataIndex: 'marks', width: 120, render: (m: string[]) => m.join(' · ') },
        { title: 'Căn cứ', dataIndex: 'eligibilityReason', responsive: ['lg'] },
      ]} />
    </Card>
  );
}
