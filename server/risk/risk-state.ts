import { minuteMs, partiesOf, windowStartOf, type RiskFacts } from './risk-facts';

type Profile = RiskFacts['profile'];
type Payment = RiskFacts['payment'];
type Bucket = { count: number; amount: bigint; samples: string[] };

export type RiskStateRows = {
  profiles: { merchantId: string; profile: Profile }[];
  buckets: ({ merchantId: string; start: Date } & Bucket)[];
  parties: { merchantId: string; party: string; start: Date; count: number }[];
};

const maxSamples = 5;

/**
 * The live engine's aggregates in memory: the same minute buckets, payer/device buckets and profiles as the
 * tables, so `evaluateRule` judges a payment alike wherever its facts come from. The backtest replays history
 * into it; the risk subscriber loads a batch's aggregates into it and steps back through the batch, so each
 * payment is judged on what came before it and nothing after.
 */
export function createRiskState({ windowMinutes }: { windowMinutes: number }) {
  const profiles = new Map<string, Profile>();
  const buckets = new Map<string, Map<number, Bucket>>();
  const parties = new Map<string, Map<number, number>>();

  const bucketsOf = (merchantId: string) => {
    const own = buckets.get(merchantId) ?? new Map<number, Bucket>();
    buckets.set(merchantId, own);
    return own;
  };
  const partyCountsOf = (merchantId: string, party: string) => {
    const counts = parties.get(`${merchantId}|${party}`) ?? new Map<number, number>();
    parties.set(`${merchantId}|${party}`, counts);
    return counts;
  };
  const minuteOf = (at: Date) => Math.floor(at.getTime() / minuteMs) * minuteMs;

  function load(rows: RiskStateRows) {
    for (const { merchantId, profile } of rows.profiles) profiles.set(merchantId, profile);
    for (const { merchantId, start, ...bucket } of rows.buckets) bucketsOf(merchantId).set(start.getTime(), bucket);
    for (const { merchantId, party, start, count } of rows.parties) partyCountsOf(merchantId, party).set(start.getTime(), count);
  }

  function add(payment: Payment, countInProfile: boolean) {
    const minute = minuteOf(payment.paidAt);
    const own = bucketsOf(payment.merchantId);
    const bucket = own.get(minute) ?? { count: 0, amount: 0n, samples: [] };
    own.set(minute, {
      count: bucket.count + 1,
      amount: bucket.amount + BigInt(payment.amount),
      samples: bucket.samples.length < maxSamples ? [...bucket.samples, payment.id] : bucket.samples,
    });
    for (const key of partiesOf(payment)) {
      const counts = partyCountsOf(payment.merchantId, key);
      counts.set(minute, (counts.get(minute) ?? 0) + 1);
    }
    if (!countInProfile) return;
    const profile = profiles.get(payment.merchantId);
    profiles.set(
      payment.merchantId,
      profile
        ? {
            firstPaidAt: profile.firstPaidAt < payment.paidAt ? profile.firstPaidAt : payment.paidAt,
            paymentCount: profile.paymentCount + 1,
            amountTotal: profile.amountTotal + BigInt(payment.amount),
          }
        : { firstPaidAt: payment.paidAt, paymentCount: 1, amountTotal: BigInt(payment.amount) },
    );
  }

  /** Takes back a payment `add` (or the tables) counted; its profile's first payment time stays, as the earliest. */
  function remove(payment: Payment) {
    const minute = minuteOf(payment.paidAt);
    const own = bucketsOf(payment.merchantId);
    const bucket = own.get(minute);
    if (bucket)
      own.set(minute, {
        count: bucket.count - 1,
        amount: bucket.amount - BigInt(payment.amount),
        samples: bucket.samples.filter((id) => id !== payment.id),
      });
    for (const key of partiesOf(payment)) {
      const counts = partyCountsOf(payment.merchantId, key);
      counts.set(minute, (counts.get(minute) ?? 0) - 1);
    }
    const profile = profiles.get(payment.merchantId);
    if (profile)
      profiles.set(payment.merchantId, {
        ...profile,
        paymentCount: profile.paymentCount - 1,
        amountTotal: profile.amountTotal - BigInt(payment.amount),
      });
  }

  /** What the rules see about a payment counted already: its merchant's buckets up to its own minute. */
  function factsOf(payment: Payment): RiskFacts {
    const start = windowStartOf(payment.paidAt, windowMinutes).getTime();
    const own = buckets.get(payment.merchantId);
    const factsBuckets: RiskFacts['buckets'] = [];
    const factsParties: RiskFacts['parties'] = [];
    for (let minute = start; minute <= payment.paidAt.getTime(); minute += minuteMs) {
      const bucket = own?.get(minute);
      if (bucket?.count) factsBuckets.push({ start: new Date(minute), ...bucket });
      for (const key of partiesOf(payment)) {
        const count = parties.get(`${payment.merchantId}|${key}`)?.get(minute);
        if (count) factsParties.push({ party: key, start: new Date(minute), count });
      }
    }
    const profile = profiles.get(payment.merchantId) ?? {
      firstPaidAt: payment.paidAt,
      paymentCount: 1,
      amountTotal: BigInt(payment.amount),
    };
    return { payment, buckets: factsBuckets, parties: factsParties, profile };
  }

  return { load, add, remove, factsOf };
}
