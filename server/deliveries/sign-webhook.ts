import { Webhook } from 'standardwebhooks';

/**
 * Standard Webhooks v1 headers. During a secret rotation's overlap every live secret signs, space-separated,
 * so the merchant verifies with whichever secret it holds.
 */
export function signWebhook({ id, body, secrets, at }: { id: string; body: string; secrets: string[]; at: Date }) {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, at, body));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
