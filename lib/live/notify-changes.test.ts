import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { v7 as uuidv7 } from 'uuid';
import { liveChangesSchema, type LiveChange } from '@/contracts/live';
import { encodeLiveChanges, maxLivePayloadBytes } from './notify-changes';

const merchantId = uuidv7();
const changesOf = (count: number, kind: LiveChange['kind'] = 'payment'): LiveChange[] =>
  Array.from({ length: count }, () => ({ kind, id: uuidv7(), merchantId }));

describe('encodeLiveChanges', () => {
  test('a batch that fits is one payload the receiver parses back to the same changes', () => {
    const changes = [...changesOf(20), ...changesOf(20, 'delivery'), { kind: 'alert' as const, id: uuidv7(), merchantId: null }];
    const payloads = encodeLiveChanges(changes);
    assert.equal(payloads.length, 1);
    assert.deepEqual(liveChangesSchema.parse(JSON.parse(payloads[0])).changes, changes);
  });

  test('a batch too large for one notification is split below the limit, nothing lost, nothing twice, order kept', () => {
    const changes = [...changesOf(200), ...changesOf(200, 'delivery')];
    const payloads = encodeLiveChanges(changes);
    const sizes = payloads.map((payload) => Buffer.byteLength(payload));
    assert.ok(payloads.length > 1, 'split');
    assert.ok(
      sizes.every((size) => size <= maxLivePayloadBytes),
      `sizes ${sizes.join(', ')}`,
    );
    // As few as the limit allows: every payload but the last is full enough that the next change would not fit.
    const entry = Buffer.byteLength(JSON.stringify(changes[0])) + 1;
    assert.ok(
      sizes.slice(0, -1).every((size) => size + entry > maxLivePayloadBytes),
      `sizes ${sizes.join(', ')}`,
    );
    assert.deepEqual(
      payloads.flatMap((payload) => liveChangesSchema.parse(JSON.parse(payload)).changes),
      changes,
    );
  });

  test('a change named twice is announced once; no changes, no payload', () => {
    const [change] = changesOf(1);
    assert.deepEqual(encodeLiveChanges([change, { ...change }, change]), [JSON.stringify({ changes: [change] })]);
    assert.deepEqual(encodeLiveChanges([]), []);
  });
});
