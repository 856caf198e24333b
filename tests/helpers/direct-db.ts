import { createPrisma } from '@/lib/db/prisma';

/** A Prisma client on a database another process owns, for reading what that process wrote. */
export function directDb(url: string) {
  return { db: createPrisma(url, 2) };
}
