import { describe, expect, it, vi } from 'vitest';
import { addStep } from './add-address-step';
import type { ResolveNameAnswer } from '@/lib/messaging/protocol';

const COLD = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
const POISON = '0xd8da000000000000000000000000000000006045';
const OTHER = '0x71c7656ec7ab88b098defb751b7401b5f6d8976f';
const watched = [{ address: COLD, label: 'Cold wallet', addedAt: 1 }];
const resolver = (answer: ResolveNameAnswer) => vi.fn(async () => answer);

describe('addStep', () => {
  it('adds an ordinary address without asking', async () => {
    expect(await addStep(OTHER, watched, resolver({ ok: false, error: 'unused' }))).toEqual({ kind: 'ready', input: OTHER });
  });

  it('asks for confirmation, with the verdict, before adding a look-alike of a watched address', async () => {
    expect(await addStep(POISON.toUpperCase().replace('0X', '0x'), watched)).toEqual({
      kind: 'confirm',
      pending: { address: POISON, lookalike: { tier: 'critical', source: 'watchlist', label: 'Cold wallet', like: COLD, address: POISON, matched: { head: 4, tail: 4 } } },
    });
  });

  it('asks for a one-ended grind too (6 characters at the start, 3 at the end)', async () => {
    const grind = `${COLD.slice(0, 8)}${'1'.repeat(31)}045`;
    expect(await addStep(grind, watched)).toMatchObject({ kind: 'confirm', pending: { lookalike: { tier: 'warning', like: COLD } } });
  });

  it('resolves a .eth name and asks to confirm its address, the name as default label', async () => {
    const resolve = resolver({ ok: true, name: 'donations.eth', address: OTHER });
    expect(await addStep(' Donations.eth ', watched, resolve)).toEqual({ kind: 'confirm', pending: { address: OTHER, name: 'donations.eth' } });
    expect(resolve).toHaveBeenCalledWith('Donations.eth');
  });

  it('warns when a name resolves to a look-alike', async () => {
    const step = await addStep('bait.eth', watched, resolver({ ok: true, name: 'bait.eth', address: POISON }));
    expect(step).toMatchObject({ kind: 'confirm', pending: { name: 'bait.eth', lookalike: { label: 'Cold wallet' } } });
  });

  it('passes the worker\'s message on for unknown names, and a failed call too', async () => {
    expect(await addStep('nobody.eth', watched, resolver({ ok: false, error: 'No ENS name nobody.eth is registered. Check the spelling.' }))).toEqual({
      kind: 'error',
      error: 'No ENS name nobody.eth is registered. Check the spelling.',
    });
    const failing = vi.fn(async () => Promise.reject(new Error('worker gone')));
    expect(await addStep('x.eth', watched, failing)).toEqual({ kind: 'error', error: 'Could not look up the name: worker gone' });
  });

  it('selects an already watched address instead of confirming it again', async () => {
    expect(await addStep('cold.eth', watched, resolver({ ok: true, name: 'cold.eth', address: COLD }))).toEqual({ kind: 'ready', input: COLD });
  });

  it('explains input that is neither an address nor a name', async () => {
    expect(await addStep('vitalik', watched)).toEqual({ kind: 'error', error: 'Enter a 0x address or an ENS name ending in .eth (for example vitalik.eth).' });
    expect(await addStep('0x123', watched)).toEqual({ kind: 'ready', input: '0x123' }); // the address rules explain it when adding
  });
});
