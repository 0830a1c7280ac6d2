/** watch(): batched incremental scans of a live document. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MARK_ATTR, watch, type Found } from '@/lib/content/detect';

const A = '0x1e3994bb65934b7d3b7ee798f4237334700ae264';
const B = '0x71c7656ec7ab88b098defb751b7401b5f6d8976f';
const C = '0xdac17f958d2ee523a2206206994597c13d831ec7';

function row(address: string): HTMLElement {
  const tr = document.createElement('tr');
  const td = document.createElement('td');
  const link = document.createElement('a');
  link.href = `/address/${address}`;
  link.textContent = `${address.slice(0, 10)}...${address.slice(-9)}`;
  td.append(link);
  tr.append(td);
  return tr;
}

/** Lets the observer deliver and the batch (rAF/timeout fallback in happy-dom) run. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 60));
}

let controller: AbortController;
let calls: Found[][];
let table: HTMLElement;

function start(): void {
  watch(document, (found) => calls.push(found), { signal: controller.signal });
}

beforeEach(() => {
  document.body.replaceChildren();
  table = document.createElement('tbody');
  document.body.append(table);
  controller = new AbortController();
  calls = [];
});

afterEach(() => controller.abort());

describe('watch', () => {
  it('marks what is already on the page in its first batch', async () => {
    table.append(row(A));
    start();
    await vi.waitFor(() => expect(calls.flat().map((f) => f.address)).toEqual([A]));
  });

  it('marks appended rows and reports only the new ones', async () => {
    table.append(row(A));
    start();
    await vi.waitFor(() => expect(calls).toHaveLength(1));

    const added = [row(B), row(C)];
    table.append(...added);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.map((f) => f.address)).toEqual([B, C]);
    expect(calls[1]!.map((f) => f.element)).toEqual(added.map((r) => r.querySelector('a')));
  });

  it('re-decides an element whose text changed', async () => {
    const span = document.createElement('span');
    span.textContent = A;
    document.body.append(span);
    start();
    await vi.waitFor(() => expect(span.getAttribute(MARK_ATTR)).toBe(A));
    span.firstChild!.textContent = B;
    await vi.waitFor(() => expect(span.getAttribute(MARK_ATTR)).toBe(B));
    expect(calls.at(-1)).toEqual([{ address: B, element: span }]);
  });

  it('follows a changed href', async () => {
    const r = row(A);
    table.append(r);
    start();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    const link = r.querySelector('a')!;
    link.setAttribute('href', `/address/${B}`);
    link.textContent = 'Renamed';
    await vi.waitFor(() => expect(link.getAttribute(MARK_ATTR)).toBe(B));
  });

  it('survives nodes removed before or after their batch', async () => {
    start();
    await settle();
    const gone = row(A);
    table.append(gone);
    gone.remove();
    const kept = row(B);
    table.append(kept);
    await vi.waitFor(() => expect(calls.flat().map((f) => f.address)).toEqual([B]));
    kept.remove();
    table.append(row(C));
    await vi.waitFor(() => expect(calls.flat().map((f) => f.address)).toEqual([B, C]));
  });

  it('ignores mutations inside our own UI', async () => {
    const ui = document.createElement('div');
    ui.setAttribute('data-cbb-ui', '');
    document.body.append(ui);
    start();
    await settle();
    ui.append(row(A));
    const text = document.createElement('p');
    ui.append(text);
    text.textContent = `to ${B}`;
    await settle();
    table.append(row(C));
    await vi.waitFor(() => expect(calls.flat().map((f) => f.address)).toEqual([C]));
    expect(ui.querySelector(`[${MARK_ATTR}]`)).toBeNull();
  });

  it('stops after abort', async () => {
    start();
    await settle();
    controller.abort();
    table.append(row(A));
    await settle();
    expect(calls).toEqual([]);
    expect(document.querySelector(`[${MARK_ATTR}]`)).toBeNull();
  });

  it('takes its marks and wrappers back on abort, leaving the text as it was', async () => {
    const p = document.createElement('p');
    p.textContent = `Sent to ${B} today`;
    document.body.append(p);
    table.append(row(A));
    const before = document.body.textContent;
    start();
    await vi.waitFor(() => expect(document.querySelectorAll(`[${MARK_ATTR}]`)).toHaveLength(2));
    expect(p.querySelector('span')).not.toBeNull(); // the plain-text address got a wrapper
    controller.abort();
    expect(document.querySelectorAll(`[${MARK_ATTR}]`)).toHaveLength(0);
    expect(p.querySelector('span')).toBeNull();
    expect(document.body.textContent).toBe(before);
  });

  it('does nothing when the signal is already aborted', async () => {
    table.append(row(A));
    controller.abort();
    start();
    await settle();
    expect(calls).toEqual([]);
  });

  it('rescans the whole page after an SPA navigation', async () => {
    const r = row(A);
    table.append(r);
    start();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    // An unobserved change (the page dropping our attribute) is only repaired by a full rescan.
    r.querySelector('a')!.removeAttribute(MARK_ATTR);
    await settle();
    expect(r.querySelector(`[${MARK_ATTR}]`)).toBeNull();

    history.pushState({}, '', '/address/0xabc');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.waitFor(() => expect(r.querySelector('a')!.getAttribute(MARK_ATTR)).toBe(A));
    history.replaceState({}, '', '/');
  });

  it('notices a URL change on the next mutation even without popstate', async () => {
    const r = row(A);
    table.append(r);
    start();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    r.querySelector('a')!.removeAttribute(MARK_ATTR);
    history.pushState({}, '', '/tokens');
    document.body.append(document.createElement('div'));
    await vi.waitFor(() => expect(r.querySelector('a')!.getAttribute(MARK_ATTR)).toBe(A));
    history.replaceState({}, '', '/');
  });
});
