import type { NavIconName } from '@/components/shell/nav-icons';

export type NavItem = {
  href: string;
  label: string;
  icon: NavIconName;
  /** 'exact' for a section's root (Overview at /console), so it is not current on every page below it. */
  match?: 'exact' | 'prefix';
  /** Who sees it; everyone when absent. Hiding is a courtesy: the page and its API check the role themselves. */
  roles?: readonly string[];
};

export type NavSection = { title?: string; items: readonly NavItem[] };

/** The staff console (DESIGN §8): analysts watch and decide; admins also edit rules and users. */
export const staffNavigation: readonly NavSection[] = [
  {
    items: [
      { href: '/console', label: 'Overview', icon: 'overview', match: 'exact' },
      { href: '/console/orders', label: 'Orders', icon: 'orders' },
      { href: '/console/deliveries', label: 'Deliveries', icon: 'deliveries' },
      { href: '/console/notifications', label: 'Notifications', icon: 'notifications' },
      { href: '/console/alerts', label: 'Alerts', icon: 'alerts' },
      { href: '/console/merchants', label: 'Merchants', icon: 'merchants' },
    ],
  },
  {
    title: 'Administration',
    items: [
      { href: '/console/rules', label: 'Rules', icon: 'rules', roles: ['admin'] },
      { href: '/console/settlements', label: 'Settlements', icon: 'settlements' },
      { href: '/console/audit', label: 'Audit', icon: 'audit' },
      { href: '/console/users', label: 'Users', icon: 'users', roles: ['admin'] },
    ],
  },
];

/** The merchant portal: owners also manage users; developers change the webhook settings, which viewers only read. */
export const merchantNavigation: readonly NavSection[] = [
  {
    items: [
      { href: '/portal', label: 'Home', icon: 'home', match: 'exact' },
      { href: '/portal/orders', label: 'Orders', icon: 'orders' },
      { href: '/portal/deliveries', label: 'Deliveries', icon: 'deliveries' },
      { href: '/portal/settlements', label: 'Settlements', icon: 'settlements' },
    ],
  },
  {
    title: 'Settings',
    items: [
      { href: '/portal/developer', label: 'Developer', icon: 'developer' },
      { href: '/portal/users', label: 'Users', icon: 'users', roles: ['owner'] },
    ],
  },
];

/** The sections as one role sees them (items it may not use left out, empty sections dropped). */
export function navigationForRole(sections: readonly NavSection[], role: string): NavSection[] {
  return sections
    .map((section) => ({ ...section, items: section.items.filter((item) => !item.roles || item.roles.includes(role)) }))
    .filter((section) => section.items.length > 0);
}

/** Whether an item is the current page (or, for 'prefix' items, one below it). */
export function isCurrentNavItem(item: NavItem, pathname: string): boolean {
  if (pathname === item.href) return true;
  return item.match !== 'exact' && pathname.startsWith(`${item.href}/`);
}
