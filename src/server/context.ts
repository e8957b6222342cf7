// What every request handler can reach: the database, the user, and the app's services.
import type { Db } from '../db/client.ts';
import type { AuthUser } from './permissions.ts';

export interface AppConfig {
  /** Base URL used in e-mails and documents, e.g. http://localhost:3000 */
  publicUrl: string;
  /** Serve cookies with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  /** Hour of the day (Vietnam time, 0–23) from which the daily notification digest is sent; default 17. */
  digestHour?: number;
  /** TRUST_PROXY: proxies (addresses, CIDRs) whose X-Forwarded-For is believed (clientAddress.ts). */
  trustProxy?: string[];
  smtp?: { host: string; port: number; secure: boolean; user?: string; pass?: string; from: string };
  /** PGLITE_QUEUE_MAX_WAIT_MS: on PGlite, the longest expected wait in the request line before a request is refused with a 503 (src/db/fairQueue.ts; default 700). */
  queueMaxWaitMs?: number;
}

export interface AppDeps {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  /** The current time; tests move it. */
  clock: () => Date;
  config: AppConfig;
  /** The embedded database's data directory (PGlite only): where `nghitruong backup` leaves its one-time token. */
  dataDir?: string;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    db: Db;
    user: AuthUser | null;
  };
}
