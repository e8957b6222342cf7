// Start page: who I am, in which council, and where I can go.
import { Card, Col, Empty, Row, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../lib/auth.tsx';
import { Page } from '../components/common.tsx';
import { useCouncil, useMenuEntries } from '../shell/AppShell.tsx';

export function HomePage() {
  const me = useMe();
  const entries = useMenuEntries();
  const { councilName } = useCouncil();
  const navigate = useNavigate();
  return (
    <Page title={`Xin chào, ${me.fullName}`} subtitle={councilName ? `Đang làm việc với: ${councilName}` : undefined}>
      <Card size="small" title="Vai trò của bạn" style={{ marginBottom: 16 }}>
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
      {entries.length ? (
        <Row gutter={[16, 16]}>
          {entries.map((e) => (
            <Col key={e.key} xs={24} sm={12} lg={8} xl={6}>
              <Card hoverable onClick={() => navigate(e.href)} size="small">
                <Card.Meta title={e.label} description={e.path.includes(':councilId') ? councilName : 'Dùng chung'} />
              </Card>
            </Col>
          ))}
        </Row>
      ) : (
        <Empty description="Chưa có chức năng nào dành cho bạn." />
      )}
    </Page>
  );
}
