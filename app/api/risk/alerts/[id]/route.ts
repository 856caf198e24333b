// GET /api/risk/alerts/{id}: one alert and its evidence.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getRiskAlert } from '@/server/risk/get-risk-alert';
import { getRiskAlertOperation } from '@/contracts/risk';

export const GET = handle(getRiskAlertOperation, ({ params }) => getRiskAlert({ db: getPrisma(), alertId: params.id }));
