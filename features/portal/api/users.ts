import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MerchantRole } from '@/contracts/access';
import {
  createUserOperation,
  deleteUserOperation,
  listUsersOperation,
  updateUserOperation,
  type createUserBodySchema,
} from '@/contracts/users';
import { keysetQueryOptions } from '@/features/console-risk/api/keyset-query';
import { requestOperation } from '@/lib/api-client/request-operation';

export type UserRow = z.output<typeof listUsersOperation.response>['items'][number];

// The API scopes the list to the owner's merchant whatever it is asked.
export function useMerchantUsers() {
  return useInfiniteQuery(keysetQueryOptions(['users'], listUsersOperation, {}));
}

function useUsersChange<I, R>(mutationFn: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }) });
}

/** POST /api/users: a user of the owner's merchant, signing in with the initial password the owner gives them. */
export function useInviteUser() {
  return useUsersChange((body: z.input<typeof createUserBodySchema>) => requestOperation(createUserOperation, { body }));
}

/** PATCH /api/users/{id}: a new role; the user's sessions end and it signs in again. */
export function useChangeUserRole() {
  return useUsersChange(({ id, role }: { id: string; role: MerchantRole }) =>
    requestOperation(updateUserOperation, { params: { id }, body: { role } }),
  );
}

/** DELETE /api/users/{id}: the user and its sessions go at once. */
export function useRemoveUser() {
  return useUsersChange((id: string) => requestOperation(deleteUserOperation, { params: { id } }));
}
