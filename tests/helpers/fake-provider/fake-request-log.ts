// Every request the fake provider received, with what it made of our signature: tests prove our requests are signed
// by looking here, and that a refused request changed nothing.
import type { FakeOperation, FakeProviderName } from './fake-faults';

export type FakeRequestRecord = {
  provider: FakeProviderName;
  operation: FakeOperation;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Null when our signature verified; otherwise why it did not (the request was then refused). */
  signatureError: string | null;
  fault: string | null;
  at: Date;
};
