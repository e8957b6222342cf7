// Ngày nghỉ lễ, làm bù: the yearly override table (days off decided by the Prime Minister, fixed
// holidays that are not off, swapped working Saturdays) and the resulting calendar of the year
// as a month grid — the calendar every answer deadline is computed on.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, type Page as ApiPage } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useApi } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { fmtDate } from '../../lib/format.ts';
import { Page } from '../../components/common.tsx';
import { dateRange, dayRuns, type DayRun } from '../../../domain/calendar/holidays.ts';

interface DayName {
  date: string;
  name: string;
}
interface YearOverrides {
  year: number;
  daysOff: DayName[];
  notOff: string[];
  workingDays: DayName[];
  source?: string;
}
interface SpecialDay {
  date: string;
  working: boolean;
  kind: string;
  label: string;
}

const WEEKDAYS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];
/** A range longer than this is a slip of the picker, not a decision on days off. */
const MAX_RANGE_DAYS = 31;

/** The days of `days` replaced by (or joined with) `added`, in date order; rows still without a date stay last. */
function mergeDays(days: DayName[], added: DayName[]): DayName[] {
  const dates = new Set(added.map((d) => d.date));
  const kept = days.filter((d) => !dates.has(d.date));
  const dated = [...kept.filter((d) => d.date), ...added].sort((a, b) => (a.date < b.date ? -1 : 1));
  return [...dated, ...kept.filter((d) => !d.date)];
}

/** "14/02/2026 – 22/02/2026 (9 ngày)", or the day alone. */
const runText = (r: DayRun) => (r.days === 1 ? fmtDate(r.from) : `${fmtDate(r.from)} – ${fmtDate(r.to)} (${r.days} ngày)`);

export function CalendarPage() {
  const { menu } = useAuth();
  const canEdit = menu.some((m) => m.key === 'calendar');
  const [year, setYear] = useState(dayjs().year());
  // Whole lists in one page: a row per year with overrides (at most 2000–2100), a year's few dozen special days.
  const overrides = useApi<ApiPage<YearOverrides>>('/calendar/overrides', { pageSize: 200 });
  const special = useApi<ApiPage<SpecialDay>>(`/calendar/years/${year}`, { pageSize: 200 });
  const [draft, setDraft] = useState<YearOverrides>({ year, daysOff: [], notOff: [], workingDays: [], source: '' });
  const [busy, setBusy] = useState(false);
  const [ranging, setRanging] = useState<'daysOff' | 'workingDays' | null>(null);
  useEffect(() => {
    const o = overrides.data?.items.find((x) => x.year === year);
    setDraft(o ? { ...o, source: o.source ?? '' } : { year, daysOff: [], notOff: [], workingDays: [], source: '' });
  }, [overrides.data, year]);

  const save = async () => {
    setBusy(true);
    try {
      await api.put(`/calendar/overrides/${year}`, {
        daysOff: draft.daysOff.filter((d) => d.date),
        notOff: draft.notOff.filter(Boolean),
        workingDays: draft.workingDays.filter((d) => d.date),
        source: draft.source ?? '',
      });
      message.success(`Đã lưu bảng ngày nghỉ, làm bù năm ${year}.`);
      overrides.reload();
      special.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const dayList = (key: 'daysOff' | 'workingDays', title: string, hint: string) => (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{hint}</Typography.Paragraph>
      {/* Under the hint, not in the card's head: two buttons there cut the title short on a phone. */}
      {canEdit && (
        <Space size={4} wrap style={{ marginBottom: 8 }}>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDraft({ ...draft, [key]: [...draft[key], { date: '', name: key === 'daysOff' ? 'Nghỉ bù' : 'Làm bù' }] })}>Thêm ngày</Button>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setRanging(key)}>Thêm khoảng ngày</Button>
        </Space>
      )}
      {!canEdit ? (
        // Read only: consecutive days of one name as one line (Tết's nine days off, not nine rows).
        <ResponsiveTable<DayRun>
          size="small"
          rowKey="from"
          pagination={false}
          dataSource={dayRuns(draft[key])}
          locale={{ emptyText: 'Không có.' }}
          columns={[
            { title: 'Ngày', key: 'days', width: 250, render: (_: unknown, r) => runText(r) },
            { title: 'Tên', dataIndex: 'name' },
          ]}
        />
      ) : (
      <ResponsiveTable<DayName & { i: number }>
        size="small"
        rowKey="i"
        pagination={false}
        dataSource={draft[key].map((d, i) => ({ ...d, i }))}
        locale={{ emptyText: 'Không có.' }}
        columns={[
          {
            title: 'Ngày',
            dataIndex: 'date',
            width: 160,
            render: (d: string, r) =>
              canEdit ? (
                <DatePicker size="small" format="DD/MM/YYYY" value={d ? dayjs(d) : null}
                  onChange={(v) => setDraft({ ...draft, [key]: draft[key].map((x, j) => (j === r.i ? { ...x, date: v ? v.format('YYYY-MM-DD') : '' } : x)) })} />
              ) : fmtDate(d),
          },
          {
            title: 'Tên',
            dataIndex: 'name',
            render: (n: string, r) =>
              canEdit ? (
                <Input size="small" value={n} onChange={(e) => setDraft({ ...draft, [key]: draft[key].map((x, j) => (j === r.i ? { ...x, name: e.target.value } : x)) })} />
              ) : n,
          },
          ...(canEdit
            ? [{
                title: '',
                key: 'rm',
                width: 40,
                render: (_: unknown, r: { i: number }) => (
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="Xóa" onClick={() => setDraft({ ...draft, [key]: draft[key].filter((_, j) => j !== r.i) })} />
                ),
              }]
            : []),
        ]}
      />
      )}
    </Card>
  );

  return (
    <Page title="Ngày nghỉ lễ, làm bù" subtitle="Lịch ngày làm việc dùng để tính hạn trả lời kiến nghị" crumbs={[{ title: 'Hệ thống' }, { title: 'Ngày nghỉ lễ, làm bù' }]}
      extra={
        <Space>
          <span>Năm</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label="Năm" />
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Ngày lễ cố định theo Bộ luật Lao động đã có sẵn. Bảng này chỉ ghi những điều chỉnh theo quyết định từng năm (nghỉ Tết, nghỉ bù, làm bù)." />
          {dayList('daysOff', 'Ngày nghỉ thêm', 'Ví dụ: các ngày nghỉ Tết Nguyên đán, nghỉ bù.')}
          {dayList('workingDays', 'Ngày làm bù', 'Thứ Bảy, Chủ nhật phải đi làm để bù ngày nghỉ.')}
          <Card size="small" title="Căn cứ" style={{ marginBottom: 12 }}>
            <Input.TextArea value={draft.source} disabled={!canEdit} onChange={(e) => setDraft({ ...draft, source: e.target.value })} autoSize={{ minRows: 2 }} placeholder="Số, ngày của văn bản quyết định lịch nghỉ" />
          </Card>
          {canEdit && <Button type="primary" loading={busy} onClick={save}>Lưu bảng năm {year}</Button>}
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={`Lịch năm ${year}`} extra={
            <Space size={4} wrap>
              <Tag color="red">Nghỉ lễ, nghỉ bù</Tag>
              <Tag color="green">Làm bù</Tag>
              <Tag>Cuối tuần</Tag>
            </Space>
          }>
            <YearGrid year={year} special={special.data?.items ?? []} />
          </Card>
        </Col>
      </Row>
      {ranging && (
        <DayRangeModal
          year={year}
          defaultName={ranging === 'daysOff' ? '' : 'Làm bù'}
          title={ranging === 'daysOff' ? 'Thêm khoảng ngày nghỉ' : 'Thêm khoảng ngày làm bù'}
          onClose={() => setRanging(null)}
          onAdd={(added) => {
            setDraft({ ...draft, [ranging]: mergeDays(draft[ranging], added) });
            setRanging(null);
          }}
        />
      )}
    </Page>
  );
}

/** Several consecutive days under one name (the days off of Tết), added to the table in one step. */
function DayRangeModal(props: { year: number; title: string; defaultName: string; onClose(): void; onAdd(days: DayName[]): void }) {
  const [form] = Form.useForm<{ range: [dayjs.Dayjs, dayjs.Dayjs]; name: string }>();
  const add = async () => {
    const v = await form.validateFields();
    const name = v.name.trim();
    props.onAdd(dateRange(v.range[0].format('YYYY-MM-DD'), v.range[1].format('YYYY-MM-DD')).map((date) => ({ date, name })));
  };
  return (
    <Modal open title={props.title} onCancel={props.onClose} onOk={() => void add().catch(() => undefined)} okText="Thêm vào bảng" cancelText="Hủy">
      <Form form={form} layout="vertical" initialValues={{ name: props.defaultName }}>
        <Form.Item
          name="range"
          label="Từ ngày – đến ngày"
          extra={`Mọi ngày trong khoảng, kể cả Thứ Bảy, Chủ nhật; sau đó bấm "Lưu bảng năm ${props.year}".`}
          rules={[
            { required: true, message: 'Hãy chọn ngày đầu và ngày cuối.' },
            {
              validator: async (_, v?: [dayjs.Dayjs, dayjs.Dayjs]) => {
                if (!v) return;
                if (v[0].year() !== props.year || v[1].year() !== props.year) throw new Error(`Khoảng ngày phải nằm trong năm ${props.year}.`);
                if (v[1].diff(v[0], 'day') + 1 > MAX_RANGE_DAYS) throw new Error(`Một khoảng không quá ${MAX_RANGE_DAYS} ngày; hãy kiểm tra lại ngày đầu và ngày cuối.`);
              },
            },
          ]}
        >
          <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} defaultPickerValue={[dayjs(`${props.year}-01-01`), dayjs(`${props.year}-01-01`)]} />
        </Form.Item>
        <Form.Item name="name" label="Tên" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên (ví dụ: Tết Nguyên đán).' }]}>
          <Input maxLength={200} placeholder="Ví dụ: Tết Nguyên đán" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function YearGrid({ year, special }: { year: number; special: SpecialDay[] }) {
  const byDate = useMemo(() => new Map(special.map((s) => [s.date, s])), [special]);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 12 }}>
      {Array.from({ length: 12 }, (_, m) => {
        const first = dayjs(new Date(year, m, 1));
        const offset = (first.day() + 6) % 7;
        const days = first.daysInMonth();
        return (
          <div key={m} role="group" aria-label={`Tháng ${m + 1}/${year}`}>
            <div style={{ fontWeight: 600, marginBottom: 4 }}>Tháng {m + 1}</div>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 12, textAlign: 'center' }}>
              {WEEKDAYS.map((w) => <div key={w} style={{ color: '#6b7280' }}>{w}</div>)}
              {Array.from({ length: offset }, (_, i) => <div key={`e${i}`} />)}
              {Array.from({ length: days }, (_, d) => {
                const date = first.date(d + 1);
                const iso = date.format('YYYY-MM-DD');
                const s = byDate.get(iso);
                const weekend = date.day() === 0 || date.day() === 6;
                const bg = s ? (s.working ? '#d9f7be' : '#ffccc7') : weekend ? '#f3f4f6' : undefined;
                // The colour says it to the eye; the label and data-day say it to a screen reader and a test.
                const cell = (
                  <div data-day={s ? (s.working ? 'working' : 'off') : weekend ? 'weekend' : undefined} aria-label={s ? `${fmtDate(iso)}: ${s.label}` : undefined}
                    style={{ background: bg, borderRadius: 3, padding: '1px 0', color: s && !s.working ? '#a8071a' : weekend ? '#9ca3af' : undefined }}>{d + 1}</div>
                );
                return s ? <Tooltip key={iso} title={`${fmtDate(iso)}: ${s.label}`}>{cell}</Tooltip> : <div key={iso}>{cell}</div>;
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
