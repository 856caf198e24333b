// Alipay's string-to-sign: every parameter but sign and sign_type, empty values skipped, sorted by key (ASCII),
// decoded values joined as k=v&k=v.
export function buildAlipaySignContent(params: Iterable<[string, string]>): string {
  return [...params]
    .filter(([key, value]) => key !== 'sign' && key !== 'sign_type' && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}
