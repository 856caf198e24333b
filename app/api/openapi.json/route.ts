// GET /api/openapi.json: the API described from the schemas the routes use.
import { buildOpenApi } from '@/lib/http/build-openapi';
import { handle } from '@/lib/http/handle';
import { allOperations } from '@/contracts/all-operations';
import { openApiOperation } from '@/contracts/system';

export const GET = handle(openApiOperation, async () => buildOpenApi(allOperations));
