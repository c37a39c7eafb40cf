/**
 * HQ as `npm run hq -- --quiet` runs it, but with the per-device request limit raised:
 * a first push of 1,000 photos is 2,000 attachment requests (a HEAD, then a PUT), over the
 * production limit of 1,200 a minute, and would stop with "too many requests" where this
 * benchmark measures throughput. `node --import tsx bench/peer/hq-server.ts <dataDir>`.
 */
import { createHqServer } from '../../src/server/app';
import { READY } from './server-process';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hq-server.ts <dataDir>');
const hq = await createHqServer({
  dataDir,
  log: false,
  limits: { perDevice: { max: 1_000_000, windowMs: 60_000 } },
});
const url = await hq.listen(0);
process.stdout.write(`Warta HQ ${READY} ${url}\n`);
process.on('SIGTERM', () => {
  void hq.close().then(() => process.exit(0));
});
