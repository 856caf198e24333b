import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCurrentNavItem, merchantNavigation, navigationForRole, staffNavigation } from './navigation';

const labels = (sections: ReturnType<typeof navigationForRole>) => sections.flatMap((section) => section.items.map((item) => item.label));

test('each role sees the pages it may use', () => {
  assert.deepEqual(labels(navigationForRole(staffNavigation, 'admin')), [
    'Overview',
    'Orders',
    'Deliveries',
    'Notifications',
    'Alerts',
    'Merchants',
    'Rules',
    'Settlements',
    'Audit',
    'Users',
  ]);
  assert.deepEqual(labels(navigationForRole(staffNavigation, 'analyst')), [
    'Overview',
    'Orders',
    'Deliveries',
    'Notifications',
    'Alerts',
    'Merchants',
    'Settlements',
    'Audit',
  ]);
  assert.deepEqual(labels(navigationForRole(merchantNavigation, 'owner')), [
    'Home',
    'Orders',
    'Deliveries',
    'Settlements',
    'Developer',
    'Users',
  ]);
  assert.deepEqual(labels(navigationForRole(merchantNavigation, 'developer')), [
    'Home',
    'Orders',
    'Deliveries',
    'Settlements',
    'Developer',
  ]);
  // A viewer reads the developer settings (their controls are disabled) but does not manage users.
  const viewer = navigationForRole(merchantNavigation, 'viewer');
  assert.deepEqual(labels(viewer), ['Home', 'Orders', 'Deliveries', 'Settlements', 'Developer']);
  // A section whose items a role may not use is dropped rather than shown as a bare heading.
  const admin = navigationForRole([{ title: 'Settings', items: [{ href: '/x', label: 'X', icon: 'users', roles: ['owner'] }] }], 'viewer');
  assert.deepEqual(admin, []);
});

test('the current item: exact for a section root, the item and its sub-pages otherwise', () => {
  const overview = { href: '/console', label: 'Overview', icon: 'overview', match: 'exact' } as const;
  const orders = { href: '/console/orders', label: 'Orders', icon: 'orders' } as const;
  assert.equal(isCurrentNavItem(overview, '/console'), true);
  assert.equal(isCurrentNavItem(overview, '/console/orders'), false);
  assert.equal(isCurrentNavItem(orders, '/console/orders'), true);
  assert.equal(isCurrentNavItem(orders, '/console/orders/0196b0c4'), true);
  assert.equal(isCurrentNavItem(orders, '/console/orders-archive'), false);
});
