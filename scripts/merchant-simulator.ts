// `npm run simulator`: local merchant servers (healthy, slow, flaky, down, gone, throttled) on SIMULATOR_PORT.
import { behaviours, startMerchantSimulator } from '@/server/simulator/merchant-simulator';

const simulator = await startMerchantSimulator({ port: Number(process.env.SIMULATOR_PORT ?? 3100) });
console.log(`[simulator] merchants at ${behaviours.map((b) => simulator.url(b)).join(' ')}`);
setInterval(() => console.log(`[simulator] received ${JSON.stringify(Object.fromEntries(simulator.counts))}`), 10_000).unref();
const stop = () => void simulator.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
