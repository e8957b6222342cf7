// Demo accounts: one per role, all with the same demo password (README: "Đăng nhập thử").
import type { SeedContext } from '../../server/module.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { eq } from 'drizzle-orm';
import { hashPassword } from './password.ts';
import { createUser, grantRole } from './service.ts';
import { users } from './schema.ts';
import { delegates } from '../directory/schema.ts';

export const DEMO_PASSWORD = 'NghiTruong@2026';

// The demo password is hashed once per process (at full cost) and that hash given to every demo
// user: seeding does not pay twelve scrypt runs. The demo users share a salt; their password is
// public anyway.
let demoHash: Promise<string> | undefined;
const demoPasswordHash = () => (demoHash ??= hashPassword(DEMO_PASSWORD));

export const DEMO_USERS: { username: string; fullName: string; role: string; scope?: string }[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin' },
  { username: 'vp.tinh', fullName: 'Nguyễn Thị Hồng', role: 'secretariat', scope: 'council:province' },
  { username: 'vp.thixa', fullName: 'Trần Văn Khải', role: 'secretariat', scope: 'council:town' },
  { username: 'vp.sahuynh', fullName: 'Lê Thị Mỹ', role: 'secretariat', scope: 'council:sa-huynh' },
  { username: 'vp.ducpho', fullName: 'Phạm Văn Nam', role: 'secretariat', scope: 'council:duc-pho-ward' },
  { username: 'tt.sahuynh', fullName: 'Huỳnh Văn Đạt', role: 'standing_member', scope: 'council:sa-huynh' },
  { username: 'ban.sahuynh', fullName: 'Võ Thị Kim', role: 'committee_member', scope: 'body:sa-huynh:committee:0' },
  { username: 'daibieu.sahuynh', fullName: 'Đặng Văn Tín', role: 'delegate', scope: 'council:sa-huynh' },
  { username: 'mttq.sahuynh', fullName: 'Bùi Thị Hoa', role: 'front_staff', scope: 'council:sa-huynh' },
  { username: 'ubnd.sahuynh', fullName: 'Đỗ Văn Tâm', role: 'agency_responder', scope: 'agency:ubnd-sa-huynh' },
  { username: 'so.xaydung', fullName: 'Ngô Thị Thảo', role: 'agency_responder', scope: 'agency:so-xay-dung' },
  { username: 'dienluc', fullName: 'Dương Văn Lực', role: 'agency_responder', scope: 'agency:dien-luc' },
];

export async function seedAccounts(ctx: SeedContext): Promise<void> {
  for (const u of DEMO_USERS) {
    const user = await createUser(ctx.db, SYSTEM_ACTOR, {
      username: u.username,
      fullName: u.fullName,
      password: DEMO_PASSWORD,
      passwordHash: await demoPasswordHash(),
      mustChangePassword: false,
    });
    const [kind] = (u.scope ?? '').split(':');
    const id = u.scope ? ctx.ids.get(u.scope) : undefined;
    if (u.scope && !id) throw new Error(`Demo seed: unknown ${u.scope}`);
    await grantRole(ctx.db, SYSTEM_ACTOR, user.id, {
      role: u.role,
      councilId: kind === 'council' ? id : null,
      bodyId: kind === 'body' ? id : null,
      agencyId: kind === 'agency' ? id : null,
    });
    ctx.ids.set(`user:${u.username}`, user.id);
  }
  // The demo delegate is one of the ward's delegates: the same e-mail links the account to the
  // delegate record (and so to the delegate group on the home page's to-do list).
  const delegateId = ctx.ids.get('delegate:sa-huynh:3');
  if (delegateId) {
    const email = 'daibieu.sahuynh@example.vn';
    await ctx.db.update(users).set({ email }).where(eq(users.id, ctx.ids.get('user:daibieu.sahuynh')!));
    await ctx.db.update(delegates).set({ email }).where(eq(delegates.id, delegateId));
  }
}
