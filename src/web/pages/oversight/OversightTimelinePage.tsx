// Lịch giám sát: a Gantt of the year's activities of the council and the councils above and below
// it (ECharts, one bar per activity from its start to its end), the conflicting ones in red, and
// the sentence of each conflict below ("Trùng đối tượng …, từ … đến …, với …").
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Card, Empty, InputNumber, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { useApi } from '../../lib/hooks.ts';
import { clip, todayIso } from '../../lib/format.ts';
import type { Sentence, Subject } from './shared.tsx';

interface TimelineActivity {
  id: string; programId: string; councilId: string; councilName: string; relation: 'self' | 'upper' | 'lower'; bodyName: string; title: string; kindLabel: string;
  start: string; end: string; subjects: Subject[]; programState: string; conflicts: Sentence[];
}
interface Timeline { year: number; activities: TimelineActivity[]; conflicts: { type: string; a: string; b: string; sentenceA: string }[] }

const DAY = 86_400_000;
const RELATION_LABELS = { self: 'HĐND này', upper: 'HĐND cấp trên', lower: 'HĐND cấp dưới' } as const;

export function OversightTimelinePage() {
  const { councilId } = useParams() as { councilId: string };
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? todayIso().slice(0, 4));
  const t = useApi<Timeline>(`/councils/${councilId}/oversight-timeline`, { year });
  const option = useMemo<EChartOption | null>(() => {
    if (!t.data?.activities.length) return null;
    const acts = [...t.data.activities].reverse(); // first activity at the top
    const base = Date.UTC(year, 0, 1);
    const dayOf = (d: string) => (Date.parse(`${d}T00:00:00Z`) - base) / DAY;
    const narrow = typeof window !== 'undefined' && window.innerWidth < 600;
    const conflicting = new Set(t.data.conflicts.filter((c) => c.type === 'overlap').flatMap((c) => [c.a, c.b]));
    return {
      grid: { left: 8, right: 16, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number; seriesIndex: number }) => {
          if (p.seriesIndex === 0) return '';
          const a = acts[p.dataIndex]!;
          const lines = [`<b>${a.title}</b>`, `${a.bodyName}`, `${dayjs(a.start).format('DD/MM')} – ${dayjs(a.end).format('DD/MM/YYYY')}`, ...a.conflicts.map((c) => `⚠ ${c.sentence}`)];
          return lines.join('<br/>');
        },
      },
      xAxis: {
        type: 'value', min: 0, max: dayOf(`${year}-12-31`) + 1,
        interval: (dayOf(`${year}-12-31`) + 1) / 12,
        // one tick per month: "T1" … "T12" at the start of each, nothing at the year's end
        axisLabel: {
          formatter: (v: number) => {
            const m = Math.round(v / ((dayOf(`${year}-12-31`) + 1) / 12));
            return v >= dayOf(`${year}-12-31`) || (narrow && m % 3 !== 0) ? '' : `T${m + 1}`;
          },
        },
        splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      yAxis: {
        type: 'category', data: acts.map((a) => clip(a.title, 34)),
        axisLabel: { fontSize: 11, width: narrow ? 110 : 240, overflow: 'truncate' },
      },
      series: [
        { type: 'bar', stack: 'g', silent: true, itemStyle: { color: 'transparent' }, data: acts.map((a) => dayOf(a.start)) },
        {
          type: 'bar', stack: 'g', barMaxWidth: 14,
          data: acts.map((a) => ({ value: dayOf(a.end) - dayOf(a.start) + 1, itemStyle: { color: conflicting.has(a.id) ? '#dc2626' : a.relation === 'self' ? '#2563eb' : '#94a3b8' } })),
        },
      ],
    };
  }, [t.data, year]);
  if (t.error) return <ErrorView error={t.error} />;
  const conflicted = (t.data?.activities ?? []).filter((a) => a.conflicts.length > 0);
  return (
    <Page
      title="Lịch giám sát và trùng lặp"
      crumbs={[{ title: 'Giám sát' }, { title: 'Lịch giám sát' }]}
      extra={<Space><span>Năm</span><InputNumber aria-label="Năm" min={2000} max={2100} value={year} onChange={(v) => v && setParams({ year: String(v) })} /></Space>}
    >
      {!t.data ? <Loading /> : (
        <>
          <Card size="small" style={{ marginBottom: 16 }} title={`${t.data.activities.length} hoạt động giám sát năm ${year}`}>
            <Space size={4} wrap style={{ marginBottom: 4 }}><Tag color="#2563eb">HĐND này</Tag><Tag color="#94a3b8">HĐND cấp trên, cấp dưới</Tag><Tag color="#dc2626">Trùng lặp</Tag></Space>
            {option ? <EChart option={option} height={Math.max(220, t.data.activities.length * 26 + 40)} ariaLabel="Biểu đồ thời gian các hoạt động giám sát" /> : <Empty description="Chưa có hoạt động giám sát nào trong năm." />}
          </Card>
          <Card size="small" title={`Trùng lặp (${t.data.conflicts.length})`}>
            <List
              dataSource={conflicted}
              locale={{ emptyText: 'Không có trùng lặp.' }}
              renderItem={(a) => (
                <List.Item key={a.id}>
                  <div>
                    <Typography.Text strong>{a.title}</Typography.Text>
                    <div style={{ fontSize: 12, color: '#6b7280' }}>{a.bodyName} · {RELATION_LABELS[a.relation]}{a.councilId === councilId ? <> · <Link to={`/councils/${councilId}/oversight/${a.programId}`}>mở chương trình</Link></> : null}</div>
                    <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                      {a.conflicts.map((c) => <li key={c.otherActivityId} data-testid="timeline-sentence" style={{ color: c.type === 'overlap' ? '#b91c1c' : undefined }}>{c.sentence}</li>)}
                    </ul>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </Page>
  );
}
