import ipaddr from 'ipaddr.js';
import { getEnv } from '@/lib/env';

/**
 * The address a request came from, as a rate-limit key. Next.js writes the socket's address into X-Forwarded-For
 * only when the request has none, and each trusted reverse proxy appends the address it was reached from; so the
 * client is the entry TRUSTED_PROXY_HOPS places from the right (the rightmost one with 0 or 1). Entries further
 * left were written by the sender and are never used. IPv6 addresses are keyed by their /64, which one host
 * usually holds whole; anything that is not an address becomes `unknown`, so a sender cannot mint new keys.
 */
export function sourceAddress(headers: Headers): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return 'unknown';
  const hops = Math.max(getEnv().TRUSTED_PROXY_HOPS, 1);
  return normalizeAddress(entries[Math.max(entries.length - hops, 0)]);
}

export function normalizeAddress(text: string): string {
  const bare = text.replace(/^\[(.*)\](:\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  if (!ipaddr.isValid(bare)) return 'unknown';
  const address = ipaddr.process(bare);
  if (address.kind() === 'ipv4') return address.toString();
  const prefix = (address as ipaddr.IPv6).toByteArray().slice(0, 8);
  return `${ipaddr.fromByteArray([...prefix, 0, 0, 0, 0, 0, 0, 0, 0]).toString()}/64`;
}
