// The signed-in user (GET /api/auth/me), the menu the server allows, and login/logout.
import type { MenuIcon } from '../../server/menuIcons.ts';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ApiError, request, setCsrfToken, setUnauthorizedHandler } from './api.ts';

export interface Grant {
  id: string;
  role: string;
  roleLabel: string;
  councilId: string | null;
  councilName: string | null;
  bodyId: string | null;
  bodyName: string | null;
  agencyId: string | null;
  agencyName: string | null;
}

export interface Me {
  id: string;
  username: string;
  fullName: string;
  mustChangePassword: boolean;
  /** Two-factor sign-in is required but not set up: only that page until it is. */
  mustEnrollTotp: boolean;
  totpEnabled: boolean;
  csrfToken: string;
  isAdmin: boolean;
  grants: Grant[];
  councils: { id: string; name: string; validTo: string | null }[];
}

export interface MenuItem {
  key: string;
  label: string;
  path: string;
  group?: string;
  /** The group's title, declared by the module that introduces it. */
  groupLabel?: string;
  order: number;
  icon?: MenuIcon;
  scope: 'global' | 'council' | 'agency';
  permission?: string;
  councilIds?: 'all' | string[];
  agencyIds?: 'all' | string[];
}

interface AuthState {
  me: Me | null;
  menu: MenuItem[];
  loading: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  /** May the user manage directory data (delegates, bodies) of this council? */
  canManageCouncil(councilId: string | undefined): boolean;
  /** Is this council among the ones the user works with? */
  worksWith(councilId: string | undefined): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [menu, setMenu] = useState<MenuItem[]>([]);
  const [loading, setLoading] = useState(true);
  // Bumped by logout: a /me answer that was on its way before the logout must not sign the user
  // back in on screen.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const asked = generation.current;
    try {
      const m = await request<Me>('GET', '/auth/me', { quiet401: true });
      // Until the forced password change or two-factor setup is done the server refuses the menu.
      const pending = m.mustChangePassword || m.mustEnrollTotp;
      const items = pending ? [] : (await request<{ entries: MenuItem[] }>('GET', '/menu', { quiet401: true })).entries;
      if (asked !== generation.current) return;
      setCsrfToken(m.csrfToken);
      setMe(m);
      setMenu(items);
    } catch (err) {
      if (asked !== generation.current) return;
      if (err instanceof ApiError && err.status === 401) {
        setMe(null);
        setMenu([]);
      } else throw err;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setMe(null);
      setMenu([]);
    });
    refresh().catch(() => setLoading(false));
    return () => setUnauthorizedHandler(null);
  }, [refresh]);

  const login = useCallback(
    async (username: string, password: string) => {
      await request('POST', '/auth/login', { body: { username, password }, quiet401: true });
      generation.current++;
      await refresh();
    },
    [refresh],
  );

  const logout = useCallback(async () => {
    generation.current++;
    try {
      await api.post('/auth/logout');
    } finally {
      setCsrfToken('');
      setMe(null);
      setMenu([]);
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      me,
      menu,
      loading,
      login,
      logout,
      refresh,
      canManageCouncil: (councilId) =>
        !!me && (me.isAdmin || me.grants.some((g) => g.role === 'secretariat' && g.councilId === councilId)),
      worksWith: (councilId) => !!me && !!councilId && (me.isAdmin || me.councils.some((c) => c.id === councilId)),
    }),
    [me, menu, loading, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in user (only used inside the authenticated shell). */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a user');
  return me;
}
