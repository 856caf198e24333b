// POST /api/payments/{id}/client-result: the app's own report of paying, recorded (never trusted) and checked at once.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getBoss } from '@/lib/queue/boss';
import { reportClientResultOperation } from '@/contracts/payments';
import { recordClientResult } from '@/server/payments/record-client-result';

export const POST = handle(reportClientResultOperation, async ({ params, body, principal }) =>
  recordClientResult({ db: getPrisma(), boss: await getBoss(), paymentId: params.id, principal, report: body }),
);
