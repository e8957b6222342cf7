// Phòng họp: the chair's screen (present / seats / serving / what a vote needs now, the speaker at
// the floor with the countdown), the secretariat's check-in (one at a time or in bulk, for the
// whole session or an agenda item) and the speakers' list the chair orders. Stays current by
// itself; the full-screen speaking view opens from here.
import { useSearchParams, useParams, Link } from 'react-router-dom';
import { Alert, Card, Col, Empty, Row, Select, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { ErrorView, Loading, Page } from '../../../components/common.tsx';
import type { Page as ListPage } from '../../../lib/api.ts';
import { useApi } from '../../../lib/hooks.ts';
import { fmtDate } from '../../../lib/format.ts';
import { useSessionParam } from '../shared.tsx';
import {
  Countdown, ItemSelect, Toolbar, UnverifiedTag, pickSession, useFloorLive, useServerOffset,
  type ChamberSession, type FloorView, type RuleNow,
} from './floorShared.tsx';
import { AttendancePanel } from './AttendancePanel.tsx';
import { LiveTag } from './votesShared.tsx';
import { SpeakersPanel } from './SpeakersPanel.tsx';

export function ChamberPage() {
  const { councilId } = useParams() as { councilId: string };
  const [params, setParams] = useSearchParams();
  const sessions = useApi<ListPage<ChamberSession>>(`/councils/${councilId}/chamber/sessions`, { pageSize: 50 });
  const [sessionId, setSessionId] = useSessionParam(sessions.data?.items, pickSession);
  const tab = params.get('tab') ?? 'floor';
  const itemId = params.get('itemId');
  const set = (k: string, v: string | null) => setParams((p) => { if (v) p.set(k, v); else p.delete(k); return p; }, { replace: true });
  if (sessions.error) return <ErrorView error={sessions.error} />;
  const list = sessions.data?.items ?? [];
  return (
    <Page title="Phòng họp" subtitle="Điểm danh, màn hình chủ tọa và danh sách phát biểu" crumbs={[{ title: 'Kỳ họp' }, { title: 'Phòng họp' }]}>
      {sessions.loading && !sessions.data ? <Loading /> : list.length === 0 ? <Card><Empty description="Chưa có kỳ họp nào." /></Card> : (
        <>
          <Select aria-label="Kỳ họp" value={sessionId ?? undefined} onChange={setSessionId} style={{ width: 460, maxWidth: '100%', marginBottom: 12 }}
            options={list.map((s) => ({ value: s.id, label: `${s.title} · ${fmtDate(s.openingDate)} · ${s.stateLabel}` }))} />
          {sessionId && (
            <Card>
              <Tabs destroyOnHidden activeKey={tab} onChange={(k) => set('tab', k)} items={[
                { key: 'floor', label: 'Màn hình chủ tọa', children: <FloorScreen councilId={councilId} sessionId={sessionId} itemId={itemId} onItem={(v) => set('itemId', v)} /> },
                { key: 'attendance', label: 'Điểm danh', children: <AttendancePanel councilId={councilId} sessionId={sessionId} itemId={itemId} onItem={(v) => set('itemId', v)} /> },
                { key: 'speakers', label: 'Danh sách phát biểu', children: <SpeakersPanel councilId={councilId} sessionId={sessionId} itemId={itemId} onItem={(v) => set('itemId', v)} /> },
              ]} />
            </Card>
          )}
        </>
      )}
    </Page>
  );
}

function Big(props: { label: string; value: number | string; detail?: React.ReactNode; testId: string; color?: string }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <div style={{ color: '#4b5563', fontSize: 14 }}>{props.label}</div>
      <div data-testid={props.testId} style={{ fontSize: 44, lineHeight: 1.1, fontWeight: 700, color: props.color, fontVariantNumeric: 'tabular-nums' }}>{props.value}</div>
      {props.detail && <div style={{ color: '#6b7280', fontSize: 13, marginTop: 4 }}>{props.detail}</div>}
    </Card>
  );
}

function Needed({ rule }: { rule: RuleNow }) {
  if (!rule.threshold) return <Alert type="error" showIcon message={`${rule.ruleLabel}: không tính được ngưỡng`} description={rule.thresholdError} />;
  const t = rule.threshold;
  return (
    <Space direction="vertical" size={2}>
      <Space wrap>
        <Typography.Text strong>{rule.ruleLabel}:</Typography.Text>
        <span data-testid={`needed-${rule.ruleKey}`}>cần ít nhất <strong>{t.needed}</strong> đại biểu tán thành</span>
        <span>({t.fractionLabel} {t.baseKind === 'serving' ? 'tổng số đại biểu hiện có' : 'tổng số đại biểu'}: {t.base})</span>
        {t.reducedCouncil && <Tag color="volcano">Ngoại lệ Điều 49 khoản 2</Tag>}
        {!t.verified && <Tag color="gold">Quy tắc chưa kiểm chứng</Tag>}
        {rule.reachable === false && <Tag color="red">Số đại biểu có mặt chưa đủ để thông qua</Tag>}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>Căn cứ: {t.source}. {t.baseReason}</Typography.Text>
      {t.notes.map((n) => <Typography.Text key={n} type="warning" style={{ fontSize: 12 }}>{n}</Typography.Text>)}
    </Space>
  );
}

export function FloorScreen(props: { councilId: string; sessionId: string; itemId: string | null; onItem(v: string | null): void }) {
  const base = `/councils/${props.councilId}/chamber/sessions/${props.sessionId}`;
  const view = useApi<FloorView>(`${base}/floor`, { sessionItemId: props.itemId ?? undefined });
  const live = useFloorLive(props.councilId, props.sessionId, view.reload);
  const offset = useServerOffset(view.data?.serverNow);
  if (view.error) return <ErrorView error={view.error} onRetry={view.reload} />;
  const v = view.data;
  if (!v) return <Loading />;
  const n = v.numbers;
  const resolution = v.rules.find((r) => r.ruleKey === 'resolution')!;
  const sp = v.speakers;
  const screenLink = sp ? `/councils/${props.councilId}/chamber/screen?sessionId=${props.sessionId}&itemId=${sp.itemId}` : null;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="floor-screen">
      <Toolbar>
        <ItemSelect items={v.items} value={props.itemId} onChange={props.onItem} allowSession />
        <Tag>{v.session.stateLabel}</Tag>
        <LiveTag status={live} />
      </Toolbar>
      <Row gutter={[12, 12]}>
        <Col xs={12} lg={6}><Big label="Có mặt" value={n.present} testId="count-present" color="#237804" detail={`trong phòng ${n.inRoom} · trực tuyến ${n.online}`} /></Col>
        <Col xs={12} lg={6}>
          <Big label="Tổng số đại biểu theo luật định" value={n.seats} testId="count-seats"
            detail={<Tooltip title={v.seatsExplanation}><span>{v.seatsSource === 'profile' ? 'theo quy định kỳ họp' : v.seatsSource === 'constituencies' ? 'theo các đơn vị bầu cử' : 'tạm tính'}</span></Tooltip>} />
        </Col>
        <Col xs={12} lg={6}><Big label="Đại biểu hiện có" value={n.serving} testId="count-serving" detail={`vắng ${n.absent} · chưa điểm danh ${n.notCheckedIn}`} /></Col>
        <Col xs={12} lg={6}>
          <Big label="Biểu quyết thông qua cần" value={resolution.threshold ? resolution.threshold.needed : '—'} testId="count-needed" color="#0b5cad"
            detail={resolution.threshold ? `đại biểu tán thành (${resolution.threshold.fractionLabel} ${resolution.threshold.base})` : 'không tính được'} />
        </Col>
      </Row>
      {v.seatsSource === 'elected' && <Alert type="warning" showIcon message={v.seatsExplanation} />}
      <Card size="small" title="Số phiếu tán thành cần lúc này">
        <Space direction="vertical" size={8}>{v.rules.map((r) => <Needed key={r.ruleKey} rule={r} />)}</Space>
      </Card>
      <Card size="small" title={sp ? `Phát biểu: ${sp.itemTitle}` : 'Phát biểu'} extra={screenLink && <Link to={screenLink}>Mở màn hình toàn cảnh</Link>}>
        {!sp ? <Empty description="Kỳ họp chưa có nội dung." /> : (
          <Row gutter={[12, 12]} align="middle">
            <Col xs={24} md={12}>
              {sp.speaking ? (
                <div data-testid="current-speaker">
                  <div style={{ color: '#4b5563' }}>Đang phát biểu ({sp.speaking.kindLabel.toLowerCase()})</div>
                  <div style={{ fontSize: 22, fontWeight: 600 }}>{sp.speaking.fullName}</div>
                  <Countdown speaker={sp.speaking} offset={offset} size={40} />
                </div>
              ) : <Typography.Text type="secondary">Chưa có đại biểu nào đang phát biểu.</Typography.Text>}
            </Col>
            <Col xs={24} md={12}>
              <div style={{ color: '#4b5563' }}>Tiếp theo ({sp.waiting} chờ · {sp.done} đã phát biểu)</div>
              {sp.next.length ? <ol style={{ margin: 0, paddingLeft: 20 }}>{sp.next.map((x) => <li key={x.id}>{x.fullName} <Typography.Text type="secondary">· {x.kindLabel}</Typography.Text></li>)}</ol> : <Typography.Text type="secondary">Không còn ai chờ.</Typography.Text>}
            </Col>
          </Row>
        )}
        <div style={{ marginTop: 8, fontSize: 12, color: '#6b7280' }}>
          Thời gian phát biểu / chất vấn / trả lời: {v.speakingMinutes.speech} / {v.speakingMinutes.question} / {v.speakingMinutes.answer} phút {v.speakingMinutesDefault && <UnverifiedTag />}
        </div>
      </Card>
    </Space>
  );
}
