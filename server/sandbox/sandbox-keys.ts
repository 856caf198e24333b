import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { Db } from '@/lib/db/prisma';

export const sandboxMchid = '1900000109';
export const sandboxAppid = 'wxd678efh567hg6787';

export type SandboxKeys = {
  serial: string;
  privateKey: KeyObject;
  platformKeys: ReadonlyMap<string, KeyObject>;
  apiV3Key: string;
};

const cache = new WeakMap<Db, Promise<SandboxKeys>>();

/** The sandbox provider's keys: made once per database, so web and workers sign and verify alike. */
export function getSandboxKeys(db: Db): Promise<SandboxKeys> {
  let keys = cache.get(db);
  if (!keys) {
    keys = loadOrCreate(db);
    cache.set(db, keys);
    keys.catch(() => cache.delete(db));
  }
  return keys;
}

async function loadOrCreate(db: Db): Promise<SandboxKeys> {
  const existing = await db.sandboxKey.findUnique({ where: { id: 'sandbox' } });
  if (!existing) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await db.sandboxKey.createMany({
      data: {
        id: 'sandbox',
        serial: randomBytes(20).toString('hex').toUpperCase(),
        privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        apiV3Key: randomBytes(16).toString('hex'),
      },
      skipDuplicates: true,
    });
  }
  // Read back whatever row won, in case another process created it at the same moment.
  const row = await db.sandboxKey.findUniqueOrThrow({ where: { id: 'sandbox' } });
  return {
    serial: row.serial,
    privateKey: createPrivateKey(row.privateKeyPem),
    platformKeys: new Map([[row.serial, createPublicKey(row.publicKeyPem)]]),
    apiV3Key: row.apiV3Key,
  };
}
