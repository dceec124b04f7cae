/**
 * A child process for the store's reliability tests (bundled by testing.ts, run with plain node):
 *   node writer.mjs <location> <tag> <n> [--batch]
 * saves n records whose inputs are { tag, i } and prints "saved <i>" after each one is committed.
 */

import { openStore } from './open.js';
import { buildRecord } from './provenance.js';

const [location, tag, nText] = process.argv.slice(2);
const n = Number(nText);
const store = await openStore(location!);
const t0 = new Date();
for (let i = 0; i < n; i++) {
  const rec = buildRecord({
    kind: 'count',
    command: `test-writer ${tag} ${i}`,
    inputs: { tag, i },
    report: { formula: '[Au25(SR)18]-', charge: -1, writer: tag, i, padding: 'x'.repeat(2000) },
    startedAt: t0,
    endedAt: new Date(),
    exitStatus: 0,
  });
  await store.save(rec);
  process.stdout.write(`saved ${i} ${rec.id}\n`);
}
await store.close();
