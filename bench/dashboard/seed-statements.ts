// The dashboard benchmark's data in set-based SQL: merchants, 30 days of payments with skewed merchants, providers
// and statuses, their deliveries and every attempt, the provider notifications (duplicates and rejected ones
// too), risk's evaluations and alerts, and people's actions. Every insert goes through the production triggers, so
// the aggregates are built exactly as the live system keeps them. One session runs it all after setseed(): the same
// options give the same data.

export type SeedOptions = { payments: number; merchants: number; days: number };

/** A uuid shaped like a v7 (time first, then hash bits of `seed`), so ids sort like the ones the system makes. */
const uuidAt = (at: string, seed: string) =>
  `(lpad(to_hex((extract(epoch FROM ${at}) * 1000)::bigint), 12, '0') || '7' || substr(md5(${seed}), 1, 3) || '8' || substr(md5(${seed}), 4, 15))::uuid`;

/** Merchant `n`'s id, the same in every statement (a valid v4 uuid made of a hash). */
export const merchantIdSql = (n: string) =>
  `overlay(overlay(md5('bench-merchant-' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;

/** The merchant API key of merchant `n` (1-based): the benchmark calls the portal's requests with it. */
export const benchApiKey = (n: number) => `mk_bench_${String(n).padStart(6, '0')}`;

/** One in fifty merchants has an endpoint that often fails; one in 97 is blocked. */
const flaky = (n: string) => `(${n} % 50 = 7)`;

export function merchantStatements({ merchants }: SeedOptions): string[] {
  return [
    `INSERT INTO merchant (id, name, notify_url, status, api_key_hash, api_key_prefix, endpoint_disabled_at, endpoint_disabled_reason,
       endpoint_failing_since, created_at, updated_at)
     SELECT ${merchantIdSql('g')}, (ARRAY['Lawson', 'FamilyMart', '7-Eleven', 'Kedi', 'Quik', 'Meiyijia'])[1 + g % 6] || ' shop ' || g,
       'http://127.0.0.1:9/bench-notify', CASE WHEN g % 97 = 0 THEN 'blocked' ELSE 'active' END::"MerchantStatus",
       encode(sha256(convert_to('mk_bench_' || lpad(g::text, 6, '0'), 'UTF8')), 'hex'), left('mk_bench_' || lpad(g::text, 6, '0'), 7),
       CASE WHEN g % 250 = 7 THEN now() - interval '2 days' END, CASE WHEN g % 250 = 7 THEN 'failing for 3 days' END,
       CASE WHEN ${flaky('g')} THEN now() - interval '5 days' END,
       now() - interval '400 days' + g * interval '9 hours', now()
     FROM generate_series(1, ${merchants}) g`,
    `INSERT INTO webhook_secret (id, merchant_id, secret, created_at)
     SELECT gen_random_uuid(), id, 'whsec_' || encode(sha256(convert_to(id::text, 'UTF8')), 'base64'), created_at FROM merchant`,
    `INSERT INTO merchant_block_event (id, merchant_id, action, reason, actor, source, created_at)
     SELECT gen_random_uuid(), id, 'blocked', 'window sum 12× its baseline', 'user:analyst@paygate.test', 'dashboard', now() - interval '3 days'
     FROM merchant WHERE status = 'blocked'`,
  ];
}

/**
 * Payments `from`..`to` (1-based numbers). Merchant n draws random()² (merchant 1 about 3 % of all payments, the
 * tail a few each); 60 % WeChat Pay, 35 % Alipay, 5 % sandbox; amounts log-normal around ¥25; created evenly over
 * the last `days` days (convenience stores trade around the clock, and so every hour of the day the benchmark runs
 * at looks alike). Older than two hours: 87 % paid (some refunded since), 11 % closed, 2 % failed; younger: a
 * quarter still pending.
 */
export function paymentChunk({ merchants, days }: SeedOptions, from: number, to: number): string {
  // Payments and their attempts in one statement: a paid payment names its paid attempt and the attempt its payment,
  // and foreign keys are checked when the whole statement is done. One payment in 30 had an earlier attempt the
  // shopper abandoned (closed at the provider).
  return `
    WITH r AS (
      SELECT r.*, c.created_at, s.status, s.paid, ${uuidAt('c.created_at', "'p' || r.g")} AS id, ${uuidAt('c.created_at', "'a' || r.g")} AS attempt_id,
        CASE WHEN s.paid THEN CASE r.provider WHEN 'wechatpay' THEN '4200' WHEN 'alipay' THEN '2026' ELSE 'SBX' END || lpad(r.g::text, 24, '0') END
          AS transaction_id,
        CASE WHEN s.paid THEN least(c.created_at + (3 + 60 * r.pay_delay) * interval '1 second', now() - interval '4 seconds') END AS paid_at,
        CASE WHEN s.paid THEN 'oUpF8u' || substr(md5('payer' || (r.g % 200000)), 1, 22) END AS payer,
        CASE WHEN s.paid THEN 'POS-' || lpad((r.m * 10 + r.g % 4)::text, 5, '0') END AS device
      FROM (
        SELECT g, 1 + floor(${merchants} * random() ^ 2)::int AS m,
          CASE WHEN random() < 0.60 THEN 'wechatpay' WHEN random() < 0.875 THEN 'alipay' ELSE 'sandbox' END::"Provider" AS provider,
          least(5000000, greatest(1, round(exp(ln(2500) + sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))))::int AS amount,
          random() AS age, random() AS fate, random() AS pay_delay
        FROM generate_series(${from}, ${to}) g) r
      CROSS JOIN LATERAL (SELECT now() - interval '5 seconds' - r.age * ${days} * interval '1 day' AS created_at) c
      CROSS JOIN LATERAL (
        SELECT status, status IN ('succeeded', 'partially_refunded', 'refunded') AS paid FROM (SELECT CASE
          WHEN c.created_at > now() - interval '2 hours' THEN CASE WHEN r.fate < 0.25 THEN 'pending' WHEN r.fate < 0.95 THEN 'succeeded' ELSE 'closed' END
          WHEN r.fate < 0.84 THEN 'succeeded' WHEN r.fate < 0.86 THEN 'partially_refunded' WHEN r.fate < 0.87 THEN 'refunded'
          WHEN r.fate < 0.98 THEN 'closed' ELSE 'failed' END::"PaymentStatus" AS status) y
      ) s
    ), payments AS (
      INSERT INTO payment (id, merchant_id, out_trade_no, provider, amount, currency, description, status, provider_transaction_id,
        paid_at, payer, device, refunded_amount, flagged_reason, expires_at, paid_attempt_id, created_at, updated_at)
      SELECT id, ${merchantIdSql('m')}, 'T' || lpad(g::text, 12, '0'), provider, amount, 'CNY', 'Till ' || (g % 7 + 1), status, transaction_id,
        paid_at, payer, device, CASE status WHEN 'refunded' THEN amount WHEN 'partially_refunded' THEN greatest(1, amount / 3) ELSE 0 END,
        CASE WHEN paid AND m % 97 = 0 AND created_at > now() - interval '3 days' THEN 'settled while the merchant was blocked' END,
        created_at + interval '2 hours', CASE WHEN paid THEN attempt_id END, created_at, created_at
      FROM r ORDER BY created_at)
    INSERT INTO payment_attempt (id, payment_id, merchant_id, provider_trade_no, provider, amount, currency, status, provider_transaction_id,
      paid_at, payer, device, pay_data, expires_at, query_count, last_queried_at, last_provider_state, next_query_at, closed_at, created_at, updated_at)
    SELECT attempt_id, id, ${merchantIdSql('m')}, 'P' || lpad(g::text, 20, '0'), provider, amount, 'CNY',
      CASE WHEN paid THEN 'succeeded' ELSE status::text END::"AttemptStatus", transaction_id, paid_at, payer, device,
      jsonb_build_object('codeUrl', 'weixin://wxpay/bizpayurl?pr=' || substr(md5(g::text), 1, 7)), created_at + interval '2 hours',
      CASE WHEN paid THEN 0 ELSE 2 END, CASE WHEN NOT paid THEN created_at + interval '5 minutes' END,
      CASE WHEN status = 'pending' THEN 'NOTPAY' WHEN status = 'closed' THEN 'CLOSED' END,
      CASE WHEN status = 'pending' THEN created_at + interval '10 minutes' END,
      CASE WHEN status = 'closed' THEN least(created_at + interval '2 hours', now()) END, created_at, created_at
    FROM r
    UNION ALL
    SELECT ${uuidAt("r.created_at - interval '1 minute'", "'b' || g")}, id, ${merchantIdSql('m')}, 'Q' || lpad(g::text, 20, '0'), provider, amount, 'CNY',
      'closed', NULL, NULL, NULL, NULL, NULL, created_at + interval '2 hours' - interval '1 minute', 1, created_at, 'CLOSED', NULL,
      created_at, created_at - interval '1 minute', created_at
    FROM r WHERE g % 30 = 0`;
}

/**
 * What we said to the providers about those attempts: placing each order, and a status query for each one not paid
 * (the confirm-pending scheduler's), with their verdicts, as the lifecycle keeps them.
 */
export function exchangeChunk(dayAgo: number): string {
  const day = `a.created_at >= now() - ${dayAgo + 1} * interval '1 day' AND a.created_at < now() - ${dayAgo} * interval '1 day'`;
  return `
    INSERT INTO provider_exchange (id, provider, operation, method, url, request_headers, request_body, status, response_headers,
      response_body, verdict, reason, started_at, duration_ms, attempt_id)
    SELECT ${uuidAt('a.created_at', "'c' || a.id")}, a.provider, 'create_order'::"ExchangeOperation", 'POST', 'https://api.mch.weixin.qq.com/v3/pay/transactions/native',
      '{"authorization":"WECHATPAY2-SHA256-RSA2048 …"}'::jsonb, '{"out_trade_no":"' || a.provider_trade_no || '","amount":{"total":' || a.amount || '}}',
      200, '{}'::jsonb, '{"code_url":"' || (a.pay_data ->> 'codeUrl') || '"}', 'ok'::"ExchangeVerdict", NULL, a.created_at - interval '180 ms', 140 + abs(hashtext(a.id::text)) % 200,
      a.id
    FROM payment_attempt a WHERE ${day}
    UNION ALL
    SELECT ${uuidAt('a.last_queried_at', "'q' || a.id")}, a.provider, 'query_order'::"ExchangeOperation", 'GET',
      'https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/' || a.provider_trade_no, '{}'::jsonb, NULL, 200, '{}'::jsonb,
      '{"trade_state":"' || a.last_provider_state || '"}', 'ok'::"ExchangeVerdict", NULL, a.last_queried_at, 90 + abs(hashtext(a.id::text)) % 150, a.id
    FROM payment_attempt a WHERE a.last_queried_at IS NOT NULL AND ${day}
    ORDER BY 13`;
}

/** The state changes the triggers would have written had the seeded payments been paid, closed and refunded live. */
export function statusChangeChunk(dayAgo: number): string {
  const day = `created_at >= now() - ${dayAgo + 1} * interval '1 day' AND created_at < now() - ${dayAgo} * interval '1 day'`;
  return `
    INSERT INTO payment_status_change (payment_id, from_status, to_status, changed_at)
    SELECT id, 'pending'::"PaymentStatus", CASE WHEN status IN ('partially_refunded', 'refunded') THEN 'succeeded' ELSE status END::"PaymentStatus",
      coalesce(paid_at, least(created_at + interval '2 hours', now())) FROM payment WHERE status <> 'pending' AND ${day}
    UNION ALL
    SELECT id, 'succeeded'::"PaymentStatus", status, least(paid_at + interval '1 day', now()) FROM payment WHERE status IN ('partially_refunded', 'refunded') AND ${day}
    ORDER BY 4`;
}

/**
 * Each paid payment's delivery, as intake commits it. Its fate, from a hash of the payment id: at a flaky endpoint
 * a fifth end in the dead-letter set after all ten attempts and another fifth arrive after a few; elsewhere 2 %
 * fail once and then arrive. Attempts follow the retry schedule and none lies in the future: a delivery whose next
 * attempt is not due yet is still pending.
 */
const fate = `(abs(hashtext(p.id::text)) % 1000)`;
const attemptOffsets = `ARRAY[0, 5, 35, 155, 755, 2555, 6155, 16955, 38555, 81755]`;

export function deliveryChunk(dayAgo: number): string {
  return `
    INSERT INTO delivery (id, merchant_id, payment_id, event_type, payload, status, attempt_count, last_attempt_at, next_attempt_at,
      delivered_at, last_error, created_at, updated_at)
    SELECT ${uuidAt('c.created_at', "'d' || p.id")}, p.merchant_id, p.id, 'payment.succeeded',
      jsonb_build_object('type', 'payment.succeeded', 'timestamp', c.created_at, 'data', jsonb_build_object('paymentId', p.id,
        'merchantId', p.merchant_id, 'outTradeNo', p.out_trade_no, 'provider', p.provider, 'providerTransactionId', p.provider_transaction_id,
        'amount', p.amount, 'currency', p.currency, 'paidAt', p.paid_at, 'payer', p.payer, 'device', p.device)),
      o.status, o.attempts, c.created_at + (${attemptOffsets})[o.attempts] * interval '1 second',
      CASE WHEN o.status = 'pending' THEN c.created_at + (${attemptOffsets})[o.attempts + 1] * interval '1 second' END,
      CASE WHEN o.status = 'delivered' THEN c.created_at + (${attemptOffsets})[o.attempts] * interval '1 second' + interval '60 ms' END,
      CASE WHEN o.status <> 'delivered' THEN 'HTTP 503' END, c.created_at, c.created_at
    FROM payment p JOIN merchant m ON m.id = p.merchant_id
    CROSS JOIN LATERAL (SELECT p.paid_at + (1 + ${fate} % 3) * interval '1 second' AS created_at) c
    CROSS JOIN LATERAL (SELECT CASE WHEN m.endpoint_failing_since IS NOT NULL AND ${fate} < 200 THEN 'failed' ELSE 'delivered' END AS fate,
      CASE WHEN m.endpoint_failing_since IS NOT NULL AND ${fate} < 200 THEN 10
        WHEN m.endpoint_failing_since IS NOT NULL AND ${fate} < 400 THEN 2 + ${fate} % 3
        WHEN ${fate} < 20 THEN 2 ELSE 1 END AS planned) f
    CROSS JOIN LATERAL (SELECT count(*)::int AS due FROM unnest(${attemptOffsets}) x WHERE c.created_at + x * interval '1 second' < now()) e
    CROSS JOIN LATERAL (SELECT least(f.planned, e.due) AS attempts,
      CASE WHEN e.due < f.planned THEN 'pending' ELSE f.fate END::"DeliveryStatus" AS status) o
    WHERE p.paid_at IS NOT NULL AND p.created_at >= now() - ${dayAgo + 1} * interval '1 day' AND p.created_at < now() - ${dayAgo} * interval '1 day'
    ORDER BY c.created_at`;
}

/** Every attempt of those deliveries: the last one answered 2xx if it was delivered, the others failed. */
export function attemptChunk(dayAgo: number): string {
  return `
    INSERT INTO delivery_attempt (id, delivery_id, attempt_number, url, started_at, duration_ms, status_code, response_excerpt, error)
    SELECT ${uuidAt('a.started_at', "'a' || d.id || n")}, d.id, n, 'http://127.0.0.1:9/bench-notify', a.started_at, a.duration,
      CASE WHEN ok THEN 200 WHEN n % 3 = 0 THEN NULL ELSE 503 END, CASE WHEN ok THEN 'ok' ELSE 'Service Unavailable' END,
      CASE WHEN NOT ok AND n % 3 = 0 THEN 'timeout after 10000 ms' END
    FROM delivery d CROSS JOIN generate_series(1, d.attempt_count) n
    CROSS JOIN LATERAL (SELECT n = d.attempt_count AND d.status = 'delivered' AS ok) k
    CROSS JOIN LATERAL (SELECT d.created_at + interval '15 ms' + (${attemptOffsets})[n] * interval '1 second' AS started_at,
      CASE WHEN k.ok THEN 20 + (abs(hashtext(d.id::text || n)) % 400) * (abs(hashtext(d.id::text)) % 3) / 2 ELSE 10000 END AS duration) a
    WHERE d.created_at >= now() - ${dayAgo + 1} * interval '1 day' AND d.created_at < now() - ${dayAgo} * interval '1 day'
    ORDER BY a.started_at`;
}

/** The applied notification of each paid payment (3 % came more than once), as the inbox keeps it. */
export function notificationChunk(dayAgo: number): string {
  return `
    INSERT INTO provider_notification (id, provider, kind, dedupe_key, notification_id, outcome, payment_id, attempt_id, source, raw_body, headers,
      received_count, received_at, last_received_at)
    SELECT ${uuidAt('d.created_at', "'n' || p.id")}, p.provider, 'payment', 'payment:' || p.provider_transaction_id, 'EV-' || p.provider_transaction_id,
      'applied', p.id, p.paid_attempt_id, 'callback',
      '{"id":"EV-' || p.provider_transaction_id || '","create_time":"' || to_char(p.paid_at, 'YYYY-MM-DD"T"HH24:MI:SS+08:00') ||
        '","resource_type":"encrypt-resource","event_type":"TRANSACTION.SUCCESS","summary":"支付成功","resource":{"original_type":"transaction",' ||
        '"algorithm":"AEAD_AES_256_GCM","ciphertext":"' || encode(sha256(convert_to(p.id::text, 'UTF8')), 'base64') ||
        '","associated_data":"transaction","nonce":"' || substr(md5(p.id::text), 1, 12) || '"}}',
      '{"content-type":"application/json","wechatpay-serial":"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"}'::jsonb,
      CASE WHEN abs(hashtext(p.id::text)) % 100 < 3 THEN 2 ELSE 1 END, d.created_at,
      least(now(), d.created_at + CASE WHEN abs(hashtext(p.id::text)) % 100 < 3 THEN interval '15 seconds' ELSE interval '0' END)
    FROM payment p JOIN delivery d ON d.payment_id = p.id
    WHERE d.created_at >= now() - ${dayAgo + 1} * interval '1 day' AND d.created_at < now() - ${dayAgo} * interval '1 day'
    ORDER BY d.created_at`;
}

/** Callbacks turned away: forged or stale (no payment), and verified ones about no payment of ours. */
export function rejectedNotificationStatements({ payments, days }: SeedOptions): string[] {
  const count = Math.max(10, Math.round(payments / 200));
  return [
    `INSERT INTO provider_notification (id, provider, kind, outcome, reason, raw_body, headers, received_at, last_received_at)
     SELECT ${uuidAt('t', "'r' || g")}, (ARRAY['wechatpay', 'alipay'])[1 + g % 2]::"Provider",
       CASE WHEN g % 5 = 0 THEN 'payment' ELSE 'unknown' END::"NotificationKind", 'rejected',
       CASE WHEN g % 5 = 0 THEN 'No wechatpay payment with outTradeNo X' || g ELSE 'Wechatpay-Signature does not verify' END,
       '{"id":"forged-' || g || '"}', '{"content-type":"application/json"}'::jsonb, t, t
     FROM generate_series(1, ${count}) g CROSS JOIN LATERAL (SELECT now() - random() * ${days} * interval '1 day' AS t) x ORDER BY t`,
  ];
}

/** The risk subscriber's mark for each payment event (its evaluation), and alerts: a few live, most decided. */
export function riskStatements({ payments, merchants, days }: SeedOptions): string[] {
  const alerts = Math.max(20, Math.round(payments / 330));
  return [
    `INSERT INTO processed_event (subscriber, event_id, processed_at) SELECT 'risk', id::text, created_at + interval '40 ms' FROM delivery ORDER BY created_at`,
    `INSERT INTO risk_alert (id, merchant_id, rule_id, kind, status, evidence, payment_id, opened_at, decided_at, decided_by, decision_reason,
       open_key, hit_count, first_event_at, last_event_at)
     SELECT ${uuidAt('p.created_at', "'x' || a.g")}, p.merchant_id, r.id, r.kind::text, a.status,
       jsonb_build_object('windowSum', p.amount * 20, 'baseline', p.amount, 'threshold', p.amount * 5), p.id, p.paid_at,
       CASE WHEN a.status <> 'open' THEN p.paid_at + interval '20 minutes' END,
       CASE WHEN a.status <> 'open' THEN 'user:analyst@paygate.test' END, CASE WHEN a.status <> 'open' THEN 'looked at the payments' END,
       CASE WHEN a.status IN ('open', 'acknowledged') THEN p.merchant_id || ':' || r.id END, 1 + a.g % 4, p.paid_at, p.paid_at
     FROM (
       SELECT g, row_number() OVER (PARTITION BY merchant, rule ORDER BY g) AS nth, merchant, rule, live FROM (
         SELECT g, 1 + floor(random() ^ 2 * ${merchants})::int AS merchant, 1 + g % 4 AS rule, random() < 0.06 AS live FROM generate_series(1, ${alerts}) g) s
     ) picks
     CROSS JOIN LATERAL (SELECT picks.g, CASE WHEN picks.live AND picks.nth = 1 THEN (CASE WHEN picks.g % 3 = 0 THEN 'acknowledged' ELSE 'open' END)
       WHEN picks.g % 10 = 0 THEN 'blocked' ELSE 'dismissed' END::"AlertStatus" AS status) a
     JOIN LATERAL (SELECT id, kind FROM risk_rule ORDER BY name OFFSET picks.rule - 1 LIMIT 1) r ON true
     JOIN LATERAL (SELECT id, merchant_id, amount, created_at, paid_at FROM payment
       WHERE merchant_id = ${merchantIdSql('picks.merchant')} AND paid_at IS NOT NULL
         AND created_at < now() - (picks.g % ${days}) * interval '1 day' ORDER BY created_at DESC LIMIT 1) p ON true`,
    `INSERT INTO risk_alert (id, merchant_id, kind, status, evidence, opened_at)
     SELECT gen_random_uuid(), NULL, 'unknown_payment', CASE WHEN received_at > now() - interval '1 day' THEN 'open' ELSE 'dismissed' END::"AlertStatus",
       jsonb_build_object('message', reason), received_at
     FROM provider_notification WHERE kind = 'payment' AND outcome = 'rejected' AND payment_id IS NULL`,
    `INSERT INTO audit_event (id, actor, action, subject_type, subject_id, merchant_id, reason, created_at)
     SELECT gen_random_uuid(), decided_by, 'risk_alert.decide', 'risk_alert', id::text, merchant_id, decision_reason, decided_at
     FROM risk_alert WHERE decided_at IS NOT NULL
     UNION ALL
     SELECT gen_random_uuid(), 'user:support@paygate.test', 'delivery.redeliver', 'delivery', id::text, merchant_id, 'merchant asked', last_attempt_at
     FROM delivery WHERE status = 'failed' AND abs(hashtext(id::text)) % 10 = 0`,
  ];
}

/**
 * The ledger of every paid attempt, as the booking trigger writes it when an attempt becomes paid (the seed inserts
 * attempts already paid, which no UPDATE trigger sees): the payment and its fee, booked when it was paid.
 */
export function ledgerStatements(): string[] {
  return [
    `INSERT INTO ledger_entry (id, merchant_id, payment_id, attempt_id, kind, source_id, amount, currency, sandbox, booked_at)
     SELECT gen_random_uuid(), a.merchant_id, a.payment_id, a.id, k.kind, a.id, k.amount, a.currency, a.provider = 'sandbox', a.paid_at
     FROM payment_attempt a
     CROSS JOIN LATERAL (VALUES ('payment'::"LedgerEntryKind", a.amount::bigint),
                                ('fee'::"LedgerEntryKind", paygate_fee(a.amount, coalesce(a.fee_rate_ppm, 0)))) AS k(kind, amount)
     WHERE a.status = 'succeeded' AND a.paid_at IS NOT NULL AND k.amount > 0`,
  ];
}
