// Public page (no login, outside the shell): voters choose a council and a round and see the
// petitions raised and the answers received. The public API never returns personal data.
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Card, Empty, Input, Layout, List, Pagination, Result, Select, Space, Spin, Tag, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { api, ApiError } from '../../lib/api.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { ResultTag, StatusTag } from '../petitions/shared.tsx';

interface PublicCouncil {
  id: string;
  name: string;
  validTo: string | null;
}
interface PublicRound {
  id: string;
  name: string;
  kindLabel: string;
  sessionName: string;
  startDate: string;
  endDate: string | null;
}
interface PublicPetition {
  id: string;
  number: number;
  text: string;
  status: string;
  statusLabel: string;
  fieldName: string | null;
  agencyName: string | null;
  levelLabel: string | null;
  communes: string[];
  voterCount: number;
  rounds: string[];
  answers: { result: string; resultLabel: string; text: string; letterNumber: string; letterDate: string | null; roadmap: string; committedDate: string | null; respondedOn: string; agencyName: string | null }[];
}

const PAGE = 200;

function Frame({ children, title }: { children: React.ReactNode; title?: string }) {
  useEffect(() => {
    document.title = title ? `${title} — Nghị Trường` : 'Kết quả giải quyết kiến nghị cử tri — Nghị Trường';
  }, [title]);
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header style={{ background: '#0f2b4c', display: 'flex', alignItems: 'center', gap: 12, padding: '0 20px' }}>
        <StarFilled style={{ color: '#ffd666', fontSize: 20 }} />
        <Link to="/cong-khai" style={{ color: '#fff', fontWeight: 600, fontSize: 17 }}>Kiến nghị cử tri và kết quả trả lời</Link>
      </Layout.Header>
      <Layout.Content style={{ padding: '20px 16px', maxWidth: 1080, width: '100%', margin: '0 auto' }}>{children}</Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#6b7280', fontSize: 13 }}>
        Thông tin công khai theo quy định về tiếp xúc cử tri. Không công bố họ tên, nơi ở của cử tri.
      </Layout.Footer>
    </Layout>
  );
}

export function PublicHomePage() {
  const [councils, setCouncils] = useState<PublicCouncil[] | null>(null);
  const navigate = useNavigate();
  useEffect(() => {
    api.get<PublicCouncil[]>('/public/councils').then(setCouncils).catch(() => setCouncils([]));
  }, []);
  return (
    <Frame>
      <Typography.Title level={3}>Kết quả giải quyết kiến nghị của cử tri</Typography.Title>
      <Typography.Paragraph>Chọn Hội đồng nhân dân để xem các kiến nghị cử tri đã nêu tại các đợt tiếp xúc và kết quả trả lời của cơ quan có thẩm quyền.</Typography.Paragraph>
      {!councils ? (
        <Spin />
      ) : councils.length === 0 ? (
        <Empty description="Chưa có Hội đồng nhân dân nào công bố kết quả." />
      ) : (
        <Card>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%', maxWidth: 520 }}
            placeholder="Chọn Hội đồng nhân dân"
            aria-label="Chọn Hội đồng nhân dân"
            onChange={(id: string) => navigate(`/cong-khai/${id}`)}
            options={councils.map((c) => ({ value: c.id, label: c.name }))}
          />
          <List
            style={{ marginTop: 16 }}
            dataSource={councils}
            renderItem={(c) => (
              <List.Item>
                <Link to={`/cong-khai/${c.id}`}>{c.name}</Link>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Frame>
  );
}

export function PublicCouncilPage() {
  const { councilId } = useParams() as { councilId: string };
  const [councils, setCouncils] = useState<PublicCouncil[]>([]);
  const [rounds, setRounds] = useState<PublicRound[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [roundId, setRoundId] = useState<string>();
  const [commune, setCommune] = useState<string>();
  const [q, setQ] = useState('');
  const dq = useDebounced(q.trim(), 300);
  const [items, setItems] = useState<PublicPetition[] | null>(null);
  const [page, setPage] = useState(1);

  useEffect(() => {
    api.get<PublicCouncil[]>('/public/councils').then(setCouncils).catch(() => {});
    api
      .get<PublicRound[]>(`/public/councils/${councilId}/rounds`)
      .then((r) => {
        setRounds(r);
        setRoundId(r[0]?.id);
      })
      .catch((err) => setError(err instanceof ApiError ? err.message : 'Không tải được dữ liệu.'));
  }, [councilId]);
  useEffect(() => {
    if (!roundId) return;
    setItems(null);
    api
      .get<{ items: PublicPetition[] }>(`/public/councils/${councilId}/petitions`, { roundId, q: dq || undefined, pageSize: PAGE })
      .then((p) => {
        setItems(p.items);
        setPage(1);
      })
      .catch(() => setItems([]));
  }, [councilId, roundId, dq]);

  const communes = useMemo(() => [...new Set((items ?? []).flatMap((p) => p.communes))].sort((a, b) => a.localeCompare(b, 'vi')), [items]);
  const shown = (items ?? []).filter((p) => !commune || p.communes.includes(commune));
  const council = councils.find((c) => c.id === councilId);
  const round = rounds?.find((r) => r.id === roundId);
  const answered = shown.filter((p) => p.answers.length > 0).length;

  if (error) {
    return (
      <Frame>
        <Result status="404" title="Chưa có thông tin công khai" subTitle={error} extra={<Link to="/cong-khai">Xem các HĐND khác</Link>} />
      </Frame>
    );
  }
  return (
    <Frame title={council?.name}>
      <Typography.Title level={3} style={{ marginBottom: 4 }}>{council?.name ?? 'Hội đồng nhân dân'}</Typography.Title>
      <Typography.Paragraph type="secondary">Kiến nghị của cử tri và kết quả trả lời của cơ quan có thẩm quyền</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            style={{ width: 360, maxWidth: '100%' }}
            value={roundId}
            onChange={setRoundId}
            aria-label="Đợt tiếp xúc cử tri"
            options={(rounds ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
          <Select allowClear style={{ width: 220 }} placeholder="Xã, phường" value={commune} onChange={setCommune} aria-label="Xã, phường" options={communes.map((c) => ({ value: c, label: c }))} />
          <Input.Search allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder="Tìm nội dung kiến nghị" style={{ width: 280, maxWidth: '100%' }} aria-label="Tìm kiến nghị" />
        </Space>
        {round && (
          <div style={{ marginTop: 8, color: '#4b5563' }}>
            {round.kindLabel}
            {round.sessionName ? ` · ${round.sessionName}` : ''} · từ {fmtDate(round.startDate)}
            {round.endDate ? ` đến ${fmtDate(round.endDate)}` : ''}
          </div>
        )}
      </Card>
      {!items ? (
        <Spin />
      ) : shown.length === 0 ? (
        <Empty description="Không có kiến nghị nào." />
      ) : (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${shown.length} kiến nghị, đã có trả lời ${answered} kiến nghị.`} />
          <div data-testid="public-petitions">
            {shown.slice((page - 1) * 20, page * 20).map((p) => (
              <Card key={p.id} size="small" style={{ marginBottom: 12 }}>
                <Space wrap size={4} style={{ marginBottom: 6 }}>
                  <b>Kiến nghị số {p.number}</b>
                  <StatusTag status={p.status} label={p.statusLabel} />
                  {p.fieldName && <Tag>{p.fieldName}</Tag>}
                </Space>
                <div style={{ fontSize: 15 }}>{p.text}</div>
                <div style={{ color: '#6b7280', fontSize: 13, marginTop: 4 }}>
                  {[p.communes.length ? `Địa bàn: ${p.communes.join(', ')}` : '', `${p.voterCount} lượt cử tri kiến nghị`, p.agencyName ? `Cơ quan giải quyết: ${p.agencyName}` : '']
                    .filter(Boolean)
                    .join(' · ')}
                </div>
                {p.answers.map((a, i) => (
                  <div key={i} style={{ marginTop: 10, padding: '8px 12px', background: '#f6ffed', borderLeft: '3px solid #52c41a', borderRadius: 4 }}>
                    <Space wrap size={4}>
                      <ResultTag result={a.result} label={a.resultLabel} />
                      <b>{a.agencyName ?? 'Trả lời'}</b>
                      <Typography.Text type="secondary">
                        {a.letterNumber ? `Văn bản số ${a.letterNumber}` : ''}
                        {a.letterDate ? ` ngày ${fmtDate(a.letterDate)}` : ` ngày ${fmtDate(a.respondedOn)}`}
                      </Typography.Text>
                    </Space>
                    <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{a.text}</div>
                    {a.committedDate && <div style={{ marginTop: 4 }}>Cam kết hoàn thành: {fmtDate(a.committedDate)}</div>}
                  </div>
                ))}
                {p.answers.length === 0 && <div style={{ marginTop: 8, color: '#9ca3af' }}>Chưa có trả lời.</div>}
              </Card>
            ))}
          </div>
          <Pagination current={page} pageSize={20} total={shown.length} onChange={setPage} hideOnSinglePage showSizeChanger={false} />
        </>
      )}
    </Frame>
  );
}
