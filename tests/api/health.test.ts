import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GET as healthRoute } from '@/app/api/health/route';
import { createQueues, queues } from '@/lib/queue/queues';
import { callRoute } from '@/tests/helpers/call-route';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

describe('GET /api/health', () => {
  test('answers ok when the database and the queues are ready', async () => {
    const answer = await callRoute(healthRoute, { token: null });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { status: 'ok' });
  });

  test('answers only "not ready" when it is not, whatever the reason', async () => {
    await app.boss.deleteQueue(queues.deliverWebhook);
    try {
      const answer = await callRoute(healthRoute, { token: null });
      assert.equal(answer.status, 503);
      assert.deepEqual(answer.json, { error: { code: 'unavailable', message: 'not ready' } });
    } finally {
      await createQueues(app.boss);
    }
    assert.equal((await callRoute(healthRoute, { token: null })).status, 200);
  });
});
