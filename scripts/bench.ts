/**
 * `npm run bench`: every figure with its baseline measured in the same run.
 * Each section can also run alone (npx tsx scripts/bench/<name>.ts).
 */
import { benchFormat } from './bench/format';

interface Section {
  title: string;
  run: () => Promise<string[]>;
}

async function loadSections(): Promise<Section[]> {
  const sections: Section[] = [{ title: 'Formatting exact amounts', run: benchFormat }];
  // Browser sections run one after another: the machines have 2 cores.
  const optional: [string, string, string][] = [
    ['Address detection on explorer pages', './bench/detect', 'benchDetect'],
    ['Content script size', './bench/content-size', 'benchContentSize'],
    ['Popup rendering', './bench/popup', 'benchPopup'],
  ];
  for (const [title, mod, fn] of optional) {
    const m = (await import(mod)) as Record<string, () => Promise<string[]>>;
    sections.push({ title, run: m[fn]! });
  }
  return sections;
}

async function main() {
  for (const section of await loadSections()) {
    console.log(`\n## ${section.title}`);
    for (const line of await section.run()) console.log(line);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
