'use client';

import { DataTable } from '@/components/data-table/data-table';
import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { DetailList } from '@/components/ui/detail-list';
import { EmptyState } from '@/components/ui/empty-state';
import { Time } from '@/components/ui/time';
import { merchantRoles } from '@/contracts/access';
import { useMerchantUsers, type UserRow } from '../api/users';
import { merchantRoleDescriptions } from '../merchant-roles';
import { InviteUserDialog } from './invite-user-dialog';
import { CurrentUserContext, RemoveUserButton, UserRoleCell } from './user-actions';

const column = createDataTableColumns<UserRow>();

const userColumns = column.columns([
  column.accessor('email', { header: 'Email', cell: ({ getValue }) => <span className="font-medium">{getValue()}</span> }),
  column.accessor('role', { header: 'Role', cell: ({ row }) => <UserRoleCell user={row.original} />, meta: { link: false } }),
  column.accessor('createdAt', {
    header: 'Added',
    cell: ({ getValue }) => <Time value={getValue()} format="date" />,
    meta: { hideBelow: 'sm' },
  }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => <RemoveUserButton user={row.original} />,
    meta: { link: false, align: 'end' },
  }),
]);

const userRowId = (row: UserRow) => row.id;

/** The merchant's users (owners only): add one with a role, change a role, remove one; each change ends that user's sessions. */
export function UsersPage({ currentUserId }: { currentUserId: string }) {
  const list = useKeysetList(useMerchantUsers());
  return (
    <CurrentUserContext value={currentUserId}>
      <PageHeader
        title="Users"
        description="The people who sign in to your merchant's portal, and what each may do."
        actions={<InviteUserDialog />}
      />
      <div className="flex flex-col gap-6">
        <DataTable
          {...list}
          label="Users"
          columns={userColumns}
          getRowId={userRowId}
          empty={<EmptyState title="No users yet" description="Add the people who run your shop's integration." />}
        />
        <Card>
          <CardHeader>
            <CardTitle>Roles</CardTitle>
          </CardHeader>
          <CardContent>
            <DetailList
              items={merchantRoles.map((role) => ({
                label: merchantRoleDescriptions[role].label,
                value: merchantRoleDescriptions[role].can,
              }))}
            />
          </CardContent>
        </Card>
      </div>
    </CurrentUserContext>
  );
}
