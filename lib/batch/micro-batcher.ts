type Waiting<T, R> = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };

type Options = {
  /** Items written by one call of `run` at most. */
  maxBatch: number;
  /** Calls of `run` in flight at once; items arriving meanwhile wait for the next. */
  maxInFlight: number;
};

/**
 * Gathers the items that arrive while earlier ones are being written, so many concurrent callers cost one
 * statement instead of one each (group commit). Each caller gets its own result, and only once the batch holding
 * its item is done. When a batch fails, each of its callers is rejected with the error and can do its work alone.
 */
export class MicroBatcher<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private inFlight = 0;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly options: Options,
  ) {}

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.inFlight < this.options.maxInFlight) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.options.maxInFlight || this.waiting.length === 0) return;
    this.inFlight++;
    const taken = this.waiting.splice(0, this.options.maxBatch);
    try {
      const results = await this.run(taken.map((entry) => entry.item));
      taken.forEach((entry, index) => entry.resolve(results[index]));
    } catch (error) {
      for (const entry of taken) entry.reject(error);
    } finally {
      this.inFlight--;
      if (this.waiting.length > 0) setImmediate(() => void this.flush());
    }
  }
}
