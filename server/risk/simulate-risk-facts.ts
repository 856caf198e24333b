import { minuteMs, partyKey, windowStartOf, type RiskFacts } from './risk-facts';

type Profile = RiskFacts['profile'];
type Payment = RiskFacts['payment'];

/**
 * The live engine's aggregates kept in memory, for replaying history: the same minute buckets, payer/device
 * buckets and profile, so `evaluateRule` judges a replayed payment exactly as the worker would have.
 */
export function simulateRiskFacts({ history, windowMinutes }: { history: Map<string, Profile>; windowMinutes: number }) {
  const buckets = new Map<string, Map<number, { count: number; amount: number; samples: string[] }>>();
  const parties = new Map<string, Map<number, number>>();

  function add(payment: Payment, countInProfile: boolean) {
    const minute = Math.floor(payment.paidAt.getTime() / minuteMs) * minuteMs;
    const own = buckets.get(payment.merchantId) ?? new Map();
    buckets.set(payment.merchantId, own);
    const bucket = own.get(minute) ?? { count: 0, amount: 0, samples: [] };
    own.set(minute, { count: bucket.count + 1, amount: bucket.amount + payment.amount, samples: bucket.samples.length < 5 ? [...bucket.samples, payment.id] : bucket.samples });
    for (const key of partiesOf(payment)) {
      const counts = parties.get(`${payment.merchantId}|${key}`) ?? new Map<number, number>();
      parties.set(`${payment.merchantId}|${key}`, counts);
      counts.set(minute, (counts.get(minute) ?? 0) + 1);
    }
    if (!countInProfile) return;
    const profile = history.get(payment.merchantId);
    history.set(payment.merchantId, profile
      ? { firstPaidAt: profile.firstPaidAt < payment.paidAt ? profile.firstPaidAt : payment.paidAt, paymentCount: profile.paymentCount + 1, amountTotal: profile.amountTotal + payment.amount }
      : { firstPaidAt: payment.paidAt, paymentCount: 1, amountTotal: payment.amount });
  }

  function factsOf(payment: Payment): RiskFacts {
    const start = windowStartOf(payment.paidAt, windowMinutes).getTime();
    const own = buckets.get(payment.merchantId);
    const factsBuckets: RiskFacts['buckets'] = [];
    const factsParties: RiskFacts['parties'] = [];
    for (let minute = start; minute <= payment.paidAt.getTime(); minute += minuteMs) {
      const bucket = own?.get(minute);
      if (bucket) factsBuckets.push({ start: new Date(minute), ...bucket });
      for (const key of partiesOf(payment)) {
        const count = parties.get(`${payment.merchantId}|${key}`)?.get(minute);
        if (count) factsParties.push({ party: key, start: new Date(minute), count });
      }
    }
    return { payment, buckets: factsBuckets, parties: factsParties, profile: history.get(payment.merchantId)! };
  }

  return { add, factsOf };
}

function partiesOf(payment: Payment): string[] {
  return [...(payment.payer ? [partyKey('payer', payment.payer)] : []), ...(payment.device ? [partyKey('device', payment.device)] : [])];
}
