/**
 * `npm run bench`: every figure with its baseline measured in the same run.
 * Each section can also run alone (npx tsx scripts/bench/<name>.ts).
 */
import { benchContentSize } from './bench/content-size';
import { benchCredits } from './bench/credits';
import { benchDetect } from './bench/detect';
import { benchFaults } from './bench/faults';
import { benchFirstValue } from './bench/first-value';
import { benchFormat } from './bench/format';
import { benchLookalike } from './bench/lookalike';
import { benchPageCost } from './bench/page-cost';
import { benchPopup } from './bench/popup';
import { benchPortfolio } from './bench/portfolio';
import { benchWorkerHeap } from './bench/worker-heap';

const SECTIONS: [title: string, run: () => Promise<string[]>][] = [
  ['Formatting exact amounts', benchFormat],
  ['Credits and scheduling', benchCredits],
  ['Look-alike false positives', benchLookalike],
  // Browser sections run one after another: the machines have 2 cores.
  ['Address detection on explorer pages', benchDetect],
  ['Content script size', benchContentSize],
  ['What the content script costs explorer pages', benchPageCost],
  ['Popup rendering', benchPopup],
  ['Portfolio: native prices and net worth', benchPortfolio],
  ['First value: the user’s action first', benchFirstValue],
  ['Service worker memory', benchWorkerHeap],
  ['Fault injection: one writer, bounded holds, a stopped worker and a restart', benchFaults],
];

async function main() {
  for (const [title, run] of SECTIONS) {
    console.log(`\n## ${title}`);
    for (const line of await run()) console.log(line);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
