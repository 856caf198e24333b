/**
 * NOTIFY wakes an idle worker the moment a job commits, but a worker busy at that moment misses the wake-up,
 * and jobs due later (retries, delayed sends) raise none; a one-second poll bounds how long either can wait.
 */
export const pollingOptions = { pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 1 } as const;
