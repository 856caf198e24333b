// The headers every webhook attempt is sent with (server/deliveries/send-webhook.ts and sign-webhook.ts), shown with
// an attempt. The signature is not kept (it is made from the merchant's secret), so it is named, never shown.
export type HeaderLine = { name: string; value: string; note?: string };

export function webhookRequestHeaders(deliveryId: string, startedAt: string): HeaderLine[] {
  return [
    { name: 'content-type', value: 'application/json' },
    { name: 'user-agent', value: 'paygate-webhooks/1' },
    { name: 'webhook-id', value: deliveryId, note: 'the same on every attempt' },
    {
      name: 'webhook-timestamp',
      value: String(Math.floor(Date.parse(startedAt) / 1000)),
      note: 'the second the attempt began',
    },
    { name: 'webhook-signature', value: 'v1,…', note: "not kept: HMAC-SHA256 with the merchant's secret" },
  ];
}
