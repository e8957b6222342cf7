// Permission plumbing: modules declare permissions and which roles hold them; a route declares
// the permission it needs and where its scope comes from. Nothing domain-specific lives here.

/** A role held by a user, with the council/body/agency it applies to (null = not scoped by it). */
export interface Grant {
  role: string;
  councilId: string | null;
  bodyId: string | null;
  agencyId: string | null;
}

export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  grants: Grant[];
  csrfToken: string;
  mustChangePassword: boolean;
  /** Two-factor sign-in is required of this user (by them or a role) but not set up yet. */
  mustEnrollTotp: boolean;
  /** The id of the session this request came with. */
  sessionId: string;
}

/**
 * Where a route's scope comes from:
 * - `public`: anyone, no login;
 * - `authenticated`: any logged-in user (no permission needed, e.g. "who am I");
 * - `global`: a permission held anywhere (e.g. administrators managing users);
 * - `council`: the `councilId` path parameter must be covered by a grant;
 * - `agency`: the `agencyId` path parameter must be covered by a grant.
 */
export type ScopeKind = 'public' | 'authenticated' | 'global' | 'council' | 'agency';

export interface PermissionDef {
  label: string;
  roles: string[];
}

/** The role that holds every permission everywhere. */
export const SUPER_ROLE = 'admin';

const permissionRegistry = new Map<string, PermissionDef>();

export function registerPermissions(defs: Record<string, PermissionDef>): void {
  for (const [name, def] of Object.entries(defs)) {
    if (permissionRegistry.has(name)) throw new Error(`Permission ${name} registered twice`);
    permissionRegistry.set(name, def);
  }
}

export function permissionDef(name: string): PermissionDef {
  const def = permissionRegistry.get(name);
  if (!def) throw new Error(`Unknown permission ${name}`);
  return def;
}

export function allPermissions(): ReadonlyMap<string, PermissionDef> {
  return permissionRegistry;
}

export function roleHas(role: string, permission: string): boolean {
  return role === SUPER_ROLE || permissionDef(permission).roles.includes(role);
}

export interface ScopeTarget {
  councilId?: string;
  agencyId?: string;
}

/** Does the user hold `permission` for the target? (`undefined` target = anywhere). */
export function can(user: AuthUser | null, permission: string, target?: ScopeTarget): boolean {
  if (!user) return false;
  return user.grants.some((g) => {
    if (!roleHas(g.role, permission)) return false;
    if (g.role === SUPER_ROLE || !target) return true;
    if (target.councilId && g.councilId === target.councilId) return true;
    if (target.agencyId && g.agencyId === target.agencyId) return true;
    return false;
  });
}

/** Councils (or agencies) where the user holds `permission`; `'all'` for administrators. */
export function scopesOf(user: AuthUser | null, permission: string, key: 'councilId' | 'agencyId'): 'all' | string[] {
  if (!user) return [];
  const out = new Set<string>();
  for (const g of user.grants) {
    if (!roleHas(g.role, permission)) continue;
    if (g.role === SUPER_ROLE) return 'all';
    const id = g[key];
    if (id) out.add(id);
  }
  return [...out];
}
