// Cử tri đi bầu: the dashboard of election day. The whole election, each commune and each unit at
// the chosen hour, every polling area with its latest count and the areas not reported yet. Counts
// only: the page never shows who has or has not voted. Kept current through the election's live
// channel (server-sent events, src/server/live.ts): each Tổ's report reloads the figures.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Col, Progress, Row, Select, Space, Statistic, Tag } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { useApi } from '../../lib/hooks.ts';
import { useLive } from '../../lib/live.ts';
import { num, useElection } from './turnoutShared.tsx';
import { fmtPercent } from '../../lib/format.ts';

type Roll = { key: string; name: string; at: string; votersOnList: number; voted: number; percent: number; reportedAreas: number; areaCount: number; notReportedNames: string[]; kind: 'estimated' | 'final'; ballotType?: string };
type AreaRow = { id: string; number: string; name: string; communeName: string; votersOnList: number; reported: boolean; at: string | null; voted: number | null; kind: string | null; percent: number | null };
type Dashboard = { at: string; hours: string[]; hoursAreDefault: boolean; total: Roll; communes: Roll[]; units: Roll[]; areas: AreaRow[] };

function RollCard({ r }: { r: Roll }) {
  return (
    <Card size="small" title={r.name} extra={<Tag color={r.kind === 'final' ? 'green' : 'blue'}>{r.kind === 'final' ? 'Chính thức' : 'Ước tính'}</Tag>}>
      <Progress percent={Math.round(r.percent * 100) / 100} format={(p) => fmtPercent(p ?? 0)} />
      <div>{num(r.voted)} / {num(r.votersOnList)} cử tri · {r.reportedAreas}/{r.areaCount} khu vực đã báo cáo</div>
      {r.notReportedNames.length > 0 && <div style={{ color: '#ad6800', marginTop: 4 }}>Chưa báo cáo: {r.notReportedNames.join(', ')}</div>}
    </Card>
  );
}

export function TurnoutDashboardPage() {
  const { councilId } = useParams() as { councilId: string };
  const { electionId, picker, error: listError, loading: listLoading } = useElection(councilId);
  const [at, setAt] = useState<string | undefined>();
  const dash = useApi<Dashboard>(electionId ? `/councils/${councilId}/elections/${electionId}/turnout` : null, { at });
  const { reload } = dash;
  const live = useLive<unknown, unknown>(electionId ? `/councils/${councilId}/elections/${electionId}/turnout/live` : null, { snapshot: () => reload(), update: () => reload() });
  if (listError) return <ErrorView error={listError} />;
  if (!listLoading && !electionId) return <Page title="Cử tri đi bầu"><Alert type="info" message="Chưa có cuộc bầu cử nào." /></Page>;
  if (dash.error) return <ErrorView error={dash.error} />;
  const d = dash.data;
  return (
    <Page
      title="Cử tri đi bầu"
      subtitle={d ? `Số liệu đến ${d.at} · ${live === 'live' ? 'cập nhật trực tiếp' : 'đang kết nối lại…'} · chỉ hiển thị số lượng, không hiển thị ai đã hoặc chưa bỏ phiếu` : undefined}
      crumbs={[{ title: 'Bầu cử', to: `/councils/${councilId}/elections` }, { title: 'Cử tri đi bầu' }]}
      extra={
        <Space wrap>
          {picker}
          <Select aria-label="Giờ báo cáo" style={{ width: 120 }} allowClear placeholder="Mới nhất" value={at} onChange={setAt} options={(d?.hours ?? []).map((h) => ({ value: h, label: h }))} />
          {electionId && <Link to={`/councils/${councilId}/election-results?electionId=${electionId}`}>Kết quả bầu cử</Link>}
        </Space>
      }
    >
      {!d ? <Loading /> : (
        <>
          {d.hoursAreDefault && <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={`Giờ báo cáo mặc định (${d.hours.join(', ')}): Ủy ban bầu cử chưa quy định giờ báo cáo (giá trị mặc định, có thể cấu hình).`} />}
          <Card style={{ marginBottom: 16 }}>
            <Space size={32} wrap>
              <Statistic title="Tỷ lệ cử tri đi bầu" value={fmtPercent(d.total.percent)} />
              <Statistic title="Cử tri đã bỏ phiếu" value={num(d.total.voted)} suffix={`/ ${num(d.total.votersOnList)}`} />
              <Statistic title="Khu vực đã báo cáo" value={d.total.reportedAreas} suffix={`/ ${d.total.areaCount}`} />
            </Space>
            {d.total.notReportedNames.length > 0 && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={`Chưa báo cáo lúc ${d.at}: ${d.total.notReportedNames.join(', ')}`} />}
          </Card>
          <h2 className="nt-section">Theo xã, phường</h2>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>{d.communes.map((r) => <Col xs={24} md={12} lg={8} key={r.key}><RollCard r={r} /></Col>)}</Row>
          <h2 className="nt-section">Theo đơn vị bầu cử</h2>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>{d.units.map((r) => <Col xs={24} md={12} lg={8} key={r.key}><RollCard r={r} /></Col>)}</Row>
          <h2 className="nt-section">Theo khu vực bỏ phiếu</h2>
          <Card>
            <ResponsiveTable<AreaRow>
              rowKey="id"
              size="middle"
              dataSource={d.areas}
              pagination={false}
              columns={[
                { title: 'Khu vực bỏ phiếu', dataIndex: 'name', render: (t: string, r) => <Link to={`/councils/${councilId}/election-day/areas/${r.id}?electionId=${electionId}`}>{t}</Link> },
                { title: 'Xã, phường', dataIndex: 'communeName', responsive: ['md'] },
                { title: 'Cử tri', dataIndex: 'votersOnList', render: num },
                { title: 'Đã bỏ phiếu', key: 'voted', render: (_: unknown, r) => (r.reported ? `${num(r.voted)} (${fmtPercent(r.percent)}) lúc ${r.at}` : <Tag color="orange">Chưa báo cáo</Tag>) },
                { title: 'Loại số liệu', dataIndex: 'kind', render: (k: string | null) => (k === 'final' ? <Tag color="green">Chính thức</Tag> : k ? <Tag>Ước tính</Tag> : '—') },
              ]}
            />
          </Card>
        </>
      )}
    </Page>
  );
}
