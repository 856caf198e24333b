// Server-side request forgery guard for merchants' notify URLs: http(s) only, and no host that resolves
// to a private, loopback, link-local or metadata address unless the operator allowlisted it.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AppError } from '@/lib/errors';

// Every range ipaddr.js names except the public internet.
const publicRanges = new Set(['unicast']);

export function isAllowedAddress(address: string, allowlist: readonly string[]): boolean {
  if (allowlist.includes(address)) return true;
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return publicRanges.has(parsed.range());
}

/** Resolves `hostname` and refuses it unless every address it resolves to may be called. */
export async function resolveAllowedAddresses(hostname: string, allowlist: readonly string[]) {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (allowlist.includes(bare)) return lookup(bare, { all: true });
  let addresses;
  try {
    addresses = await lookup(bare, { all: true });
  } catch {
    throw new AppError('validation_failed', `notifyUrl host ${bare} does not resolve`);
  }
  const refused = addresses.find((entry) => !isAllowedAddress(entry.address, allowlist));
  if (refused) {
    throw new AppError('validation_failed', `notifyUrl host ${bare} resolves to ${refused.address}, a private or reserved address`);
  }
  return addresses;
}

/** The check made when a notify URL is set; the sender checks again at connect time. */
export async function checkNotifyUrl(notifyUrl: string, allowlist: readonly string[]): Promise<void> {
  const url = new URL(notifyUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('validation_failed', 'notifyUrl must be http(s)');
  if (url.username || url.password) throw new AppError('validation_failed', 'notifyUrl must not carry credentials');
  await resolveAllowedAddresses(url.hostname, allowlist);
}
