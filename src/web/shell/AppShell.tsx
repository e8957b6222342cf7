// The authenticated frame: collapsible left menu built from GET /api/menu, the council switcher and
// the user menu in the header.
import { createContext, Suspense, useContext, useEffect, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Avatar, Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, Modal, Result, Select, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined, AppstoreOutlined, BankOutlined, BellOutlined, CalendarOutlined, ClusterOutlined, FileTextOutlined,
  HistoryOutlined, InboxOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, SafetyOutlined, NotificationOutlined, SettingOutlined, SnippetsOutlined, StarFilled, TeamOutlined,
  UserOutlined, AuditOutlined, CommentOutlined, FileWordOutlined,
} from '@ant-design/icons';
import { useAuth, useMe, type MenuItem } from '../lib/auth.tsx';
import { todayIso } from '../lib/format.ts';
import { Forbidden, Loading, NotFound } from '../components/common.tsx';
import { PasswordForm } from '../pages/PasswordPage.tsx';
import { message } from '../lib/feedback.tsx';
import { useApi, useViewportWidth } from '../lib/hooks.ts';
import { MENU_ICON_COMPONENTS } from './menuIcons.ts';

const { Sider, Header, Content } = Layout;


function iconFor(e: MenuItem) {
  const Icon = (e.icon && MENU_ICON_COMPONENTS[e.icon]) || AppstoreOutlined;
  return <Icon />;
}

const STORAGE_KEY = 'nghitruong.councilId';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CouncilState {
  councilId: string | undefined;
  councilName: string | undefined;
  setCouncil(id: string): void;
}

const CouncilContext = createContext<CouncilState>({ councilId: undefined, councilName: undefined, setCouncil: () => {} });

export const useCouncil = () => useContext(CouncilContext);

/** Is a council over (validTo, exclusive, not after today)? */
export const councilEnded = (c: { validTo: string | null }) => !!c.validTo && c.validTo <= todayIso();

/** Resolves a menu entry's path for the current council; null when it does not apply. */
function resolvePath(e: MenuItem, councilId: string | undefined): string | null {
  let path = e.path;
  if (e.scope === 'council') {
    if (!councilId) return null;
    if (e.councilIds !== 'all' && !(e.councilIds ?? []).includes(councilId)) return null;
    path = path.replace(':councilId', councilId);
  }
  if (path.includes(':agencyId')) {
    const ids = e.agencyIds;
    if (!Array.isArray(ids) || !ids.length) return null;
    path = path.replace(':agencyId', ids[0]!);
  }
  return path;
}

export function useMenuEntries() {
  const { menu } = useAuth();
  const { councilId } = useCouncil();
  return useMemo(
    () =>
      menu
        .map((e) => ({ ...e, href: resolvePath(e, councilId) }))
        .filter((e): e is MenuItem & { href: string } => e.href !== null),
    [menu, councilId],
  );
}

/** The menu as a drawer on a phone; sized from the window's width (which only it follows). */
function PhoneMenu(props: { open: boolean; onClose(): void }) {
  const vw = useViewportWidth();
  return (
    <Drawer
      className="nt-drawer"
      placement="left"
      open={props.open}
      onClose={props.onClose}
      size={Math.min(300, vw - 40)}
      title={
        <div className="nt-brand" style={{ padding: 0, height: 'auto' }}>
          <span className="nt-brand-logo"><StarFilled /></span>
          <span className="nt-brand-name">Nghị Trường</span>
        </div>
      }
      closeIcon={null}
    >
      <SideMenu collapsed={false} />
    </Drawer>
  );
}

export function AppShell() {
  const me = useMe();
  const { logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const [pwOpen, setPwOpen] = useState(false);
  // Phones (< 768 px): the menu is a drawer opened from the header; it closes on navigation.
  const phone = Object.keys(screens).length > 0 && !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  // Current council: the URL's, else the remembered one, else the first.
  const urlCouncil = location.pathname.match(/^\/councils\/([^/]+)/)?.[1];
  const fromUrl = urlCouncil && UUID_RE.test(urlCouncil) ? urlCouncil : undefined;
  const [stored, setStored] = useState<string | null>(() => localStorage.getItem(STORAGE_KEY));
  const known = (id: string | null | undefined) => !!id && me.councils.some((c) => c.id === id);
  const councilId = fromUrl ?? (known(stored) ? stored! : (me.councils.find((c) => !councilEnded(c)) ?? me.councils[0])?.id);
  useEffect(() => {
    if (fromUrl && known(fromUrl) && fromUrl !== stored) {
      localStorage.setItem(STORAGE_KEY, fromUrl);
      setStored(fromUrl);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromUrl]);

  const setCouncil = (id: string) => {
    localStorage.setItem(STORAGE_KEY, id);
    setStored(id);
    const m = location.pathname.match(/^\/councils\/[^/]+\/([^/]+)/);
    if (m) navigate(`/councils/${id}/${m[1]}`);
  };
  const councilName = me.councils.find((c) => c.id === councilId)?.name;
  const councilState = useMemo(() => ({ councilId, councilName, setCouncil }), [councilId, councilName, location.pathname]);

  return (
    <CouncilContext.Provider value={councilState}>
      <Layout style={{ minHeight: '100vh' }}>
        {phone ? (
          <PhoneMenu open={drawerOpen} onClose={() => setDrawerOpen(false)} />
        ) : (
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          collapsedWidth={64}
          width={264}
          style={{ position: 'sticky', top: 0, height: '100vh' }}
        >
          <div className="nt-brand" title="Nghị Trường">
            <span className="nt-brand-logo"><StarFilled /></span>
            <span className="nt-brand-name">Nghị Trường</span>
          </div>
          <SideMenu collapsed={collapsed} />
        </Sider>
        )}
        <Layout style={{ minWidth: 0 }}>
          <Header className="nt-header">
            {phone && (
              <Button
                className="nt-menu-button"
                type="text"
                icon={<MenuOutlined />}
                aria-label="Mở trình đơn"
                data-testid="menu-button"
                onClick={() => setDrawerOpen(true)}
              />
            )}
            <div className="nt-council">
              {me.councils.length > 0 && (
                <>
                  <span className="nt-council-label">Hội đồng nhân dân:</span>
                  <Select
                    aria-label="Chọn Hội đồng nhân dân"
                    data-testid="council-switcher"
                    value={councilId}
                    onChange={setCouncil}
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: screens.md ? 380 : '100%', maxWidth: '100%', minWidth: 0 }}
                    popupMatchSelectWidth={false}
                    options={me.councils.map((c) => ({
                      value: c.id,
                      label: councilEnded(c) ? `${c.name} (đã kết thúc)` : c.name,
                    }))}
                  />
                </>
              )}
            </div>
            <NotificationBell />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'who',
                    disabled: true,
                    label: (
                      <div style={{ maxWidth: 300 }}>
                        <div style={{ fontWeight: 600, color: '#1f2937' }}>{me.fullName}</div>
                        <div style={{ fontSize: 12 }}>Tên đăng nhập: {me.username}</div>
                        {me.grants.map((g) => (
                          <div key={g.id} style={{ fontSize: 12 }}>
                            {g.roleLabel}
                            {g.councilName || g.bodyName || g.agencyName ? ` — ${g.councilName ?? g.bodyName ?? g.agencyName}` : ''}
                          </div>
                        ))}
                      </div>
                    ),
                  },
                  { type: 'divider' },
                  { key: 'notification-preferences', icon: <NotificationOutlined />, label: 'Cách nhận thông báo', onClick: () => navigate('/notifications/preferences') },
                  { key: 'password', icon: <KeyOutlined />, label: 'Đổi mật khẩu', onClick: () => setPwOpen(true) },
                  { key: 'account', icon: <SafetyOutlined />, label: 'Bảo mật tài khoản', onClick: () => navigate('/account') },
                  {
                    key: 'logout',
                    icon: <LogoutOutlined />,
                    label: 'Đăng xuất',
                    onClick: async () => {
                      await logout().catch(() => {});
                      navigate('/login');
                    },
                  },
                ],
              }}
            >
              <div className="nt-user" data-testid="user-menu" role="button" aria-label="Tài khoản">
                <Avatar size="small" style={{ background: '#0b5cad' }} icon={<UserOutlined />} />
                {screens.sm && <span className="nt-user-name">{me.fullName}</span>}
              </div>
            </Dropdown>
          </Header>
          <Content className="nt-content">
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </Content>
        </Layout>
      </Layout>
      <Modal title="Đổi mật khẩu" open={pwOpen} onCancel={() => setPwOpen(false)} footer={null} destroyOnHidden>
        <PasswordForm
          onDone={() => {
            setPwOpen(false);
            message.success('Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.');
          }}
        />
      </Modal>
    </CouncilContext.Provider>
  );
}

function SideMenu({ collapsed }: { collapsed: boolean }) {
  const entries = useMenuEntries();
  const location = useLocation();
  const navigate = useNavigate();

  const groups = new Map<string, (MenuItem & { href: string })[]>();
  for (const e of entries) {
    const g = e.group ?? 'other';
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(e);
  }
  const sorted = [...groups.entries()].sort(
    (a, b) => Math.min(...a[1].map((e) => e.order)) - Math.min(...b[1].map((e) => e.order)),
  );
  const entryItem = (e: MenuItem) => ({ key: e.key, icon: iconFor(e), label: e.label, title: e.label });
  // Collapsed (icons only): group titles would be cut to a few letters, so dividers separate groups.
  const items: MenuProps['items'] = collapsed
    ? sorted.flatMap(([g, list], i) => [
        ...(i ? [{ type: 'divider' as const, key: `div:${g}`, style: { borderColor: 'rgba(255,255,255,0.15)' } }] : []),
        ...list.map(entryItem),
      ])
    : sorted.map(([g, list]) => ({ type: 'group' as const, key: `group:${g}`, label: list[0]?.groupLabel ?? g, children: list.map(entryItem) }));

  // The entry whose path is the longest prefix of the current location.
  const selected = entries
    .filter((e) => location.pathname === e.href || location.pathname.startsWith(e.href + '/'))
    .sort((a, b) => b.href.length - a.href.length)[0];

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected.key] : []}
      onClick={({ key }) => {
        const e = entries.find((x) => x.key === key);
        if (e) navigate(e.href);
      }}
    />
  );
}

/** Council screens: only for councils the user works with (the server checks again). */
export function CouncilGuard() {
  const { councilId } = useParams();
  const { worksWith } = useAuth();
  if (!worksWith(councilId)) {
    return <Forbidden detail="Bạn không có quyền xem dữ liệu của Hội đồng nhân dân này. Nếu cần, hãy đề nghị quản trị viên giao quyền phù hợp." />;
  }
  return <Outlet />;
}


/** A page the menu offers but this version of the web client does not have yet. */
export function ShellNotFound() {
  const entries = useMenuEntries();
  const location = useLocation();
  const entry = entries.find((e) => location.pathname === e.href || location.pathname.startsWith(e.href + '/'));
  if (entry) {
    return (
      <Result
        status="info"
        title={entry.label}
        subTitle="Chức năng này đang được hoàn thiện và sẽ có trong phiên bản tới của giao diện."
      />
    );
  }
  return <NotFound />;
}

/** The unread-notification count (reminders of due and overdue petitions), refreshed on every page. */
function NotificationBell() {
  const location = useLocation();
  const navigate = useNavigate();
  const unread = useApi<{ unread: number }>('/notifications', { unread: 'true', pageSize: 1 });
  const { reload } = unread;
  useEffect(() => reload(), [location.pathname, reload]);
  const n = unread.data?.unread ?? 0;
  return (
    <Tooltip title={n ? `${n} thông báo chưa đọc` : 'Thông báo'}>
      <Badge count={n} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined />}
          aria-label={n ? `Thông báo: ${n} chưa đọc` : 'Thông báo'}
          data-testid="notification-bell"
          onClick={() => navigate('/notifications')}
        />
      </Badge>
    </Tooltip>
  );
}
