import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '@/contracts/access';
import { createUserOperation, deleteUserOperation, updateUserOperation } from '@/contracts/users';
import { requestOperation } from '@/lib/api-client/request-operation';

function useRefreshUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['users'] });
}

export function useCreateUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (body: z.input<typeof createUserOperation.body>) => requestOperation(createUserOperation, { body }),
    onSuccess: refresh,
  });
}

/** A new role; the API ends the person's sessions, so it signs in again under it. */
export function useChangeUserRole() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) => requestOperation(updateUserOperation, { params: { id }, body: { role } }),
    onSuccess: refresh,
  });
}

/** Removes the person; the API ends its sessions at once. */
export function useRemoveUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (id: string) => requestOperation(deleteUserOperation, { params: { id } }),
    onSuccess: refresh,
  });
}
