import { audienceOf, merchantRoles, staffRoles, type Role } from '@/contracts/access';

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  analyst: 'Analyst',
  owner: 'Owner',
  developer: 'Developer',
  viewer: 'Viewer',
};

export const roleDescriptions: Record<Role, string> = {
  admin: 'Staff: everything, including rules, users and settings',
  analyst: 'Staff: watches, decides alerts, blocks and unblocks merchants, redelivers',
  owner: "A merchant's user: everything of its merchant, and its users",
  developer: "A merchant's user: webhook settings and redelivery",
  viewer: "A merchant's user: reads only",
};

/** The roles a person may be moved to: staff stay staff, merchant users stay with their merchant (the API's rule). */
export function rolesLike(role: Role): readonly Role[] {
  return audienceOf(role) === 'staff' ? staffRoles : merchantRoles;
}
