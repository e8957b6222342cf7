// The polling team's page (phone first): report the area's cumulative count at the committee's
// hours, see what was reported, open the tally sheet of each ballot.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Button, Card, Checkbox, Form, InputNumber, List, Select, Space, Tag } from 'antd';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { useApi } from '../../lib/hooks.ts';
import { api } from '../../lib/api.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { BALLOT_LABELS, ROUND_LABELS, SHEET_STATE_COLORS, SHEET_STATE_LABELS, num } from './turnoutShared.tsx';
import { fmtPercent } from '../../lib/format.ts';

type AreaDay = {
  election: { id: string; name: string; electionDay: string };
  area: { id: string; number: string; name: string; communeName: string; votersOnList: number };
  hours: string[];
  reports: { at: string; voted: number; kind: string }[];
  ballots: { ballotType: string; unitId: string; unitName: string; sheets: { id: string; round: string; version: number; state: string }[] }[];
};

export function TurnoutAreaPage() {
  const { councilId, areaId } = useParams() as { councilId: string; areaId: string };
  const [sp] = useSearchParams();
  const electionId = sp.get('electionId');
  const base = `/councils/${councilId}/elections/${electionId}`;
  const day = useApi<AreaDay>(electionId ? `${base}/polling-areas/${areaId}/day` : null);
  const [form] = Form.useForm<{ at: string; voted: number; final: boolean }>();
  const [busy, setBusy] = useState(false);
  if (day.error) return <ErrorView error={day.error} />;
  if (!day.data) return <Loading />;
  const d = day.data;
  const next = d.hours.find((h) => !d.reports.some((r) => r.at === h)) ?? d.hours.at(-1);
  const submit = async (v: { at: string; voted: number; final: boolean }) => {
    setBusy(true);
    try {
      await api.put(`${base}/polling-areas/${areaId}/turnout`, { at: v.at, voted: v.voted, kind: v.final ? 'final' : 'estimated' });
      message.success(`Đã báo cáo ${num(v.voted)} cử tri lúc ${v.at}.`);
      form.resetFields(['voted', 'final']);
      day.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page
      title={d.area.name}
      subtitle={`${d.area.communeName} · ${num(d.area.votersOnList)} cử tri trong danh sách`}
      crumbs={[{ title: 'Cử tri đi bầu', to: `/councils/${councilId}/election-day?electionId=${electionId}` }, { title: d.area.name }]}
    >
      <Card title="Báo cáo số cử tri đã bỏ phiếu" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ at: next, final: false }}>
          <Form.Item name="at" label="Giờ báo cáo" rules={[{ required: true, message: 'Hãy chọn giờ báo cáo.' }]}>
            <Select aria-label="Giờ báo cáo" options={d.hours.map((h) => ({ value: h, label: h }))} />
          </Form.Item>
          <Form.Item name="voted" label="Số cử tri đã bỏ phiếu (cộng dồn từ đầu ngày)" rules={[{ required: true, message: 'Hãy nhập số cử tri đã bỏ phiếu.' }]}>
            <InputNumber aria-label="Số cử tri đã bỏ phiếu" min={0} max={d.area.votersOnList} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="final" valuePropName="checked">
            <Checkbox>Số liệu chính thức khi kết thúc bỏ phiếu</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>Gửi báo cáo</Button>
        </Form>
      </Card>
      <Card title="Đã báo cáo" style={{ marginBottom: 16 }}>
        <List
          dataSource={d.reports}
          locale={{ emptyText: 'Chưa báo cáo lần nào.' }}
          renderItem={(r) => (
            <List.Item>
              <Space wrap>
                <strong>{r.at}</strong>
                <span>{num(r.voted)} cử tri ({fmtPercent((r.voted * 100) / (d.area.votersOnList || 1))})</span>
                {r.kind === 'final' ? <Tag color="green">Chính thức</Tag> : <Tag>Ước tính</Tag>}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title="Biên bản kết quả kiểm phiếu (Mẫu số 23)">
        <List
          dataSource={d.ballots}
          renderItem={(b) => {
            const first = b.sheets.find((s) => s.round === 'first');
            return (
              <List.Item actions={[<Link key="open" to={`/councils/${councilId}/election-day/areas/${areaId}/tally/${b.ballotType}?electionId=${electionId}`}>{first ? 'Mở biên bản' : 'Nhập biên bản'}</Link>]}>
                <List.Item.Meta
                  title={`Phiếu bầu ${BALLOT_LABELS[b.ballotType]}`}
                  description={
                    <Space wrap>
                      <span>{b.unitName}</span>
                      {b.sheets.map((s) => <Tag key={s.id} color={SHEET_STATE_COLORS[s.state]}>{ROUND_LABELS[s.round]}: {SHEET_STATE_LABELS[s.state]} (phiên bản {s.version})</Tag>)}
                    </Space>
                  }
                />
              </List.Item>
            );
          }}
        />
      </Card>
    </Page>
  );
}
