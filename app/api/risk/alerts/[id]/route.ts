// GET /api/risk/alerts/{id}: one alert and its evidence.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getRiskAlert } from '@/server/risk/get-risk-alert';
import { getRiskAlertOperation } from '@/server/risk/operations';

export const GET = handle(getRiskAlertOperation, ({ params }) => getRiskAlert({ db: getPrisma(), alertId: params.id }));
