// People who sign in (DESIGN §3 User, §5): admins create staff and merchant users; a merchant's owners add users to
// their own merchant only. Changing a role or removing a user ends that user's sessions at once.
import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema } from '@/contracts/common';
import { roleSchema } from '@/contracts/access';
import { cursorParam, limitParam } from '@/contracts/list-params';

export const passwordMinLength = 12;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  merchantId: z.uuid().nullable().describe('The merchant a merchant user is bound to; null for staff'),
  createdAt: z.string(),
});

export const createUserBodySchema = z.strictObject({
  email: z
    .email('email must be an email address')
    .max(254)
    .transform((email) => email.toLowerCase()),
  password: z.string().min(passwordMinLength, `password must be at least ${passwordMinLength} characters`).max(256),
  role: roleSchema,
  merchantId: z
    .uuid()
    .optional()
    .describe('Required for owner, developer and viewer; refused for admin and analyst. An owner may name only its own merchant.'),
  name: z.string().trim().min(1).max(200).optional(),
});

export const createUserOperation = defineOperation({
  id: 'createUser',
  method: 'POST',
  path: '/api/users',
  summary: 'Create a person who signs in: staff (admin, analyst) or a merchant user (owner, developer, viewer)',
  tag: 'users',
  auth: { staff: 'admin', merchant: 'owner' },
  body: createUserBodySchema,
  status: 201,
  response: userSchema,
  errors: [400, 401, 403, 404, 409, 422, 429],
});

export const listUsersQuerySchema = z.object({
  role: roleSchema.optional(),
  merchantId: z.uuid().optional(),
  limit: limitParam,
  cursor: cursorParam,
});

export const userListSchema = z.object({ items: z.array(userSchema), nextCursor: z.string().nullable() });

export const listUsersOperation = defineOperation({
  id: 'listUsers',
  method: 'GET',
  path: '/api/users',
  summary: "People, newest first (keyset): staff see everyone, a merchant's owners its users",
  tag: 'users',
  auth: { staff: 'admin', merchant: 'owner' },
  query: listUsersQuerySchema,
  status: 200,
  response: userListSchema,
  errors: [401, 403, 404, 422, 429],
});

export const updateUserBodySchema = z.strictObject({ role: roleSchema });

export const updateUserOperation = defineOperation({
  id: 'updateUser',
  method: 'PATCH',
  path: '/api/users/{id}',
  summary: "Change a user's role (within its audience: staff stay staff, merchant users stay with their merchant); its sessions end",
  tag: 'users',
  auth: { staff: 'admin', merchant: 'owner' },
  params: idParamsSchema,
  body: updateUserBodySchema,
  status: 200,
  response: userSchema,
  errors: [400, 401, 403, 404, 409, 422, 429],
});

export const deleteUserOperation = defineOperation({
  id: 'deleteUser',
  method: 'DELETE',
  path: '/api/users/{id}',
  summary: 'Remove a user; its sessions end at once',
  tag: 'users',
  auth: { staff: 'admin', merchant: 'owner' },
  params: idParamsSchema,
  status: 204,
  errors: [401, 403, 404, 409, 429],
});
