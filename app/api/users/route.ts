// POST /api/users: add a person who signs in (admins: anyone; owners: their merchant's users).
// GET /api/users: people newest first, keyset-paginated (owners see their merchant's only).
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { createUser } from '@/server/users/create-user';
import { listUsers } from '@/server/users/list-users';
import { createUserOperation, listUsersOperation } from '@/contracts/users';

export const POST = handle(createUserOperation, ({ body, principal }) => createUser({ db: getPrisma(), principal, input: body }));

export const GET = handle(listUsersOperation, ({ query, principal }) => listUsers({ db: getPrisma(), principal, query }));
