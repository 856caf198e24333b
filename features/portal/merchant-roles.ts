import type { MerchantRole } from '@/contracts/access';

/** What each merchant role may do in the portal (and the API), in the words the Users page shows. */
export const merchantRoleDescriptions: Record<MerchantRole, { label: string; can: string }> = {
  owner: { label: 'Owner', can: 'everything a developer can, and adds, removes and changes users' },
  developer: { label: 'Developer', can: 'reads everything, changes the webhook settings and API key, redelivers webhooks' },
  viewer: { label: 'Viewer', can: 'reads orders, deliveries, settlements and settings; changes nothing' },
};
