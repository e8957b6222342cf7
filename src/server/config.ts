// Reads the server's settings from the environment (documented in the README).
import type { AppConfig } from './context.ts';
import { parseTrustProxy } from './clientAddress.ts';

export interface EnvSettings {
  port: number;
  databaseUrl?: string;
  dataDir: string;
  app: AppConfig;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvSettings {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  const smtpHost = env.SMTP_HOST;
  const digestHour = Number(env.DIGEST_HOUR ?? 17);
  if (!Number.isInteger(digestHour) || digestHour < 0 || digestHour > 23) throw new Error(`DIGEST_HOUR không hợp lệ (0–23): ${env.DIGEST_HOUR}`);
  const queueMaxWaitMs = env.PGLITE_QUEUE_MAX_WAIT_MS === undefined || env.PGLITE_QUEUE_MAX_WAIT_MS === '' ? undefined : Number(env.PGLITE_QUEUE_MAX_WAIT_MS);
  if (queueMaxWaitMs !== undefined && !(Number.isInteger(queueMaxWaitMs) && queueMaxWaitMs > 0)) throw new Error(`PGLITE_QUEUE_MAX_WAIT_MS không hợp lệ (số mili giây, lớn hơn 0): ${env.PGLITE_QUEUE_MAX_WAIT_MS}`);
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || './data',
    app: {
      publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
      secureCookies: env.SECURE_COOKIES === 'true',
      digestHour,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      queueMaxWaitMs,
      smtp: smtpHost
        ? {
            host: smtpHost,
            port: Number(env.SMTP_PORT ?? 587),
            secure: env.SMTP_SECURE === 'true',
            user: env.SMTP_USER || undefined,
            pass: env.SMTP_PASS || undefined,
            from: env.SMTP_FROM ?? 'Nghị Trường <no-reply@localhost>',
          }
        : undefined,
    },
  };
}
