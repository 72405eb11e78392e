/**
 * Where reminders go besides the in-app notice: an outgoing webhook (JSON POST signed with
 * HMAC-SHA256 over `timestamp.body` with a shared secret, retried with exponential backoff) and
 * e-mail over SMTP (nodemailer).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Transporter } from 'nodemailer';

export interface WebhookChannel {
  url: string;
  secret: string;
  /** attempts in all (default 4) */
  attempts?: number;
  /** first retry delay in ms, doubled each time (default 500) */
  backoffMs?: number;
  /** per-attempt timeout in ms (default 10 000) */
  timeoutMs?: number;
}

export interface EmailChannel {
  transport: Transporter;
  from: string;
}

export interface ReminderChannels {
  webhook?: WebhookChannel;
  email?: EmailChannel;
  /** duban's address for links in robot cards (DUBAN_PUBLIC_URL); departments' robots are set per department (robots.ts) */
  appUrl?: string | null;
  /** per-request timeout of the group robots in ms (default 10 000) */
  robotTimeoutMs?: number;
}

/** Header names of a delivery. */
export const SIGNATURE_HEADER = 'x-duban-signature';
export const TIMESTAMP_HEADER = 'x-duban-timestamp';
export const DELIVERY_HEADER = 'x-duban-delivery';

/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`). */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers: true when `signature` is the valid signature of `timestamp` and `body`. */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const want = Buffer.from(signPayload(secret, timestamp, body));
  const got = Buffer.from(signature);
  return want.length === got.length && timingSafeEqual(want, got);
}

export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  error: string | null;
}

/**
 * POSTs `payload` as JSON, signed; retries network errors, timeouts, 429 and 5xx with delays
 * backoffMs, 2×, 4× … up to `attempts` tries. A 4xx other than 429 is final.
 */
export async function postWebhook(channel: WebhookChannel, deliveryId: string, payload: unknown): Promise<DeliveryResult> {
  const body = JSON.stringify(payload);
  const attempts = channel.attempts ?? 4;
  let error = '';
  for (let i = 1; i <= attempts; i++) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const res = await fetch(channel.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [SIGNATURE_HEADER]: signPayload(channel.secret, timestamp, body),
          [TIMESTAMP_HEADER]: timestamp,
          [DELIVERY_HEADER]: deliveryId,
        },
        body,
        signal: AbortSignal.timeout(channel.timeoutMs ?? 10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { ok: true, attempts: i, error: null };
      error = `HTTP ${res.status}`;
      if (res.status < 500 && res.status !== 429) return { ok: false, attempts: i, error };
    } catch (e) {
      error = (e as Error).message;
    }
    if (i < attempts) await new Promise((r) => setTimeout(r, (channel.backoffMs ?? 500) * 2 ** (i - 1)));
  }
  return { ok: false, attempts, error };
}

/** Sends one e-mail; a failure is reported, not thrown. */
export async function sendEmail(channel: EmailChannel, to: string, subject: string, text: string): Promise<DeliveryResult> {
  try {
    await channel.transport.sendMail({ from: channel.from, to, subject, text });
    return { ok: true, attempts: 1, error: null };
  } catch (e) {
    return { ok: false, attempts: 1, error: (e as Error).message };
  }
}

/**
 * Channels from the environment: DUBAN_WEBHOOK_URL + DUBAN_WEBHOOK_SECRET, and DUBAN_SMTP_URL
 * (smtp://user:pass@host:587) + DUBAN_MAIL_FROM.
 */
export async function channelsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<ReminderChannels> {
  const out: ReminderChannels = { appUrl: env.DUBAN_PUBLIC_URL?.split(',')[0]?.trim() || null };
  if (env.DUBAN_WEBHOOK_URL) {
    if (!env.DUBAN_WEBHOOK_SECRET) throw new Error('DUBAN_WEBHOOK_SECRET is required with DUBAN_WEBHOOK_URL / 配置回调地址时须配置签名密钥');
    out.webhook = { url: env.DUBAN_WEBHOOK_URL, secret: env.DUBAN_WEBHOOK_SECRET };
  }
  if (env.DUBAN_SMTP_URL) {
    const nodemailer = await import('nodemailer');
    out.email = { transport: nodemailer.createTransport(env.DUBAN_SMTP_URL), from: env.DUBAN_MAIL_FROM ?? 'duban@localhost' };
  }
  return out;
}
