/**
 * `npm run lint:addon`: Mozilla's add-on linter (`web-ext lint`, what AMO runs on upload) on the
 * Firefox build. Fails on any error, and on any warning that is not one of the few explained in
 * the README ("Add-on lint"), each expected a fixed number of times so a new one cannot hide
 * behind an old one.
 */
import path from 'node:path';
// @ts-expect-error web-ext ships no types; the one call used is typed below.
import webExt from 'web-ext';

const SOURCE_DIR = path.resolve(import.meta.dirname, '../.output/firefox-mv3');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

interface ExplainedWarning {
  code: string;
  message: string;
  file: RegExp;
  /** Occurrences per matching file. */
  count: number;
  /** The README's reason, in short. */
  why: string;
}

const EXPLAINED_WARNINGS: ExplainedWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe call to import for argument 0',
    file: /^content-scripts\/explorer\.js$/,
    count: 1,
    why: 'the lazy card import: its URL is runtime.getURL of our own explorer-card.js',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    // Preact is bundled into the card script and into the pages' shared chunk, whose name Vite picks.
    file: /^(explorer-card\.js|chunks\/[\w-]+\.js)$/,
    count: 1,
    why: "Preact's dangerouslySetInnerHTML branch, which our code never uses (ESLint bans it)",
  },
];

const result = (await webExt.cmd.lint({ sourceDir: SOURCE_DIR, output: 'none' }, { shouldExitProgram: false })) as {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
};
for (const [kind, list] of Object.entries({ error: result.errors, warning: result.warnings, notice: result.notices })) {
  for (const m of list) console.log(`${kind} ${m.code} ${m.file ?? ''}: ${m.message}`);
}

const problems = [...result.errors.map((e) => `error ${e.code} in ${e.file ?? 'the package'}: ${e.message}`), ...unexplained(result.warnings)];
if (problems.length > 0) {
  console.error(`\nlint:addon failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nlint:addon: 0 errors; ${result.warnings.length} warning(s), each explained in the README (Add-on lint).`);

/** Warnings not in the list, and listed ones that now occur more often than explained. */
function unexplained(warnings: LintMessage[]): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (const w of warnings) {
    const explained = EXPLAINED_WARNINGS.find((x) => x.code === w.code && x.message === w.message && x.file.test(w.file ?? ''));
    if (!explained) {
      out.push(`warning ${w.code} in ${w.file ?? 'the package'}: ${w.message}`);
      continue;
    }
    const key = `${w.code}|${w.message}|${w.file}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > explained.count) out.push(`warning ${w.code} in ${w.file}: ${w.message} (${n} times; ${explained.count} explained: ${explained.why})`);
  }
  return out;
}
