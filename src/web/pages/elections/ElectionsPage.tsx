// Bầu cử: the election (its calendar of legal deadlines, derived from election day and never moved
// for weekends), electoral units with the candidate-count check, polling areas with their voter
// counts and the 40-day posting check, the reconciliation report (duplicates across lists) and one
// area's voter list with its official exports (each export is recorded in the audit log).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Select, Space, Tabs, Tag } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { useApi, usePagedTable } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { useAuth } from '../../lib/auth.tsx';

interface Election { id: string; name: string; electionDay: string }
interface Milestone { key: string; label: string; from: string | null; by: string; byTime: string | null; onWeekend: boolean; verified: boolean; source: string }
interface Unit { id: string; ballotType: string; number: number; name: string; seats: number; candidateCount: number; candidateCheck: { ok: boolean; message: string; verified: boolean } }
interface Area { id: string; number: number; name: string; kind: string; communeCode: string; listPostedOn: string | null; postingProblem: string | null }
interface Count { pollingAreaId: string; number: number; name: string; total: number; male: number; female: number; na: number; province: number; commune: number }
interface Voter { voterId: string; fullName: string; birthDate: string; sex: string; citizenId: string | null; marks: string[]; eligibilityReason: string; note: string; version: number }
interface Match { kind: string; kindLabel: string; reason: string; entries: { voterId: string; fullName: string; communeName: string; areaLabel: string }[] }

const BALLOT: Record<string, string> = { na: 'Quốc hội', province: 'HĐND tỉnh', commune: 'HĐND xã' };
const KIND: Record<string, string> = { ordinary: 'Thông thường', military: 'Đơn vị vũ trang', hospital: 'Bệnh viện', careHome: 'Cơ sở chăm sóc', detention: 'Cơ sở giam giữ' };

export function ElectionsPage() {
  const { councilId } = useParams() as { councilId: string };
  const { me } = useAuth();
  const clerk = !!me && (me.isAdmin || me.grants.some((g) => g.councilId === councilId && g.role === 'secretariat'));
  const list = useApi<{ items: Election[] }>(`/councils/${councilId}/elections`);
  const [chosen, setChosen] = useState<string | null>(null);
  if (list.error) return <ErrorView error={list.error} />;
  const elections = list.data?.items ?? [];
  const electionId = chosen ?? elections[0]?.id ?? null;
  return (
    <Page title="Bầu cử" crumbs={[{ title: 'Bầu cử' }]}
      extra={elections.length > 1 && <Select style={{ minWidth: 260 }} value={electionId} onChange={setChosen} options={elections.map((e) => ({ value: e.id, label: `${fmtDate(e.electionDay)} — ${e.name}` }))} />}>
      {!list.loading && !electionId && <Alert type="info" message="Chưa có cuộc bầu cử nào." />}
      {electionId && <ElectionView councilId={councilId} electionId={electionId} clerk={clerk} />}
    </Page>
  );
}

function ElectionView({ councilId, electionId, clerk }: { councilId: string; electionId: string; clerk: boolean }) {
  const base = `/councils/${councilId}/elections/${electionId}`;
  const e = useApi<Election & { calendar: Milestone[] }>(base);
  const units = usePagedTable<Unit>(`${base}/units`);
  const areas = usePagedTable<Area>(`${base}/areas`);
  const counts = useApi<{ items: Count[] }>(`${base}/voter-counts`, { pageSize: 200 });
  const [areaId, setAreaId] = useState<string | null>(null);
  const byArea = new Map((counts.data?.items ?? []).map((c) => [c.pollingAreaId, c]));
  return (
    <>
      {e.data && <Card style={{ marginBottom: 16 }}><b>{e.data.name}</b><div>Ngày bầu cử: {fmtDate(e.data.electionDay)}</div></Card>}
      <Tabs items={[
        { key: 'calendar', label: 'Lịch', children: (
          <ResponsiveTable<Milestone> rowKey="key" size="small" pagination={false} dataSource={e.data?.calendar ?? []} columns={[
            { title: 'Công việc', dataIndex: 'label', render: (l: string, m) => <div>{l}{!m.verified && <Tag color="orange" style={{ marginLeft: 8 }}>Chưa kiểm chứng</Tag>}<div style={{ color: '#6b7280', fontSize: 12 }}>{m.source}</div></div> },
            { title: 'Từ ngày', dataIndex: 'from', width: 110, responsive: ['md'], render: (d: string | null) => (d ? fmtDate(d) : '') },
            { title: 'Chậm nhất', dataIndex: 'by', width: 150, render: (d: string, m) => <span>{fmtDate(d)}{m.byTime ? ` ${m.byTime}` : ''}{m.onWeekend && <Tag style={{ marginLeft: 6 }}>Thứ Bảy/Chủ nhật, không lùi</Tag>}</span> },
          ]} />
        ) },
        { key: 'units', label: 'Đơn vị', children: (
          <ResponsiveTable<Unit> rowKey="id" size="small" {...units.tableProps} columns={[
            { title: 'Đơn vị', dataIndex: 'name', render: (n: string, u) => <div>{n}<div style={{ color: '#6b7280', fontSize: 12 }}>{BALLOT[u.ballotType]}</div></div> },
            { title: 'Số đại biểu', dataIndex: 'seats', width: 100 },
            { title: 'Người ứng cử', dataIndex: 'candidateCount', render: (n: number, u) => <div>{n} <Tag color={u.candidateCheck.ok ? 'green' : 'red'}>{u.candidateCheck.ok ? 'Đủ' : 'Chưa đủ'}</Tag><div style={{ color: '#6b7280', fontSize: 12 }}>{u.candidateCheck.message}</div></div> },
          ]} />
        ) },
        { key: 'areas', label: 'Khu vực', children: (
          <ResponsiveTable<Area> rowKey="id" size="small" {...areas.tableProps} columns={[
            { title: 'Khu vực', dataIndex: 'name', render: (n: string, a) => <div><b>Số {a.number}</b> — {n}<div style={{ color: '#6b7280', fontSize: 12 }}>{KIND[a.kind]}</div></div> },
            { title: 'Cử tri', dataIndex: 'id', width: 150, render: (id: string) => { const c = byArea.get(id); return c ? <div>{c.total}<div style={{ color: '#6b7280', fontSize: 12 }}>nam {c.male}, nữ {c.female}; HĐND xã {c.commune}</div></div> : ''; } },
            { title: 'Niêm yết', dataIndex: 'listPostedOn', width: 200, render: (d: string | null, a) => (d ? <div>{fmtDate(d)}{a.postingProblem && <div style={{ color: '#b91c1c', fontSize: 12 }}>{a.postingProblem}</div>}</div> : <span style={{ color: '#9ca3af' }}>Chưa niêm yết</span>) },
            ...(clerk ? [{ title: '', dataIndex: 'id', width: 120, render: (id: string) => <Button size="small" onClick={() => setAreaId(id)}>Danh sách</Button> }] : []),
          ]} />
        ) },
        ...(clerk ? [{ key: 'duplicates', label: 'Trùng lặp', children: <Duplicates base={base} /> }] : []),
      ]} />
      {areaId && clerk && <VoterList base={base} areaId={areaId} />}
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

function VoterList({ base, areaId }: { base: string; areaId: string }) {
  const [q, setQ] = useState('');
  const voters = usePagedTable<Voter>(`${base}/areas/${areaId}/voters`, { q: q || undefined });
  return (
    <Card title="Danh sách cử tri" style={{ marginTop: 16 }}>
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
