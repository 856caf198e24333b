const chinaOffsetMs = 8 * 60 * 60 * 1000;

// Alipay's request timestamps and time_expire are 'yyyy-MM-dd HH:mm:ss' in China time (UTC+8 all year).
export function formatAlipayTime(date: Date): string {
  return new Date(date.getTime() + chinaOffsetMs).toISOString().slice(0, 19).replace('T', ' ');
}
