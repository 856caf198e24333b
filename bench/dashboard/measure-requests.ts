// Times each request of the console, one at a time over a kept-alive connection, as one person's browser would make
// them: from sending the request to having read the whole answer.
import { percentile } from '../lib/percentile';
import type { Catalogue } from './catalogue';
import type { BenchRequest } from './console-requests';

export type RequestFigures = { name: string; page: string; as: 'staff' | 'merchant'; p50: number; p95: number; bytes: number };

type Measure = {
  baseUrl: string;
  tokens: { staff: string; merchant: string };
  catalogue: Catalogue;
  requests: BenchRequest[];
  samples: number;
  warmup?: number;
};

export async function measureRequests({ baseUrl, tokens, catalogue, requests, samples, warmup = 5 }: Measure): Promise<RequestFigures[]> {
  const figures: RequestFigures[] = [];
  for (const request of requests) {
    const as = request.as ?? 'staff';
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < warmup + samples; i++) {
      const path = request.path(catalogue, i);
      const started = performance.now();
      const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[as]}` } });
      const body = await response.text();
      const elapsed = performance.now() - started;
      if (response.status !== 200)
        throw new Error(`${request.page} / ${request.name}: GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
      if (i >= warmup) {
        times.push(elapsed);
        bytes += body.length;
      }
    }
    times.sort((a, b) => a - b);
    figures.push({
      name: request.name,
      page: request.page,
      as,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      bytes: Math.round(bytes / samples),
    });
  }
  return figures;
}
