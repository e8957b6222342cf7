// E-mail through the SMTP server in the app's configuration (nodemailer). Without SMTP settings
// e-mail is skipped and in-app notifications remain.
import nodemailer from 'nodemailer';
import type { AppConfig } from '../../server/context.ts';

export interface MailAttachment {
  filename: string;
  content: Uint8Array | string;
  contentType: string;
}

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  attachments?: MailAttachment[];
  /** An iCalendar invitation: sent as the text/calendar alternative (with its METHOD) and as an .ics attachment. */
  calendar?: { method: 'REQUEST' | 'PUBLISH' | 'CANCEL'; content: string; filename: string };
}

/** Sends the mails over one SMTP connection; `failedIndexes` are the positions that failed. */
export async function sendMails(config: AppConfig, mails: Mail[]): Promise<{ sent: number; failed: number; failedIndexes: number[]; skipped: boolean }> {
  const smtp = config.smtp;
  if (!smtp || !mails.length) return { sent: 0, failed: 0, failedIndexes: [], skipped: !smtp };
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
  });
  let sent = 0;
  let failed = 0;
  const failedIndexes: number[] = [];
  try {
    for (const [i, m] of mails.entries()) {
      const to = [...new Set(m.to.filter((x) => /.+@.+/.test(x)))];
      if (!to.length) continue;
      try {
        await transport.sendMail({
          from: smtp.from, to, subject: m.subject, text: m.text,
          ...(m.attachments?.length ? { attachments: m.attachments.map((a) => ({ ...a, content: typeof a.content === 'string' ? a.content : Buffer.from(a.content) })) } : {}),
          ...(m.calendar ? { icalEvent: { method: m.calendar.method, content: m.calendar.content, filename: m.calendar.filename } } : {}),
        });
        sent++;
      } catch (err) {
        failed++;
        failedIndexes.push(i);
        // No addresses or server reply in the log (personal data); the code says what went wrong.
        console.error(`[thư điện tử] không gửi được một thư đến ${to.length} địa chỉ: ${(err as { code?: string }).code ?? (err as Error).name}`);
      }
    }
  } finally {
    transport.close();
  }
  return { sent, failed, failedIndexes, skipped: false };
}
