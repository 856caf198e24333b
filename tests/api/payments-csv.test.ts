import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GET as listRoute } from '@/app/api/payments/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { escapeFormula } from '@/lib/http/csv-response';
import { callRoute } from '@/tests/helpers/call-route';
import { parseCsv } from '@/tests/helpers/parse-csv';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

describe('orders CSV export', () => {
  test('the filtered list streams as CSV: BOM, quoted, CRLF, formulas inert, rows equal the API’s', async () => {
    const shop = await makeMerchant(app.db, { name: '=HYPERLINK("http://evil.example","罗森")' });
    const other = await makeMerchant(app.db);
    for (let i = 0; i < 7; i++) await makePayment(app.db, { merchantId: shop.id, amount: 1_000 + i });
    await makePayment(app.db, { merchantId: other.id });
    const csv = await callRoute(listRoute, { url: 'http://localhost/api/payments', token: shop.apiKey, headers: { accept: 'text/csv' } });
    assert.equal(csv.status, 200, csv.text);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="payments.csv"/);
    const raw = await listRoute(
      new Request('http://localhost/api/payments', { headers: { accept: 'text/csv', authorization: `Bearer ${shop.apiKey}` } }),
      { params: Promise.resolve({}) },
    );
    assert.deepEqual([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    assert.ok(csv.text.includes('\r\n"'));
    const [header, ...rows] = parseCsv(csv.text);
    assert.equal(header[0], 'id');
    const json = await callRoute(listRoute, { url: 'http://localhost/api/payments?limit=200', token: shop.apiKey });
    assert.equal(rows.length, 7);
    assert.deepEqual(
      rows.map((row) => row[0]),
      json.json.items.map((item: { id: string }) => item.id),
    );
    const column = (name: string) => header.indexOf(name);
    for (const [i, row] of rows.entries()) {
      const item = json.json.items[i];
      assert.equal(Number(row[column('amountMinorUnits')]), item.amount);
      assert.equal(row[column('amount')], (item.amount / 100).toFixed(2));
      assert.equal(row[column('merchantId')], shop.id);
      assert.equal(row[column('merchantName')], `'${shop.name}`, 'a formula is made inert');
    }
    const viaLink = await callRoute(listRoute, { url: `http://localhost/api/payments?format=csv&amountMin=1005`, token: shop.apiKey });
    assert.equal(parseCsv(viaLink.text).length, 3);
    const foreign = await callRoute(listRoute, {
      url: `http://localhost/api/payments?format=csv&merchantId=${other.id}`,
      token: shop.apiKey,
    });
    assert.equal(foreign.status, 404);
    assert.equal((await callRoute(listRoute, { url: 'http://localhost/api/payments?format=xls', token: shop.apiKey })).status, 422);
    assert.equal(
      (await callRoute(listRoute, { url: 'http://localhost/api/payments?format=csv&cursor=bad', token: shop.apiKey })).status,
      422,
    );
  });

  test('formula escaping leaves numbers alone', () => {
    assert.equal(escapeFormula('=1+1'), "'=1+1");
    assert.equal(escapeFormula('+86 138'), "'+86 138");
    assert.equal(escapeFormula('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(escapeFormula('\tx'), "'\tx");
    assert.equal(escapeFormula('-12.34'), '-12.34');
    assert.equal(escapeFormula('plain'), 'plain');
  });
});
