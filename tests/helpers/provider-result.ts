import assert from 'node:assert/strict';
import type { ProviderResult } from '@/server/providers/provider-client';

/** The failure of a provider call that a test expects to fail; the whole result is shown when it did not. */
export function expectFailure<T>(result: ProviderResult<T>) {
  if (result.ok) assert.fail(`expected the provider call to fail: ${JSON.stringify(result)}`);
  return result;
}
