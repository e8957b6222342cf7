// Shared pieces of the dashboards: Vietnamese number formats, the click-through to the petitions
// list, and a breakdown card (chart + the same numbers in a table).
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { Card, Col, Empty, Row, Tooltip, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { fmtPercent } from '../../lib/format.ts';

export type ListFilter = Record<string, string>;

const NUM = new Intl.NumberFormat('vi-VN');
/** 13124 → "13.124" */
export const fmtNum = (n: number | null | undefined) => (n === null || n === undefined ? '' : NUM.format(n));
/** 0.9938 → "99,38%"; null → "—" */
export const fmtPct = (r: number | null | undefined) => fmtPercent(r === null || r === undefined ? r : r * 100);

export function petitionsHref(councilId: string, filter: ListFilter) {
  const qs = new URLSearchParams(filter).toString();
  return `/councils/${councilId}/petitions${qs ? `?${qs}` : ''}`;
}

export function useOpenList(councilId: string) {
  const navigate = useNavigate();
  return (filter: ListFilter | null | undefined) => {
    if (filter) navigate(petitionsHref(councilId, filter));
  };
}

export const PALETTE = ['#1f5fa8', '#d4380d', '#389e0d', '#d48806', '#722ed1', '#08979c', '#c41d7f', '#5b6573', '#7cb305', '#0958d9'];

export interface Slice {
  key: string | null;
  label: string;
  count: number;
  filter: ListFilter | null;
}

/** A breakdown: a bar (or pie) chart and, beside it, the same numbers in a table; both click through. */
export function BreakdownCard(props: {
  title: string;
  slices: Slice[];
  kind?: 'bar' | 'pie';
  councilId: string;
  hint?: string;
  noLinkHint?: string;
  hideZero?: boolean;
  /** Fixed colours by slice key (e.g. green for resolved); others take the palette. */
  colors?: Record<string, string>;
}) {
  const open = useOpenList(props.councilId);
  const slices = props.hideZero ? props.slices.filter((s) => s.count > 0) : props.slices;
  const total = slices.reduce((n, s) => n + s.count, 0);
  const kind = props.kind ?? 'bar';
  const colorOf = (s: Slice, i: number) => (s.key && props.colors?.[s.key]) || PALETTE[i % PALETTE.length]!;
  const option = useMemo<EChartOption>(() => {
    if (kind === 'pie') {
      return {
        color: PALETTE,
        tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) => `${p.name}: ${fmtNum(p.value)} (${fmtPct(p.percent / 100)})` },
        series: [{
          type: 'pie', radius: ['38%', '68%'], avoidLabelOverlap: true,
          label: { formatter: (p: { value: number }) => fmtNum(p.value) },
          data: slices.filter((s) => s.count > 0).map((s, i) => ({ name: s.label, value: s.count, itemStyle: { color: colorOf(s, i) } })),
        }],
      };
    }
    const labels = slices.map((s) => s.label);
    return {
      color: PALETTE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => fmtNum(v) },
      grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => fmtNum(v) } },
      yAxis: {
        type: 'category', inverse: true, data: labels,
        axisLabel: { width: 170, overflow: 'truncate' },
      },
      series: [{ type: 'bar', data: slices.map((s) => s.count), barMaxWidth: 22, label: { show: true, position: 'right', formatter: (p: { value: number }) => fmtNum(p.value) } }],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slices, kind, props.colors]);
  const pieSlices = kind === 'pie' ? slices.filter((s) => s.count > 0) : slices;
  const height = kind === 'pie' ? 260 : Math.max(160, slices.length * 34 + 24);

  return (
    <Card title={props.title} size="small" style={{ height: '100%' }} extra={props.hint && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{props.hint}</Typography.Text>}>
      {total === 0 && !slices.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có kiến nghị" />
      ) : (
        <Row gutter={[16, 8]}>
          <Col xs={24} xl={13}>
            <EChart
              option={option}
              height={height}
              ariaLabel={props.title}
              onClick={(e) => open((kind === 'pie' ? pieSlices : slices)[e.dataIndex]?.filter)}
            />
          </Col>
          <Col xs={24} xl={11}>
            <ResponsiveTable<Slice>
              size="small"
              pagination={false}
              rowKey={(s) => s.key ?? '(none)'}
              dataSource={slices}
              onRow={(s) => ({ onClick: () => open(s.filter), style: { cursor: s.filter ? 'pointer' : 'default' } })}
              columns={[
                {
                  title: 'Nội dung', dataIndex: 'label',
                  render: (v: string, s) => {
                    const i = kind === 'pie' ? pieSlices.indexOf(s) : -1;
                    const dot = kind === 'pie' && (
                      <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, marginRight: 8, background: i >= 0 ? colorOf(s, i) : '#d9d9d9' }} />
                    );
                    return s.filter
                      ? <>{dot}<a href={petitionsHref(props.councilId, s.filter)} onClick={(e) => e.preventDefault()}>{v}</a></>
                      : <>{dot}<Tooltip title={props.noLinkHint}>{v}</Tooltip></>;
                  },
                },
                { title: 'Số kiến nghị', dataIndex: 'count', align: 'right', width: 112, render: (v: number) => fmtNum(v) },
                { title: 'Tỷ lệ', key: 'pct', align: 'right', width: 76, render: (_: unknown, s) => fmtPct(total ? s.count / total : null) },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
