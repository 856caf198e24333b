const chinaOffsetMs = 8 * 60 * 60 * 1000;

// WeChat Pay writes times as RFC 3339 in China time, e.g. 2018-06-08T10:34:56+08:00.
export function formatChinaTime(date: Date): string {
  return `${new Date(date.getTime() + chinaOffsetMs).toISOString().slice(0, 19)}+08:00`;
}
