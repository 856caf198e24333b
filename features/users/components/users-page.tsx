'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Time } from '@/components/ui/time';
import { MerchantName } from '@/features/console-risk/shared/components/merchant-name';
import { useUsers, type User } from '../api/get-users';
import { roleLabels } from '../role-labels';
import { ChangeRoleDialog } from './change-role-dialog';
import { InviteUserDialog } from './invite-user-dialog';
import { RemoveUserButton } from './remove-user-button';

const column = createDataTableColumns<User>();

function columnsFor(selfId: string) {
  return column.columns([
    column.accessor('email', { header: 'Email', cell: ({ getValue }) => <span className="font-medium">{getValue()}</span> }),
    column.accessor('role', {
      header: 'Role',
      cell: ({ getValue }) => <Badge tone={getValue() === 'admin' ? 'primary' : 'outline'}>{roleLabels[getValue()]}</Badge>,
    }),
    column.accessor('merchantId', {
      header: 'Merchant',
      cell: ({ getValue }) => {
        const merchantId = getValue();
        if (!merchantId) return <span className="text-muted-foreground">Staff</span>;
        return (
          <Link href={`/console/merchants/${merchantId}`} className="text-primary underline-offset-4 hover:underline">
            <MerchantName merchantId={merchantId} />
          </Link>
        );
      },
      meta: { hideBelow: 'md' },
    }),
    column.accessor('createdAt', {
      header: 'Added',
      cell: ({ getValue }) => <Time value={getValue()} format="date" />,
      meta: { hideBelow: 'lg' },
    }),
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) =>
        row.original.id === selfId ? (
          <span className="text-xs text-muted-foreground">You</span>
        ) : (
          <span className="flex justify-end gap-2">
            <ChangeRoleDialog user={row.original} />
            <RemoveUserButton user={row.original} />
          </span>
        ),
      meta: { align: 'end' },
    }),
  ]);
}

const byId = (user: User) => user.id;

/** Who signs in (admins only): invite a person with a role, change a role, remove a person. */
export function UsersPage({ selfId }: { selfId: string }) {
  const list = useKeysetList(useUsers());
  const columns = useMemo(() => columnsFor(selfId), [selfId]);
  return (
    <>
      <PageHeader
        title="Users"
        description="Staff and merchant users, and their roles. Changing a role or removing a person ends their sessions at once."
        actions={<InviteUserDialog />}
      />
      <DataTable
        {...list}
        label="Users"
        columns={columns}
        getRowId={byId}
        empty={<EmptyState title="Nobody else signs in yet" description="Invite analysts, admins or a merchant's users." />}
      />
    </>
  );
}
