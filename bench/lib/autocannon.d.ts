// The part of autocannon's programmatic API the benchmarks use (the package ships no types, and
// @types/autocannon is not installed).
declare module 'autocannon' {
  export type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  };

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    overallRate?: number;
    timeout?: number;
    method?: string;
    requests?: Array<Request & { setupRequest?: (request: Request) => Request | undefined }>;
  };

  type Histogram = { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number };

  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    requests: Histogram & { sent: number };
  };

  export default function autocannon(options: Options): Promise<Result>;
}
