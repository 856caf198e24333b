// PATCH /api/users/{id}: change a user's role; DELETE: remove the user. Either ends its sessions at once.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { changeUserRole } from '@/server/users/change-user-role';
import { removeUser } from '@/server/users/remove-user';
import { deleteUserOperation, updateUserOperation } from '@/contracts/users';

export const PATCH = handle(updateUserOperation, ({ params, body, principal }) =>
  changeUserRole({ db: getPrisma(), principal, id: params.id, role: body.role }),
);

export const DELETE = handle(deleteUserOperation, ({ params, principal }) => removeUser({ db: getPrisma(), principal, id: params.id }));
