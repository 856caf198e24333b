// What every delivery measurement works with: the running system, the merchant, and the worker it can restart.
import type { Db } from '@/lib/db/prisma';
import type { WechatKeys } from '@/tests/helpers/provider-keys';
import type { BenchWorker } from '../lib/start-worker';
import type { MerchantServer } from '../lib/merchant-server';

export type Context = {
  baseUrl: string;
  webPid: number | undefined;
  db: Db;
  keys: WechatKeys;
  merchantIds: string[];
  merchant: MerchantServer;
  worker: () => BenchWorker | undefined;
  startWorker: () => Promise<BenchWorker>;
  stopWorker: () => Promise<void>;
  log: (line: string) => void;
};
