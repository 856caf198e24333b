import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent } from 'undici';
import { isAllowedAddress } from './notify-url-policy';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The address is checked again when the socket connects, against what DNS answers then, so a host that
 * passed the check when the URL was set cannot be re-pointed at an internal address afterwards.
 */
function guardedLookup(allowlist: readonly string[]) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const allowed = allowlist.includes(hostname) ? addresses : addresses.filter((entry) => isAllowedAddress(entry.address, allowlist));
      if (allowed.length === 0) {
        const refused = Object.assign(new Error(`refused: ${hostname} resolves only to private or reserved addresses`), {
          code: 'EADDRNOTALLOWED',
        });
        return callback(refused, []);
      }
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

const agents = new Map<string, Agent>();

/** One keep-alive connection pool per process for all webhook traffic. */
export function getDeliveryAgent(allowlist: readonly string[]): Agent {
  const key = allowlist.join(',');
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(allowlist) as never }, connections: 64, keepAliveTimeout: 10_000 });
    agents.set(key, agent);
  }
  return agent;
}
