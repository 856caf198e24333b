// An API operation described once: the route handler parses with these schemas and the OpenAPI
// document is generated from them, so the two cannot drift apart.
import type { z } from 'zod';

export type AuthRequirement = 'none' | 'admin' | 'merchant' | 'admin-or-merchant';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Operation = {
  id: string;
  method: HttpMethod;
  /** OpenAPI path, e.g. `/api/merchants/{id}`. */
  path: string;
  summary: string;
  tag: string;
  auth: AuthRequirement;
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
