// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { SHOWCASE } from './data';
import { FAULT_KINDS, seededRandom, type FaultKind } from './faults';
import { BALANCE_PATH, startFakeApi, type FakeApi } from './server';

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const ask = (a: FakeApi, signal?: AbortSignal) =>
  fetch(`${a.url}${BALANCE_PATH}?chain_id=1&address=${SHOWCASE}`, { headers: { 'x-api-key': 'test-key' }, signal });

async function only(kind: FaultKind): Promise<Response> {
  api = await startFakeApi({ faults: { seed: 1, rate: 1, kinds: [kind], slowBodyMs: 50 } });
  return ask(api, AbortSignal.timeout(1000));
}

describe('fake server fault mode', () => {
  it('picks the same faults for the same seed, and about `rate` of requests get one', async () => {
    const run = async (seed: number) => {
      const a = await startFakeApi({ faults: { seed, rate: 0.5, kinds: FAULT_KINDS.filter((k) => k !== 'timeout' && k !== 'slow-body') } });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await ask(a)).status);
      const counts = a.faultCounts()!;
      await a.close();
      return { statuses, counts };
    };
    const [first, again, other] = [await run(7), await run(7), await run(8)];
    expect(again).toEqual(first);
    expect(other.statuses).not.toEqual(first.statuses);
    const injected = Object.values(first.counts).reduce((x, y) => x + y, 0);
    expect(injected).toBeGreaterThan(10);
    expect(injected).toBeLessThan(30);
    expect(first.statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(40 - injected);
  });

  it('answers each kind as it says', async () => {
    expect((await only('5xx')).status).toBeGreaterThanOrEqual(500);
    await api!.close();
    const huge = await only('429-huge');
    expect(huge.status).toBe(429);
    expect(Number(huge.headers.get('retry-after'))).toBeGreaterThanOrEqual(86_400);
    await api!.close();
    expect(Date.parse((await only('429-date')).headers.get('retry-after')!)).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    await api!.close();
    await expect((await only('malformed-json')).json()).rejects.toThrow();
    await api!.close();
    expect(await (await only('wrong-shape')).json()).toMatchObject({ code: 0, data: { tokens: 'many' } });
    await api!.close();
    // A slow body arrives whole, late.
    expect(await (await only('slow-body')).json()).toMatchObject({ code: 0 });
    await api!.close();
    await expect(only('timeout')).rejects.toThrow(/timeout|aborted/i);
    expect(api!.faultCounts()!.timeout).toBe(1);
  });

  it('seededRandom is a pure function of its seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
