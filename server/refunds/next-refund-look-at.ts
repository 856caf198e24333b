/**
 * When a refund not yet final is next looked at (DESIGN §9: growing intervals, for days): the schedule's wait after
 * `looks` looks so far (its first wait counts from the refund's creation), the last wait repeating until it is final.
 */
export function nextRefundLookAt({ from, looks, schedule }: { from: Date; looks: number; schedule: number[] }): Date {
  return new Date(from.getTime() + schedule[Math.min(looks, schedule.length - 1)] * 1000);
}
