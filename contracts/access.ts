// People and their roles (DESIGN §3 User), and the permission levels operations and pages are declared with. The
// browser imports these too: the navigation shows each role what it may open.
import { z } from 'zod';

export const staffRoles = ['admin', 'analyst'] as const;
export const merchantRoles = ['owner', 'developer', 'viewer'] as const;
export const roleSchema = z.enum([...staffRoles, ...merchantRoles]);
export type Role = z.infer<typeof roleSchema>;
export type StaffRole = (typeof staffRoles)[number];
export type MerchantRole = (typeof merchantRoles)[number];
export type Audience = 'staff' | 'merchant';

export type StaffLevel = 'read' | 'decide' | 'admin';
export type MerchantLevel = 'read' | 'developer' | 'owner';

/** What each role may do, as the levels it holds. A merchant API key acts as a developer of its merchant. */
export const staffLevels: Record<StaffRole, readonly StaffLevel[]> = {
  admin: ['read', 'decide', 'admin'],
  analyst: ['read', 'decide'],
};
export const merchantLevels: Record<MerchantRole, readonly MerchantLevel[]> = {
  owner: ['read', 'developer', 'owner'],
  developer: ['read', 'developer'],
  viewer: ['read'],
};

export function audienceOf(role: Role): Audience {
  return (staffRoles as readonly string[]).includes(role) ? 'staff' : 'merchant';
}

export function isStaffRole(role: Role): role is StaffRole {
  return audienceOf(role) === 'staff';
}

/** Whether a role holds `access` (an operation's or a page's requirement). */
export function roleMayAccess(role: Role, access: { staff?: StaffLevel; merchant?: MerchantLevel }): boolean {
  if (isStaffRole(role)) return access.staff !== undefined && staffLevels[role].includes(access.staff);
  return access.merchant !== undefined && merchantLevels[role as MerchantRole].includes(access.merchant);
}
