export type Instant = string | number | Date;

/** An ISO string, epoch milliseconds or Date as a valid Date; throws RangeError on anything else. */
export function toDate(instant: Instant): Date {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a point in time: ${String(instant).slice(0, 40)}`);
  return date;
}
