// POST /api/merchants/{id}/secret/rotate: a new webhook secret, with an overlap in which both sign.
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { handle } from '@/lib/http/handle';
import { rotateSecretOperation } from '@/contracts/merchants';
import { rotateWebhookSecret } from '@/server/merchants/rotate-webhook-secret';

export const POST = handle(rotateSecretOperation, ({ params, body, principal }) =>
  rotateWebhookSecret({
    db: getPrisma(),
    merchantId: params.id,
    principal,
    overlapSeconds: body.overlapSeconds ?? getEnv().SECRET_ROTATION_OVERLAP_SECONDS,
  }),
);
