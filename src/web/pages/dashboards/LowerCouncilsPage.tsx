// "Các HĐND cấp dưới": the reporting conference's view (founding notice, 25/11/2021) — each council
// below this one, as the unit tree stood on a chosen date, side by side: petitions collected,
// forwarded, answered, overdue, resolution rate, sessions held, supervision activities begun.
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Empty, Space, Table, Tooltip, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import dayjs from 'dayjs';
import { useApi } from '../../lib/hooks.ts';
import { DATE_FORMAT, fmtDate, isoDay } from '../../lib/format.ts';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { fmtNum, fmtPct, petitionsHref, type ListFilter } from './shared.tsx';
import { useNavigate } from 'react-router-dom';

interface Figure {
  value: number;
  filter: ListFilter | null;
}

interface LowerRow {
  councilId: string;
  councilName: string;
  unitName: string;
  canOpen: boolean;
  collected: Figure;
  opinions: Figure;
  forwarded: Figure;
  answered: Figure;
  resolved: Figure;
  overdue: Figure;
  resolutionRate: number | null;
  sessionsHeld: number | null;
  supervisionActivities: number | null;
}

interface LowerView {
  council: { id: string; name: string; validFrom: string | null; validTo: string | null };
  at: string;
  day: string;
  councils: LowerRow[];
  totals: { collected: number; opinions: number; forwarded: number; answered: number; resolved: number; overdue: number; resolutionRate: number | null };
}

const NOT_YET = 'chưa theo dõi trên Nghị Trường';

/** "Hội đồng nhân dân phường Sa Huỳnh" → "HĐND phường Sa Huỳnh" (the table is wide enough already). */
const shortName = (name: string) => name.replace(/^Hội đồng nhân dân\s+/u, 'HĐND ');

export function LowerCouncilsPage() {
  const { councilId } = useParams() as { councilId: string };
  const [at, setAt] = useState<string | undefined>();
  const { data, error, loading, reload } = useApi<LowerView>(`/councils/${councilId}/dashboard/lower-councils`, { at });
  const navigate = useNavigate();

  // A council that has ended (the town council, 01/07/2025) is shown as it stood on its last day.
  useEffect(() => {
    if (!at && data?.council.validTo && data.council.validTo <= data.at) {
      setAt(dayjs(data.council.validTo).subtract(1, 'day').format('YYYY-MM-DD'));
    }
  }, [at, data]);
  useEffect(() => setAt(undefined), [councilId]);

  const rows = data?.councils ?? [];
  const option = useMemo<EChartOption>(() => ({
    color: ['#1f5fa8', '#08979c', '#389e0d', '#cf1322'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => fmtNum(v) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.unitName), axisLabel: { interval: 0, rotate: rows.length > 6 ? 35 : 0, width: 110, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Kiến nghị thu thập', type: 'bar', data: rows.map((r) => r.collected.value), barMaxWidth: 22 },
      { name: 'Đã chuyển', type: 'bar', data: rows.map((r) => r.forwarded.value), barMaxWidth: 22 },
      { name: 'Đã trả lời', type: 'bar', data: rows.map((r) => r.answered.value), barMaxWidth: 22 },
      { name: 'Quá hạn', type: 'bar', data: rows.map((r) => r.overdue.value), barMaxWidth: 22 },
    ],
  }), [rows]);

  if (error) return <ErrorView error={error} onRetry={reload} />;
  if (!data) return <Loading />;

  const openRow = (r: LowerRow, f: ListFilter | null) => {
    if (r.canOpen && f) navigate(petitionsHref(r.councilId, f));
  };
  const num = (key: 'collected' | 'opinions' | 'forwarded' | 'answered' | 'resolved' | 'overdue', danger = false) => (fig: Figure, r: LowerRow) => {
    const text = <span style={{ color: danger && fig.value ? '#cf1322' : undefined }}>{fmtNum(fig.value)}</span>;
    if (!fig.filter || !r.canOpen) return text;
    return (
      <a
        href={petitionsHref(r.councilId, fig.filter)}
        onClick={(e) => {
          e.preventDefault();
          e.stopPropagation();
          openRow(r, fig.filter);
        }}
        aria-label={`${key}: mở danh sách kiến nghị của ${r.councilName}`}
      >
        {text}
      </a>
    );
  };
  const notYet = () => <Typography.Text type="secondary" italic style={{ fontSize: 12 }}>{NOT_YET}</Typography.Text>;

  return (
    <Page
      title="Các HĐND cấp dưới"
      subtitle={`${data.council.name} — hoạt động của HĐND các đơn vị hành chính trực thuộc tại ngày ${fmtDate(data.at)}`}
      crumbs={[{ title: 'Tổng hợp, báo cáo' }, { title: data.council.name }, { title: 'Các HĐND cấp dưới' }]}
      extra={
        <Space wrap>
          <span>Tại ngày</span>
          <DatePicker
            format={DATE_FORMAT}
            value={dayjs(data.at)}
            allowClear={false}
            onChange={(v) => setAt(isoDay(v) ?? undefined)}
            aria-label="Tại ngày"
          />
          <Button onClick={() => setAt(data.day)}>Hôm nay</Button>
        </Space>
      }
    >
      {loading && <Typography.Text type="secondary">Đang cập nhật…</Typography.Text>}
      {rows.length === 0 ? (
        <Card>
          <Empty description={`Không có HĐND cấp dưới nào thuộc ${data.council.name} tại ngày ${fmtDate(data.at)}.`} />
        </Card>
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`Số liệu kiến nghị tính trên toàn bộ kiến nghị của từng HĐND; "quá hạn" tính đến hôm nay (${fmtDate(data.day)}). Số kỳ họp đã tổ chức và số hoạt động giám sát, khảo sát đã bắt đầu trong năm tính đến ngày đã chọn.`}
          />
          <Card size="small" title="So sánh các HĐND cấp dưới" style={{ marginBottom: 16 }}>
            {data.totals.collected === 0 ? (
              <Typography.Text type="secondary">Các HĐND cấp dưới chưa có kiến nghị nào trong hệ thống tại thời điểm này.</Typography.Text>
            ) : (
            <EChart
              option={option}
              height={rows.length > 6 ? 340 : 300}
              ariaLabel="So sánh các HĐND cấp dưới"
              onClick={(e) => {
                const r = rows[e.dataIndex];
                if (r) openRow(r, e.seriesIndex === 3 ? r.overdue.filter : r.collected.filter);
              }}
            />
            )}
          </Card>
          <Card size="small" title={`${fmtNum(rows.length)} HĐND cấp dưới`}>
            <ResponsiveTable<LowerRow>
              size="small"
              rowKey="councilId"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1040 }}
              columns={[
                { title: 'STT', key: 'i', width: 52, align: 'center', render: (_: unknown, __, i) => i + 1 },
                {
                  title: 'HĐND', dataIndex: 'councilName', fixed: 'left', width: 190,
                  render: (full: string, r) => {
                    const v = shortName(full);
                    return r.canOpen ? v : <Tooltip title="Bạn không có quyền xem danh sách kiến nghị của HĐND này; chỉ xem được số liệu tổng hợp.">{v}</Tooltip>;
                  },
                },
                { title: 'Ý kiến cử tri', dataIndex: 'opinions', align: 'right', width: 90, render: num('opinions') },
                { title: 'Kiến nghị thu thập', dataIndex: 'collected', align: 'right', width: 100, render: num('collected') },
                { title: 'Đã chuyển', dataIndex: 'forwarded', align: 'right', width: 86, render: num('forwarded') },
                { title: 'Đã trả lời', dataIndex: 'answered', align: 'right', width: 86, render: num('answered') },
                { title: 'Quá hạn', dataIndex: 'overdue', align: 'right', width: 76, render: num('overdue', true) },
                {
                  title: <Tooltip title="Số kiến nghị đã giải quyết xong ÷ số kiến nghị đã chuyển">Tỷ lệ giải quyết</Tooltip>,
                  dataIndex: 'resolutionRate', align: 'right', width: 96, render: fmtPct,
                },
                { title: 'Kỳ họp đã tổ chức', dataIndex: 'sessionsHeld', width: 140, render: (v: number | null) => (v === null ? notYet() : fmtNum(v)) },
                { title: 'Hoạt động giám sát, khảo sát', dataIndex: 'supervisionActivities', width: 140, render: (v: number | null) => (v === null ? notYet() : fmtNum(v)) },
              ]}
              summary={() => (
                <Table.Summary fixed>
                  <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
                    <Table.Summary.Cell index={0} />
                    <Table.Summary.Cell index={1}>Tổng cộng</Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">{fmtNum(data.totals.opinions)}</Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">{fmtNum(data.totals.collected)}</Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">{fmtNum(data.totals.forwarded)}</Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right">{fmtNum(data.totals.answered)}</Table.Summary.Cell>
                    <Table.Summary.Cell index={6} align="right">{fmtNum(data.totals.overdue)}</Table.Summary.Cell>
                    <Table.Summary.Cell index={7} align="right">{fmtPct(data.totals.resolutionRate)}</Table.Summary.Cell>
                    <Table.Summary.Cell index={8} />
                    <Table.Summary.Cell index={9} />
                  </Table.Summary.Row>
                </Table.Summary>
              )}
            />
          </Card>
        </>
      )}
    </Page>
  );
}
