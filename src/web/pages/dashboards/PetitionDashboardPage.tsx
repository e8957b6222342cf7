// "Tổng quan kiến nghị": the council's petitions for all rounds, one round or one year — key
// numbers, breakdowns (chart + table), on-time per agency, outstanding across sessions and the
// trend across rounds. Every clickable number opens the petitions list with the same filter.
import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Alert, Card, Col, Row, Segmented, Select, Space, Statistic, Tooltip, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useApi } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { BreakdownCard, PALETTE, fmtNum, fmtPct, petitionsHref, useOpenList, type ListFilter, type Slice } from './shared.tsx';

interface Figure {
  value: number;
  filter: ListFilter | null;
}

interface OnTimeRow {
  agencyId: string;
  agencyName: string;
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
  onTimeRate: number | null;
  filter: ListFilter | null;
}

interface TrendRow {
  roundId: string;
  name: string;
  sequence: number;
  startDate: string;
  collected: number;
  opinions: number;
  forwarded: number;
  answered: number;
  resolved: number;
}

export interface PetitionOverview {
  council: { id: string; name: string };
  day: string;
  period: { kind: 'all' | 'round' | 'year'; roundId: string | null; year: number | null; roundIds: string[] | null; filterable: boolean };
  rounds: { id: string; name: string; sequence: number; startDate: string; status: string; kindLabel: string }[];
  years: number[];
  totals: Record<'petitions' | 'opinions' | 'forwarded' | 'answered' | 'resolved' | 'closed' | 'overdue' | 'longOverdue' | 'dueSoon' | 'carriedOver', Figure>;
  rates: { resolution: number | null; answered: number | null; onTime: number | null };
  byLevel: Slice[];
  byField: Slice[];
  byAgency: Slice[];
  byUnit: Slice[];
  byStatus: Slice[];
  byResult: Slice[];
  onTime: OnTimeRow[];
  outstanding: { sessions: number; label: string; count: number }[];
  trend: TrendRow[];
}

const RESULT_COLORS: Record<string, string> = { resolved: '#389e0d', in_progress: '#1f5fa8', explained: '#08979c', unresolved: '#cf1322', none: '#bfbfbf' };

const NO_LINK = 'Danh sách kiến nghị chưa lọc được theo tiêu chí này.';

export function PetitionDashboardPage() {
  const { councilId } = useParams() as { councilId: string };
  const [params, setParams] = useSearchParams();
  const roundId = params.get('roundId') ?? undefined;
  const year = params.get('year') ?? undefined;
  const mode: 'all' | 'round' | 'year' = roundId ? 'round' : year ? 'year' : (params.get('mode') as 'round' | 'year' | null) ?? 'all';
  const { data, error, loading, reload } = useApi<PetitionOverview>(`/councils/${councilId}/dashboard/petitions`, { roundId, year });
  const open = useOpenList(councilId);

  const setMode = (m: string) => {
    if (m === 'all') setParams({});
    else if (m === 'round') setParams(data?.rounds[0] ? { roundId: data.rounds[0].id } : { mode: 'round' });
    else setParams(data?.years[0] ? { year: String(data.years[0]) } : { mode: 'year' });
  };

  if (error) return <ErrorView error={error} onRetry={reload} />;
  if (!data) return <Loading />;

  const d = data;
  const periodLabel =
    d.period.kind === 'round'
      ? d.rounds.find((r) => r.id === d.period.roundId)?.name ?? ''
      : d.period.kind === 'year'
        ? `Năm ${d.period.year} (${d.period.roundIds?.length ?? 0} đợt)`
        : 'Tất cả các đợt';

  return (
    <Page
      title="Tổng quan kiến nghị"
      subtitle={`${d.council.name} — ${periodLabel}; số liệu hạn trả lời tính đến ngày ${fmtDate(d.day)}`}
      crumbs={[{ title: 'Tổng hợp, báo cáo' }, { title: d.council.name }, { title: 'Tổng quan kiến nghị' }]}
      extra={
        <Space wrap>
          <Segmented
            value={mode}
            onChange={(v) => setMode(String(v))}
            options={[{ value: 'all', label: 'Tất cả' }, { value: 'round', label: 'Theo đợt' }, { value: 'year', label: 'Theo năm' }]}
          />
          {mode === 'round' && (
            <Select
              style={{ minWidth: 260, maxWidth: 420 }}
              placeholder="Chọn đợt tiếp xúc cử tri"
              value={roundId}
              onChange={(v: string) => setParams({ roundId: v })}
              options={d.rounds.map((r) => ({ value: r.id, label: `${r.name} (${fmtDate(r.startDate)})` }))}
              notFoundContent="Chưa có đợt nào"
              aria-label="Đợt tiếp xúc cử tri"
            />
          )}
          {mode === 'year' && (
            <Select
              style={{ width: 130 }}
              placeholder="Chọn năm"
              value={year ? Number(year) : undefined}
              onChange={(v: number) => setParams({ year: String(v) })}
              options={d.years.map((y) => ({ value: y, label: `Năm ${y}` }))}
              notFoundContent="Chưa có đợt nào"
              aria-label="Năm"
            />
          )}
        </Space>
      }
    >
      {loading && <Typography.Text type="secondary">Đang cập nhật…</Typography.Text>}
      {!d.period.filterable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Năm này có nhiều đợt tiếp xúc cử tri; danh sách kiến nghị chỉ lọc được theo từng đợt, nên các số liệu của cả năm không mở được danh sách. Chọn “Theo đợt” để bấm vào số liệu."
        />
      )}
      <KeyFigures d={d} open={open} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xxl={12}>
          <BreakdownCard title="Theo cấp có thẩm quyền giải quyết" slices={d.byLevel} councilId={councilId} noLinkHint={NO_LINK} />
        </Col>
        <Col xs={24} xxl={12}>
          <BreakdownCard title="Theo lĩnh vực" slices={d.byField} councilId={councilId} noLinkHint={NO_LINK} />
        </Col>
        <Col xs={24} xxl={12}>
          <BreakdownCard title="Theo cơ quan giải quyết" slices={d.byAgency} councilId={councilId} noLinkHint={NO_LINK} />
        </Col>
        <Col xs={24} xxl={12}>
          <BreakdownCard
            title="Theo địa bàn (xã, phường)"
            slices={d.byUnit}
            councilId={councilId}
            noLinkHint={NO_LINK}
            hint="Một kiến nghị nêu ở nhiều nơi được tính ở mỗi nơi"
          />
        </Col>
        <Col xs={24} xxl={12}>
          <BreakdownCard title="Kết quả trả lời (lần trả lời gần nhất)" slices={d.byResult} kind="pie" councilId={councilId} noLinkHint={NO_LINK} colors={RESULT_COLORS} />
        </Col>
        <Col xs={24} xxl={12}>
          <BreakdownCard title="Trạng thái xử lý" slices={d.byStatus} kind="pie" councilId={councilId} noLinkHint={NO_LINK} />
        </Col>
        <Col xs={24}>
          <OnTimeCard rows={d.onTime} councilId={councilId} />
        </Col>
        <Col xs={24} xl={8}>
          <OutstandingCard d={d} />
        </Col>
        <Col xs={24} xl={16}>
          <TrendCard trend={d.trend} onPick={(id) => setParams({ roundId: id })} />
        </Col>
      </Row>
    </Page>
  );
}

function KeyFigures({ d, open }: { d: PetitionOverview; open: (f: ListFilter | null) => void }) {
  const t = d.totals;
  const card = (title: string, value: React.ReactNode, f: ListFilter | null, opts: { color?: string; note?: string } = {}) => (
    <Col flex="1 1 190px" key={title}>
      <Card
        size="small"
        hoverable={!!f}
        onClick={() => open(f)}
        style={{ height: '100%', cursor: f ? 'pointer' : 'default' }}
        aria-label={f ? `${title}: mở danh sách kiến nghị` : title}
      >
        <Statistic title={title} value={value as string} styles={{ content: { color: opts.color, fontSize: 24 } }} />
        {opts.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{opts.note}</Typography.Text>}
      </Card>
    </Col>
  );
  return (
    <Row gutter={[12, 12]}>
      {card('Kiến nghị', fmtNum(t.petitions.value), t.petitions.filter, { note: `Từ ${fmtNum(t.opinions.value)} ý kiến cử tri` })}
      {card('Đã chuyển cơ quan giải quyết', fmtNum(t.forwarded.value), t.forwarded.filter)}
      {card('Đã có trả lời', fmtNum(t.answered.value), t.answered.filter, { note: `${fmtPct(d.rates.answered)} số đã chuyển` })}
      {card('Đã giải quyết xong', fmtNum(t.resolved.value), t.resolved.filter, { color: '#237804', note: `Tỷ lệ giải quyết ${fmtPct(d.rates.resolution)}` })}
      {card('Quá hạn trả lời', fmtNum(t.overdue.value), t.overdue.filter, { color: t.overdue.value ? '#cf1322' : undefined, note: `Quá hạn lâu: ${fmtNum(t.longOverdue.value)}` })}
      {card('Sắp đến hạn', fmtNum(t.dueSoon.value), t.dueSoon.filter, { color: t.dueSoon.value ? '#d46b08' : undefined })}
      {card('Trả lời đúng hạn', fmtPct(d.rates.onTime), null, { note: 'Theo các lần chuyển đến cơ quan' })}
      {card('Tồn qua nhiều kỳ họp', fmtNum(t.carriedOver.value), t.carriedOver.filter, { note: 'Chưa giải quyết xong, đã chuyển sang đợt sau' })}
      {card('Đã đánh giá, kết thúc', fmtNum(t.closed.value), t.closed.filter)}
    </Row>
  );
}

function OnTimeCard({ rows, councilId }: { rows: OnTimeRow[]; councilId: string }) {
  const open = useOpenList(councilId);
  const option = useMemo<EChartOption>(() => ({
    color: ['#389e0d', '#d48806', '#cf1322', '#8c8c8c'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => fmtNum(v) },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.agencyName), axisLabel: { width: 240, overflow: 'truncate' } },
    series: [
      { name: 'Trả lời đúng hạn', type: 'bar', stack: 'a', data: rows.map((r) => r.onTime), barMaxWidth: 22 },
      { name: 'Trả lời trễ hạn', type: 'bar', stack: 'a', data: rows.map((r) => r.late) },
      { name: 'Quá hạn chưa trả lời', type: 'bar', stack: 'a', data: rows.map((r) => r.overdue) },
      { name: 'Chưa đến hạn', type: 'bar', stack: 'a', data: rows.map((r) => r.pending) },
    ],
  }), [rows]);
  return (
    <Card title="Trả lời đúng hạn theo cơ quan" size="small" extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>Mỗi lần chuyển kiến nghị đến cơ quan được tính một lần</Typography.Text>}>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">Chưa chuyển kiến nghị nào đến cơ quan.</Typography.Text>
      ) : (
        <Row gutter={[16, 8]}>
          <Col xs={24}>
            <EChart option={option} height={Math.max(180, rows.length * 36 + 50)} onClick={(e) => open(rows[e.dataIndex]?.filter)} ariaLabel="Trả lời đúng hạn theo cơ quan" />
          </Col>
          <Col xs={24}>
            <ResponsiveTable<OnTimeRow>
              size="small"
              pagination={false}
              rowKey="agencyId"
              dataSource={rows}
              scroll={{ x: 520 }}
              onRow={(r) => ({ onClick: () => open(r.filter), style: { cursor: 'pointer' } })}
              columns={[
                { title: 'Cơ quan', dataIndex: 'agencyName', render: (v: string, r) => (r.filter ? <a href={petitionsHref(councilId, r.filter)} onClick={(e) => e.preventDefault()}>{v}</a> : v) },
                { title: 'Đúng hạn', dataIndex: 'onTime', align: 'right', width: 80, render: fmtNum },
                { title: 'Trễ hạn', dataIndex: 'late', align: 'right', width: 72, render: fmtNum },
                { title: 'Quá hạn chưa trả lời', dataIndex: 'overdue', align: 'right', width: 96, render: (v: number) => <span style={{ color: v ? '#cf1322' : undefined }}>{fmtNum(v)}</span> },
                { title: 'Chưa đến hạn', dataIndex: 'pending', align: 'right', width: 80, render: fmtNum },
                {
                  title: <Tooltip title="Số trả lời đúng hạn ÷ (trả lời đúng hạn + trễ hạn + quá hạn chưa trả lời)">Tỷ lệ đúng hạn</Tooltip>,
                  dataIndex: 'onTimeRate', align: 'right', width: 92, render: fmtPct,
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}

function OutstandingCard({ d }: { d: PetitionOverview }) {
  return (
    <Card title="Kiến nghị chưa giải quyết xong, theo số kỳ họp" size="small" style={{ height: '100%' }}>
      <ResponsiveTable
        size="small"
        pagination={false}
        rowKey="sessions"
        dataSource={d.outstanding}
        columns={[
          { title: 'Đã tồn', dataIndex: 'label' },
          { title: 'Số kiến nghị', dataIndex: 'count', align: 'right', render: (v: number, r) => <span style={{ color: r.sessions > 1 && v ? '#cf1322' : undefined }}>{fmtNum(v)}</span> },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        Kiến nghị chưa giải quyết xong được chuyển sang đợt tiếp xúc cử tri sau và theo dõi tiếp; số kỳ họp tính theo các đợt trước, sau kỳ họp mà kiến nghị đã đi qua.
      </Typography.Paragraph>
    </Card>
  );
}

function TrendCard({ trend, onPick }: { trend: TrendRow[]; onPick: (roundId: string) => void }) {
  const short = (r: TrendRow) => `Đợt ${r.sequence}`;
  const option = useMemo<EChartOption>(() => ({
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmtNum(v) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.map(short) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Thu thập (kiến nghị)', type: 'bar', data: trend.map((r) => r.collected), barMaxWidth: 26 },
      { name: 'Đã chuyển', type: 'bar', data: trend.map((r) => r.forwarded), barMaxWidth: 26 },
      { name: 'Đã trả lời', type: 'bar', data: trend.map((r) => r.answered), barMaxWidth: 26 },
      { name: 'Đã giải quyết xong', type: 'bar', data: trend.map((r) => r.resolved), barMaxWidth: 26 },
    ],
  }), [trend]);
  return (
    <Card title="Qua các đợt tiếp xúc cử tri" size="small" style={{ height: '100%' }}>
      {trend.length === 0 ? (
        <Typography.Text type="secondary">Chưa có đợt tiếp xúc cử tri nào.</Typography.Text>
      ) : (
        <>
          <EChart option={option} height={240} onClick={(e) => trend[e.dataIndex] && onPick(trend[e.dataIndex]!.roundId)} ariaLabel="Qua các đợt tiếp xúc cử tri" />
          <ResponsiveTable<TrendRow>
            size="small"
            pagination={false}
            rowKey="roundId"
            dataSource={trend}
            scroll={{ x: 560 }}
            onRow={(r) => ({ onClick: () => onPick(r.roundId), style: { cursor: 'pointer' } })}
            columns={[
              { title: 'Đợt', key: 'name', render: (_: unknown, r) => <Tooltip title="Xem tổng quan của đợt này"><a onClick={(e) => e.preventDefault()} href="#">{short(r)}</a> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.name}</Typography.Text></Tooltip> },
              { title: 'Ý kiến', dataIndex: 'opinions', align: 'right', width: 70, render: fmtNum },
              { title: 'Kiến nghị', dataIndex: 'collected', align: 'right', width: 80, render: fmtNum },
              { title: 'Đã chuyển', dataIndex: 'forwarded', align: 'right', width: 80, render: fmtNum },
              { title: 'Đã trả lời', dataIndex: 'answered', align: 'right', width: 80, render: fmtNum },
              { title: 'Giải quyết xong', dataIndex: 'resolved', align: 'right', width: 96, render: fmtNum },
            ]}
          />
        </>
      )}
    </Card>
  );
}
