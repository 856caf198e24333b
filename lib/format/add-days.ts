/** A calendar date moved by whole days: ("2026-03-01", -1) → "2026-02-28". Pure date arithmetic, no time zone. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
