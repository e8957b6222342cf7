// Notifications: one path for every module (service.ts `notify`), each user's preferences per kind,
// immediate e-mails after the request that caused them, and the daily digest.
import type { AppModule } from '../../server/module.ts';
import { notificationRoutes } from './routes.ts';
import { logUnexpected } from '../../server/errors.ts';
import { deliverPending, runDigest, takeImmediateSignal } from './service.ts';

export const notificationsModule: AppModule = {
  name: 'notifications',
  routes: notificationRoutes,
  // After a request that asked for an immediate e-mail, send it without holding the response.
  middleware: async (c, next) => {
    await next();
    // Without an SMTP server nothing is sent; the hourly check marks such rows as in-app only.
    if (!takeImmediateSignal() || !c.var.deps.config.smtp) return;
    const deps = c.var.deps;
    setImmediate(() => {
      deliverPending(deps).catch((err) => logUnexpected('JOB', 'thông báo qua thư', err));
    });
  },
  dailyJobs: [
    {
      key: 'notification_digest',
      hour: (config) => config.digestHour ?? 17,
      run: async (deps) => {
        // Immediate e-mails left behind (a failed send, a process stopped mid-way) go out first.
        await deliverPending(deps);
        const r = await runDigest(deps);
        return { ran: r.ran, summary: `${r.sent} thư tóm tắt (${r.notifications} thông báo) đã gửi` };
      },
    },
  ],
};
