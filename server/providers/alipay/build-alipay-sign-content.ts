// Alipay's string-to-sign: the parameters but sign, empty values skipped, sorted by key (ASCII), decoded values
// joined as k=v&k=v. Notifications Alipay signs leave sign_type out too; requests we sign keep it in.
export function buildAlipaySignContent(params: Iterable<[string, string]>, options: { keepSignType?: boolean } = {}): string {
  return [...params]
    .filter(([key, value]) => key !== 'sign' && (options.keepSignType || key !== 'sign_type') && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}
