import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { GET as openApiRoute } from '@/app/api/openapi.json/route';
import { callRoute } from '@/tests/helpers/call-route';
import { useApp } from '@/tests/helpers/use-app';

useApp();

const apiDir = path.resolve(import.meta.dirname, '../../app/api');
const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Every route handler file under app/api, with the OpenAPI path its folder serves (`[id]` is `{id}`). */
async function routeFiles() {
  // /api/auth/* is better-auth's own handler (sign-in, sign-out, session), described in the README, not by operations.
  const files = (await readdir(apiDir, { recursive: true }))
    .filter((file) => path.basename(file) === 'route.ts' && !file.startsWith(`auth${path.sep}`))
    .sort();
  return files.map((file) => {
    const segments = path
      .dirname(file)
      .split(path.sep)
      .filter((segment) => segment !== '.');
    const apiPath = ['/api', ...segments.map((segment) => segment.replace(/^\[(\w+)\]$/, '{$1}'))].join('/');
    return { file: path.join('app/api', file), absolute: path.join(apiDir, file), apiPath };
  });
}

async function openApiDocument() {
  const response = await callRoute(openApiRoute, { token: null });
  assert.equal(response.status, 200, response.text);
  return response.json;
}

describe('OpenAPI document', () => {
  test('GET /api/openapi.json answers an OpenAPI 3.1 document without a token', async () => {
    const response = await callRoute(openApiRoute, { token: null });
    assert.equal(response.status, 200, response.text);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.match(response.json.openapi, /^3\.1\.\d+$/);
    assert.equal(typeof response.json.info.title, 'string');
    assert.equal(typeof response.json.info.version, 'string');
    assert.ok(Object.keys(response.json.paths).length > 0);
  });

  test('every route handler carries its operation and is in the document', async () => {
    const document = await openApiDocument();
    const files = await routeFiles();
    assert.ok(files.length >= 10, `found only ${files.length} route files under app/api`);
    const handled = new Set<string>();
    for (const { file, absolute, apiPath } of files) {
      const module: Record<string, unknown> = await import(pathToFileURL(absolute).href);
      const exported = httpMethods.filter((method) => method in module);
      assert.ok(exported.length > 0, `${file} exports no HTTP method handler`);
      for (const method of exported) {
        const where = `${method} ${apiPath} (${file})`;
        const handler = module[method];
        assert.equal(typeof handler, 'function', where);
        const operation = (handler as { operation?: { id: string; method: string; path: string } }).operation;
        assert.ok(operation, `${where} has no .operation: describe it with defineOperation and handle()`);
        assert.equal(operation.path, apiPath, `${where}: operation.path does not match the folder`);
        assert.equal(operation.method, method, `${where}: operation.method does not match the export`);
        const documented = document.paths[apiPath]?.[method.toLowerCase()];
        assert.ok(documented, `${where} is missing from /api/openapi.json`);
        assert.equal(documented.operationId, operation.id, where);
        assert.ok(documented.responses && Object.keys(documented.responses).length > 0, `${where} documents no responses`);
        handled.add(`${method} ${apiPath}`);
      }
    }
    // And the other way round: the document describes no route that does not exist.
    for (const [documentedPath, methods] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(methods)) {
        assert.ok(
          handled.has(`${method.toUpperCase()} ${documentedPath}`),
          `${method.toUpperCase()} ${documentedPath} is documented but has no route`,
        );
      }
    }
  });

  test('operation ids are unique', async () => {
    const document = await openApiDocument();
    const ids = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap((methods) =>
      Object.values(methods).map((operation) => operation.operationId),
    );
    assert.deepEqual(ids, [...new Set(ids)]);
  });

  test('createPayment documents its request body and its errors', async () => {
    const document = await openApiDocument();
    const operation = document.paths['/api/payments'].post;
    assert.equal(operation.operationId, 'createPayment');
    const schema = operation.requestBody.content['application/json'].schema;
    for (const field of ['merchantId', 'outTradeNo', 'amount', 'provider']) {
      assert.ok(schema.required.includes(field), `${field} is required`);
    }
    assert.equal(schema.properties.amount.type, 'integer');
    assert.deepEqual([...schema.properties.provider.enum].sort(), ['alipay', 'sandbox', 'wechatpay']);
    assert.ok(operation.responses['201'], 'created answers 201');
    assert.ok(operation.responses['403'], 'merchant_blocked answers 403');
    assert.ok(operation.responses['422'], 'bad input answers 422');
  });

  test('the live event stream is documented as server-sent events behind a credential', async () => {
    const operation = (await openApiDocument()).paths['/api/events'].get;
    assert.equal(operation.operationId, 'streamLiveEvents');
    assert.ok(operation.responses['200'].content['text/event-stream'], 'documents text/event-stream');
    assert.deepEqual(operation.security, [{ bearer: [] }, { session: [] }]);
    assert.ok(operation.responses['401']);
  });

  test('each operation says who may call it', async () => {
    const document = await openApiDocument();
    const decide = document.paths['/api/risk/alerts/{id}/decision'].post;
    assert.deepEqual(decide['x-access'], { staff: 'decide' });
    assert.match(decide.description, /analysts and admins/);
    assert.deepEqual(document.paths['/api/risk/rules'].post['x-access'], { staff: 'admin' });
    assert.deepEqual(document.paths['/api/payments'].get['x-access'], { staff: 'read', merchant: 'read' });
    assert.equal(document.paths['/api/health'].get['x-access'], undefined);
  });
});
