/**
 * Benchmarks formatAmount against the naive float formatting it replaces.
 * Run alone: `npx tsx scripts/bench/format.ts`.
 */
import { formatAmount } from '../../lib/core/format';
import { runAlone } from './run-alone';

const COUNT = 100_000;
const RUNS = 5;
const DECIMALS = [0, 6, 8, 18, 18, 18, 24];

interface Input {
  raw: string;
  decimals: number;
}

/** Deterministic pseudo-random balances (xorshift), 1 to ~40 digits, so every run formats the same inputs. */
function generateInputs(count: number): Input[] {
  let state = 0x2f6bff;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const inputs: Input[] = [];
  for (let i = 0; i < count; i++) {
    const digits = 1 + (next() % 40);
    let raw = String(1 + (next() % 9));
    while (raw.length < digits) raw += String(next() % 10).repeat(Math.min(4, digits - raw.length));
    inputs.push({ raw, decimals: DECIMALS[next() % DECIMALS.length]! });
  }
  return inputs;
}

function medianMs(run: () => void): number {
  run(); // warm-up (JIT, Intl caches)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function benchFormat(): Promise<string[]> {
  const inputs = generateInputs(COUNT);
  let sink = 0; // keeps the results observable so nothing is optimised away
  const exactMs = medianMs(() => {
    for (const { raw, decimals } of inputs) sink += formatAmount(raw, decimals).length;
  });
  const naiveMs = medianMs(() => {
    for (const { raw, decimals } of inputs) sink += (Number(raw) / 10 ** decimals).toLocaleString().length;
  });
  if (sink === 0) throw new Error('The benchmark formatted nothing.');
  const nsPerOp = (ms: number) => ((ms * 1e6) / COUNT).toFixed(0);
  return [
    `formatAmount (BigInt, exact): ${exactMs.toFixed(1)} ms for ${COUNT.toLocaleString('en-US')} balances, ${nsPerOp(exactMs)} ns/op (median of ${RUNS})`,
    `naive Number().toLocaleString(): ${naiveMs.toFixed(1)} ms, ${nsPerOp(naiveMs)} ns/op (median of ${RUNS})`,
    `ratio exact/naive: ${(exactMs / naiveMs).toFixed(2)}×`,
  ];
}

runAlone(import.meta.url, benchFormat);
