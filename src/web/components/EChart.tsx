// A tiny ECharts wrapper: one chart in a div, options replaced on change, resized with its box,
// clicks reported with the clicked data index. Only the chart kinds the app uses are bundled.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type EChartOption = EChartsCoreOption;

export interface EChartClick {
  dataIndex: number;
  seriesIndex: number;
  name: string;
}

export function EChart(props: { option: EChartOption; height?: number | string; onClick?: (e: EChartClick) => void; ariaLabel?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onClick = useRef(props.onClick);
  onClick.current = props.onClick;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      const e = p as { dataIndex: number; seriesIndex?: number; name: string };
      onClick.current?.({ dataIndex: e.dataIndex, seriesIndex: e.seriesIndex ?? 0, name: e.name });
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(props.option, { notMerge: true });
  }, [props.option]);

  return (
    <div
      ref={el}
      role="img"
      aria-label={props.ariaLabel}
      style={{ width: '100%', height: props.height ?? 280, cursor: props.onClick ? 'pointer' : undefined }}
    />
  );
}
