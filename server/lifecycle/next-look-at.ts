type NextLook = {
  /** When the last look was (the attempt's creation, before any query). */
  from: Date;
  /** Queries made so far. */
  queryCount: number;
  expiresAt: Date;
  schedule: number[];
  horizonSeconds: number;
};

/**
 * When an unresolved attempt is next looked at (DESIGN §9): after the schedule's next wait (the last wait repeats),
 * but never past its expiry while it is open, as the look at expiry closes it; after expiry, until the horizon
 * (providers stop notifying about a day later). Null: the horizon is passed, nothing more is to be learned.
 */
export function nextLookAt({ from, queryCount, expiresAt, schedule, horizonSeconds }: NextLook): Date | null {
  const wait = schedule[Math.min(queryCount, schedule.length - 1)];
  const next = new Date(from.getTime() + wait * 1000);
  if (from < expiresAt) return next < expiresAt ? next : expiresAt;
  return next.getTime() <= expiresAt.getTime() + horizonSeconds * 1000 ? next : null;
}
