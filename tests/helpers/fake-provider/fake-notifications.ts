// Notifications the fake provider sends: over HTTP to the notify_url by default, or through a test's own `deliver`
// (for instance straight into a route handler); every one is kept with its answer.
export type FakeNotification = {
  provider: 'wechatpay' | 'alipay';
  kind: 'payment' | 'refund';
  url: string;
  rawBody: string;
  headers: Record<string, string>;
};

export type NotificationAnswer = { status: number | null; body: string; error: string | null };

export type DeliverNotification = (notification: FakeNotification) => Promise<{ status: number; body: string }>;

export async function postNotification(notification: FakeNotification): Promise<{ status: number; body: string }> {
  const response = await fetch(notification.url, {
    method: 'POST',
    headers: notification.headers,
    body: notification.rawBody,
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.text() };
}

export function createNotifier(deliver: DeliverNotification) {
  const sent: Array<FakeNotification & { answer: NotificationAnswer }> = [];
  return {
    sent,
    async send(notification: FakeNotification): Promise<NotificationAnswer> {
      let answer: NotificationAnswer;
      try {
        const { status, body } = await deliver(notification);
        answer = { status, body, error: null };
      } catch (error) {
        answer = { status: null, body: '', error: error instanceof Error ? error.message : String(error) };
      }
      sent.push({ ...notification, answer });
      return answer;
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;

/** `send` (once), `duplicate` (`copies` at once), `late` (held until `sendNotification`), `lost` (never sent). */
export type NotifyFault = 'send' | 'duplicate' | 'late' | 'lost';
export type NotifyOptions = { notify?: NotifyFault; copies?: number; url?: string };
export type PaidOrder = {
  transactionId: string;
  /** The answers to the notifications sent now (none when lost or late). */
  notifications: NotificationAnswer[];
  /** Sends the payment notification (again): a retry, or the late one. */
  sendNotification: (options?: { url?: string }) => Promise<NotificationAnswer>;
};

export async function deliverAs(send: () => Promise<NotificationAnswer>, options: NotifyOptions): Promise<NotificationAnswer[]> {
  const how = options.notify ?? 'send';
  if (how === 'lost' || how === 'late') return [];
  return Promise.all(Array.from({ length: how === 'duplicate' ? (options.copies ?? 3) : 1 }, send));
}
