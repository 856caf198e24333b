/** The start of the UTC minute or hour an instant falls in: the buckets the aggregates are kept by. */
export function bucketStart(instant: Date, seconds: 60 | 3600): Date {
  const size = seconds * 1000;
  return new Date(Math.floor(instant.getTime() / size) * size);
}

/** Every bucket start from `from` up to and including `to`'s bucket, oldest first. */
export function bucketStarts(from: Date, to: Date, seconds: 60 | 3600): Date[] {
  const starts: Date[] = [];
  for (let at = bucketStart(from, seconds).getTime(); at <= to.getTime(); at += seconds * 1000) starts.push(new Date(at));
  return starts;
}

/** The start of the window of the last `count` buckets: the current bucket and the `count - 1` before it. */
export function windowStart(now: Date, seconds: 60 | 3600, count: number): Date {
  return new Date(bucketStart(now, seconds).getTime() - (count - 1) * seconds * 1000);
}
