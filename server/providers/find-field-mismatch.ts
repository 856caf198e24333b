/**
 * The first field whose value in a provider's answer is not ours, described for the exchange's reason; null when
 * all agree. An expected value of undefined is not checked (the caller did not tell us what to expect).
 */
export function findFieldMismatch(fields: Array<[name: string, actual: unknown, expected: unknown]>): string | null {
  for (const [name, actual, expected] of fields) {
    if (expected !== undefined && actual !== expected) {
      return `${name} ${JSON.stringify(actual)} in the answer is not ours (${JSON.stringify(expected)})`;
    }
  }
  return null;
}
