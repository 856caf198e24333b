import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

/** The boundary errors ESLint reports for one import written in a file at `filePath`. */
async function boundaryErrors(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as imported from '${specifier}';\nexport { imported };\n`, { filePath });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layer boundaries are enforced by lint', () => {
  const refused: [string, string][] = [
    ['server/payments/x.ts', 'next/server'],
    ['server/payments/x.ts', 'react'],
    ['server/payments/x.ts', '@/app/api/payments/route'],
    ['server/payments/x.ts', '@/features/orders/api/get-orders'],
    ['server/payments/x.ts', '../../components/ui/button'],
    ['server/payments/x.ts', '@/workers/jobs/deliver-webhook'],
    ['lib/http/x.ts', '@/server/payments/get-payment'],
    ['lib/http/x.ts', '../../server/payments/get-payment'],
    ['lib/http/x.ts', 'next/headers'],
    ['workers/jobs/x.ts', 'next/server'],
    ['contracts/x.ts', '@/generated/prisma/client'],
    ['contracts/x.ts', '@/server/payments/get-payment'],
    ['contracts/x.ts', '@/lib/db/prisma'],
    ['features/orders/x.tsx', '@/server/payments/get-payment'],
    ['features/orders/x.tsx', '@/lib/db/prisma'],
    ['features/orders/x.tsx', 'pg-boss'],
    ['components/ui/x.tsx', '@/generated/prisma/client'],
  ];
  for (const [file, specifier] of refused) {
    test(`${file} may not import ${specifier}`, async () => {
      assert.notDeepEqual(await boundaryErrors(file, specifier), [], `${file} importing ${specifier} passed lint`);
    });
  }

  const allowed: [string, string][] = [
    ['server/payments/x.ts', '@/lib/db/prisma'],
    ['server/payments/x.ts', '@/contracts/payments'],
    ['workers/jobs/x.ts', '@/server/deliveries/deliver-webhook'],
    ['app/api/payments/x.ts', '@/server/payments/get-payment'],
    ['features/orders/x.tsx', '@/contracts/payments'],
    ['features/orders/x.tsx', '@/components/ui/button'],
    ['contracts/x.ts', 'zod'],
  ];
  for (const [file, specifier] of allowed) {
    test(`${file} may import ${specifier}`, async () => {
      assert.deepEqual(await boundaryErrors(file, specifier), []);
    });
  }
});
