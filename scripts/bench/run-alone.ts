import { pathToFileURL } from 'node:url';

/**
 * Runs one bench section when its own file is the one started
 * (`npx tsx scripts/bench/<name>.ts`), and does nothing when scripts/bench.ts imports it.
 */
export function runAlone(moduleUrl: string, section: () => Promise<string[]>): void {
  const started = process.argv[1];
  if (!started || moduleUrl !== pathToFileURL(started).href) return;
  section().then(
    (lines) => console.log(lines.join('\n')),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
