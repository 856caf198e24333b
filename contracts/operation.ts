// An API operation described once: the route handler parses with these schemas and the OpenAPI
// document is generated from them, so the two cannot drift apart.
import type { z } from 'zod';
import type { MerchantLevel, StaffLevel } from '@/contracts/access';

/**
 * Who may call an operation (checked by `authorize` in lib/auth/principal.ts, the one place): `'none'` for public
 * routes, else the least staff level and the least merchant level that may, each omitted when that audience may not.
 * Staff: `read` (analyst, admin), `decide` (analyst, admin: alert decisions, block/unblock, redeliver), `admin`
 * (admin users and the admin token). Merchant: `read` (any of its users, its API key), `developer` (developer,
 * owner, the API key), `owner` (owner only).
 */
export type Access = 'none' | { staff?: StaffLevel; merchant?: MerchantLevel };
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Operation = {
  id: string;
  method: HttpMethod;
  /** OpenAPI path, e.g. `/api/merchants/{id}`. */
  path: string;
  summary: string;
  tag: string;
  auth: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Raw-body operations (provider callbacks) describe their content type instead of a JSON schema. */
  rawBody?: { contentTypes: string[]; limitBytes?: number };
  status: number;
  response?: z.ZodType;
  responseContentType?: string;
  /** Other media types the success answer comes in when asked (`Accept`), e.g. `text/csv` for a list's export. */
  alsoAnswers?: string[];
  errors: number[];
};

export function defineOperation<const O extends Operation>(operation: O): O {
  return operation;
}
