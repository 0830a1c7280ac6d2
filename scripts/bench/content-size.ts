/**
 * Gzip size of the explorer content script from the built extension: the part
 * every explorer page loads (manifest `content_scripts`) and the hover card UI
 * it imports on the first hover (`web_accessible_resources` scripts).
 * Run alone after a build: `npx wxt build && npx tsx scripts/bench/content-size.ts`.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { runAlone } from './run-alone';

const OUTPUT_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** The goal for what every explorer page loads, in gzip bytes (20 KB, counted as 20,000). */
export const ALWAYS_LOADED_GOAL_BYTES = 20_000;

interface Manifest {
  content_scripts?: { js?: string[] }[];
  web_accessible_resources?: { resources?: string[] }[];
}

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

async function sizeOf(file: string): Promise<FileSize> {
  const bytes = await readFile(path.join(OUTPUT_DIR, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export async function measureContentSizes(): Promise<{ alwaysLoaded: FileSize[]; lazy: FileSize[] }> {
  const manifestPath = path.join(OUTPUT_DIR, 'manifest.json');
  await access(manifestPath).catch(() => {
    throw new Error(`No build at ${OUTPUT_DIR}: run \`npx wxt build\` first.`);
  });
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  const always = unique((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []));
  const lazy = unique((manifest.web_accessible_resources ?? []).flatMap((w) => w.resources ?? []).filter((f) => f.endsWith('.js')));
  if (always.length === 0) throw new Error('The manifest lists no content script.');
  return { alwaysLoaded: await Promise.all(always.map(sizeOf)), lazy: await Promise.all(lazy.map(sizeOf)) };
}

export async function benchContentSize(): Promise<string[]> {
  const { alwaysLoaded, lazy } = await measureContentSizes();
  const total = (files: FileSize[]) => files.reduce((sum, f) => sum + f.gzip, 0);
  const line = (label: string, f: FileSize) => `${label} ${f.file}: ${kb(f.gzip)} gzip (${kb(f.raw)} raw)`;
  const alwaysGzip = total(alwaysLoaded);
  const verdict = alwaysGzip <= ALWAYS_LOADED_GOAL_BYTES ? 'within' : 'OVER';
  return [
    ...alwaysLoaded.map((f) => line('always loaded', f)),
    ...lazy.map((f) => line('loaded on first hover', f)),
    `always-loaded total: ${kb(alwaysGzip)} gzip, ${verdict} the ${kb(ALWAYS_LOADED_GOAL_BYTES)} goal (${((alwaysGzip / ALWAYS_LOADED_GOAL_BYTES) * 100).toFixed(0)}%)`,
    `after the first hover: ${kb(alwaysGzip + total(lazy))} gzip in all`,
  ];
}

function unique(files: string[]): string[] {
  return [...new Set(files.map((f) => f.replace(/^\//, '')))];
}

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

runAlone(import.meta.url, benchContentSize);
