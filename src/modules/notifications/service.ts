// The one notification path. A module calls `notify` inside its action's transaction with the
// people concerned (a council's secretariat, an agency's responders, named users); each recipient's
// preference for that kind decides what happens: in the app only, in the app and one e-mail right
// away, in the app and the daily digest, or nothing. E-mails leave after the transaction commits:
// `deliverPending` sends the immediate ones (started after the request, and hourly as a retry),
// `runDigest` sends each user one mail a day with everything collected since the last digest.
// Recipients come from role grants of the council or agency the event belongs to, so nobody hears
// about another council's events.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { AppConfig } from '../../server/context.ts';
import type { NotificationChannel, NotificationKind, JobDeps } from '../../server/module.ts';
import { todayInVietnam } from '../../domain/calendar/index.ts';
import { roleGrants, users } from '../accounts/schema.ts';
import { jobRuns } from '../petitions/schema.ts';
import { notificationPreferences, notifications } from './schema.ts';
import { sendMails, type Mail } from './mail.ts';

type DbOrTx = Db | Tx;

export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['app', 'email', 'digest', 'off'];
export const CHANNEL_LABELS: Readonly<Record<NotificationChannel, string>> = {
  app: 'Chỉ trên Nghị Trường',
  email: 'Gửi thư điện tử ngay',
  digest: 'Gộp vào thư tóm tắt hằng ngày',
  off: 'Không nhận',
};

const kinds = new Map<string, NotificationKind>();

export function registerNotificationKinds(defs: Record<string, NotificationKind>): void {
  for (const [key, def] of Object.entries(defs)) {
    if (kinds.has(key)) throw new Error(`Notification kind ${key} registered twice`);
    kinds.set(key, def);
  }
}

export function notificationKinds(): ReadonlyMap<string, NotificationKind> {
  return kinds;
}

export interface Note {
  kind: string;
  title: string;
  body?: string;
  /** Web path to open. */
  link?: string;
}

/** Who is told: a council's holders of some roles, an agency's responders, or named users. */
export type Recipients =
  | { councilId: string; roles?: string[] }
  | { agencyId: string }
  | { userIds: string[]; councilId?: string; agencyId?: string };

const recipientColumns = { id: users.id, email: users.email, fullName: users.fullName };

/** Active users holding `roles` in a council (default: its secretariat). */
export async function councilUsers(tx: DbOrTx, councilId: string, roles: string[] = ['secretariat']) {
  return tx
    .selectDistinct(recipientColumns)
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.councilId, councilId), inArray(roleGrants.role, roles), eq(users.active, true)));
}

/** Active responders of an agency. */
export async function agencyUsers(tx: DbOrTx, agencyId: string) {
  return tx
    .selectDistinct(recipientColumns)
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.agencyId, agencyId), eq(roleGrants.role, 'agency_responder'), eq(users.active, true)));
}

/** Set when a notification asks for an immediate e-mail; the app then delivers after the request. */
let pendingImmediate = false;
export const takeImmediateSignal = () => {
  const was = pendingImmediate;
  pendingImmediate = false;
  return was;
};

const EMAIL_OF: Record<NotificationChannel, string> = { app: 'none', email: 'now', digest: 'digest', off: 'none' };

/** Tells the recipients, each by their preference for `note.kind`. Returns how many were told. */
export async function notify(tx: DbOrTx, to: Recipients, note: Note): Promise<number> {
  const def = kinds.get(note.kind);
  if (!def) throw new Error(`Unknown notification kind ${note.kind}`);
  const scope = {
    councilId: 'councilId' in to ? (to.councilId ?? null) : null,
    agencyId: 'agencyId' in to ? (to.agencyId ?? null) : null,
  };
  const ids =
    'userIds' in to
      ? to.userIds
      : 'agencyId' in to
        ? (await agencyUsers(tx, to.agencyId)).map((u) => u.id)
        : (await councilUsers(tx, to.councilId, to.roles)).map((u) => u.id);
  const unique = [...new Set(ids)];
  if (!unique.length) return 0;
  const chosen = new Map(
    (await tx
      .select({ userId: notificationPreferences.userId, channel: notificationPreferences.channel })
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.kind, note.kind), inArray(notificationPreferences.userId, unique))))
      .map((p) => [p.userId, p.channel as NotificationChannel]),
  );
  const rows = unique
    .map((userId) => ({ userId, channel: chosen.get(userId) ?? def.defaultChannel }))
    .filter((r) => r.channel !== 'off')
    .map((r) => ({
      userId: r.userId,
      kind: note.kind,
      title: note.title,
      body: note.body ?? '',
      link: note.link ?? '',
      ...scope,
      email: EMAIL_OF[r.channel],
    }));
  if (!rows.length) return 0;
  await tx.insert(notifications).values(rows);
  if (rows.some((r) => r.email === 'now')) pendingImmediate = true;
  return rows.length;
}

// Preferences ---------------------------------------------------------------------------------------

/** Every registered kind with the user's channel (or the default). */
export async function preferencesOf(db: DbOrTx, userId: string) {
  const chosen = new Map(
    (await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId))).map((p) => [p.kind, p.channel as NotificationChannel]),
  );
  return [...kinds].map(([kind, def]) => ({
    kind,
    label: def.label,
    audience: def.audience,
    defaultChannel: def.defaultChannel,
    channel: chosen.get(kind) ?? def.defaultChannel,
  }));
}

export async function setPreferences(db: Db, userId: string, now: Date, items: { kind: string; channel: NotificationChannel }[]) {
  await db.transaction(async (tx) => {
    for (const item of items) {
      await tx
        .insert(notificationPreferences)
        .values({ userId, kind: item.kind, channel: item.channel, updatedAt: now })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { channel: item.channel, updatedAt: now } });
    }
  });
  return preferencesOf(db, userId);
}

// E-mail ----------------------------------------------------------------------------------------------

const vnTime = (d: Date) => {
  const v = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return { date: `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`, time: `${p(v.getUTCHours())}:${p(v.getUTCMinutes())}` };
};

const FOOTER = ['', 'Thư này được gửi tự động; vui lòng không trả lời thư.', 'Chọn cách nhận thông báo tại trang "Cách nhận thông báo" trên Nghị Trường.'];

interface Claimed {
  id: string;
  userId: string;
  email: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
}

/**
 * Marks the pending e-mails of one kind (`now` or `digest`) as sent and
 * returns them with their recipient's address. Rows locked by another process are skipped, so two
 * processes never send the same notification.
 */
async function claim(tx: Tx, email: 'now' | 'digest', now: Date): Promise<Claimed[]> {
  const rows = await tx.execute(sql`
    update notifications n set emailed_at = ${now.toISOString()}
    from users u
    where n.id in (
      select id from notifications
      where email = ${email} and emailed_at is null
      order by created_at
      limit 5000
      for update skip locked
    ) and u.id = n.user_id
    returning n.id, n.user_id as "userId", u.email, n.title, n.body, n.link, n.created_at as "createdAt"`);
  const list = ((rows as unknown as { rows?: Claimed[] }).rows ?? (rows as unknown as Claimed[])) as Claimed[];
  return list.map((r) => ({ ...r, createdAt: new Date(r.createdAt) })).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Without an SMTP server nothing is e-mailed: pending rows stay in the app only. */
async function dropPending(db: Db, email: 'now' | 'digest') {
  await db.update(notifications).set({ email: 'none' }).where(and(eq(notifications.email, email), isNull(notifications.emailedAt)));
}

/** Puts back the rows whose e-mail failed, for the next run. */
async function release(db: Db, ids: string[]) {
  if (ids.length) await db.update(notifications).set({ emailedAt: null }).where(inArray(notifications.id, ids));
}

const hasAddress = (x: string) => /.+@.+/.test(x);

async function sendClaimed(db: Db, config: AppConfig, groups: { ids: string[]; mail: Mail }[]) {
  const { sent, failed, failedIndexes } = await sendMails(config, groups.map((g) => g.mail));
  await release(db, failedIndexes.flatMap((i) => groups[i]!.ids));
  return { sent, failed };
}

let delivering: Promise<unknown> | null = null;

/** Sends the immediate e-mails waiting (one per notification). Single-flight within a process. */
export async function deliverPending(deps: JobDeps): Promise<{ sent: number; failed: number }> {
  while (delivering) await delivering.catch(() => {});
  const run = (async () => {
    if (!deps.config.smtp) {
      await dropPending(deps.db, 'now');
      return { sent: 0, failed: 0 };
    }
    const now = deps.clock();
    const claimed = await deps.db.transaction((tx) => claim(tx, 'now', now));
    const groups = claimed
      .filter((r) => hasAddress(r.email))
      .map((r) => ({
        ids: [r.id],
        mail: {
          to: [r.email],
          subject: `[Nghị Trường] ${r.title}`,
          text: [r.title, '', r.body, ...(r.link ? ['', `Xem trên Nghị Trường: ${deps.config.publicUrl}${r.link}`] : []), ...FOOTER].join('\n'),
        },
      }));
    return sendClaimed(deps.db, deps.config, groups);
  })();
  delivering = run;
  try {
    return await run;
  } finally {
    delivering = null;
  }
}

export const DIGEST_JOB = 'notification_digest';

/**
 * The daily digest: one e-mail per user with every notification collected for the digest since
 * the last one, oldest first. Once per Vietnam-time day (a job_runs row claimed in the same
 * transaction as the rows it sends).
 */
export async function runDigest(deps: JobDeps): Promise<{ ran: boolean; day: string; users: number; notifications: number; sent: number; failed: number }> {
  const now = deps.clock();
  const day = todayInVietnam(now);
  if (!deps.config.smtp) await dropPending(deps.db, 'digest');
  const claimed = await deps.db.transaction(async (tx) => {
    const [run] = await tx.insert(jobRuns).values({ job: DIGEST_JOB, day }).onConflictDoNothing().returning();
    if (!run) return null;
    return claim(tx, 'digest', now);
  });
  if (!claimed) return { ran: false, day, users: 0, notifications: 0, sent: 0, failed: 0 };
  const byUser = new Map<string, Claimed[]>();
  for (const r of claimed) if (hasAddress(r.email)) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  const { date } = vnTime(now);
  const groups = [...byUser.values()].map((list) => ({
    ids: list.map((r) => r.id),
    mail: {
      to: [list[0]!.email],
      subject: `[Nghị Trường] Tóm tắt thông báo ngày ${date}: ${list.length} thông báo`,
      text: [
        `Các thông báo của bạn trên Nghị Trường đến ngày ${date}:`,
        '',
        ...list.flatMap((r) => {
          const t = vnTime(r.createdAt);
          const body = r.body.length > 400 ? `${r.body.slice(0, 400)}…` : r.body;
          return [`- ${t.time} ${t.date}: ${r.title}`, ...(body ? [`  ${body.replace(/\n+/g, ' ')}`] : []), ...(r.link ? [`  ${deps.config.publicUrl}${r.link}`] : []), ''];
        }),
        ...FOOTER,
      ].join('\n'),
    },
  }));
  const { sent, failed } = await sendClaimed(deps.db, deps.config, groups);
  const result = { users: groups.length, notifications: claimed.length, sent, failed };
  await deps.db.update(jobRuns).set({ result }).where(and(eq(jobRuns.job, DIGEST_JOB), eq(jobRuns.day, day)));
  return { ran: true, day, ...result };
}
