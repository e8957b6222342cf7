// Start page: what to do next. Each role's to-do list (GET /api/todo: lines registered by the
// modules, counted with the filters of the lists they open) for the current council and each
// agency the user answers for; the menu's entries follow as shortcuts.
import { Badge, Card, Col, Empty, List, Row, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../lib/auth.tsx';
import { useApi } from '../lib/hooks.ts';
import { ErrorView, Loading, Page } from '../components/common.tsx';
import { useCouncil, useMenuEntries } from '../shell/AppShell.tsx';

type Tone = 'danger' | 'warning' | 'info';
interface TodoLine {
  key: string;
  label: string;
  tone: Tone;
  count: number;
  link: string;
  note?: string;
  preview?: { title: string; detail?: string; link: string; tone?: Tone }[];
}
interface TodoGroup {
  scope: 'council' | 'agency';
  id: string;
  name: string;
  entries: TodoLine[];
}

const TONE_COLOR: Record<Tone, string> = { danger: '#cf1322', warning: '#d46b08', info: '#0b5cad' };

function TodoCard({ group }: { group: TodoGroup }) {
  const navigate = useNavigate();
  // Lines overlap (overdue and long overdue), so the tag counts lines with work, not items.
  const waiting = group.entries.filter((e) => e.tone !== 'info' && e.count > 0).length;
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{group.scope === 'agency' ? `Cơ quan: ${group.name}` : group.name}</span>}
      extra={waiting ? <Tag color="orange">{waiting} mục có việc đang chờ</Tag> : <Tag color="green">Không có việc tồn</Tag>}
      style={{ marginBottom: 16 }}
    >
      <List
        dataSource={group.entries}
        renderItem={(e) => (
          <List.Item style={{ display: 'block' }} data-testid={`todo-${e.key}`}>
            <div
              role="link"
              tabIndex={0}
              className="nt-todo-line"
              onClick={() => navigate(e.link)}
              onKeyDown={(k) => k.key === 'Enter' && navigate(e.link)}
            >
              <Badge
                count={e.count}
                showZero
                overflowCount={9999}
                color={e.count ? TONE_COLOR[e.tone] : '#bfbfbf'}
                style={{ minWidth: 36 }}
              />
              <span className="nt-todo-label">
                {e.label}
                {e.note && <Typography.Text type="secondary"> — {e.note}</Typography.Text>}
              </span>
              <RightOutlined style={{ color: '#8c8c8c' }} />
            </div>
            {!!e.preview?.length && (
              <ul className="nt-todo-preview">
                {e.preview.map((p) => (
                  <li key={p.link + p.title}>
                    <Link to={p.link}>{p.title}</Link>
                    {p.detail && (
                      <Typography.Text type={p.tone === 'danger' ? 'danger' : p.tone === 'warning' ? 'warning' : 'secondary'}> · {p.detail}</Typography.Text>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}

export function HomePage() {
  const me = useMe();
  const entries = useMenuEntries();
  const { councilId, councilName } = useCouncil();
  const navigate = useNavigate();
  const todo = useApi<{ groups: TodoGroup[] }>('/todo', { councilId });
  return (
    <Page title={`Xin chào, ${me.fullName}`} subtitle={councilName ? `Đang làm việc với: ${councilName}` : undefined}>
      <h2 className="nt-section-title">Việc cần làm</h2>
      {todo.error ? (
        <ErrorView error={todo.error} onRetry={todo.reload} />
      ) : todo.loading && !todo.data ? (
        <Loading />
      ) : todo.data?.groups.length ? (
        <Row gutter={[16, 0]}>
          {todo.data.groups.map((g) => (
            <Col key={`${g.scope}:${g.id}`} xs={24} xl={todo.data!.groups.length > 1 ? 12 : 24}>
              <TodoCard group={g} />
            </Col>
          ))}
        </Row>
      ) : (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Empty description="Không có việc nào đang chờ bạn." />
        </Card>
      )}
      <h2 className="nt-section-title">Chức năng</h2>
      {entries.length ? (
        <Row gutter={[12, 12]}>
          {entries.map((e) => (
            <Col key={e.key} xs={24} sm={12} lg={8} xl={6}>
              <Card hoverable onClick={() => navigate(e.href)} size="small">
                <Card.Meta title={e.label} description={e.path.includes(':councilId') ? councilName : e.path.includes(':agencyId') ? 'Cơ quan của bạn' : 'Dùng chung'} />
              </Card>
            </Col>
          ))}
        </Row>
      ) : (
        <Empty description="Chưa có chức năng nào dành cho bạn." />
      )}
      <Card size="small" title="Vai trò của bạn" style={{ marginTop: 16 }}>
        {me.grants.length ? (
          me.grants.map((g) => (
            <Tag key={g.id} color="blue" style={{ marginBottom: 4, whiteSpace: 'normal' }}>
              {g.roleLabel}
              {g.councilName || g.bodyName || g.agencyName ? ` — ${g.councilName ?? g.bodyName ?? g.agencyName}` : ''}
            </Tag>
          ))
        ) : (
          <span>Bạn chưa được giao vai trò nào. Hãy liên hệ quản trị viên.</span>
        )}
      </Card>
    </Page>
  );
}
