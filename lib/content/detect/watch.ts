/**
 * Keeps marks up to date on a live page with one MutationObserver. Work is
 * batched into idle time and limited to what changed: added subtrees are
 * walked, changed text only re-decides its own element, and a URL change
 * (SPA navigation, seen as a changed document.URL) rescans the whole page.
 */
import { SOURCE_ATTRS, UI_ATTR } from './constants';
import { scheduleIdle } from './schedule';
import { scanBatch, scanRoot, unmarkAll, type Found } from './scan';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const UI_SELECTOR = `[${UI_ATTR}]`;

/** Subtrees waiting for the next batch. */
class PendingRoots {
  /** Walked in full (added elements, elements whose source attributes changed). */
  readonly subtrees = new Set<Element>();
  /** Only the element and its own text (text added or edited). */
  readonly ownText = new Set<Element>();

  add(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) this.addNode(node);
      } else if (record.type === 'characterData') {
        this.addTextOwner(record.target.parentElement);
      } else if (!isOurUi(record.target as Element)) {
        this.subtrees.add(record.target as Element);
      }
    }
  }

  private addNode(node: Node): void {
    if (node.nodeType === TEXT_NODE) this.addTextOwner(node.parentElement);
    else if (node.nodeType === ELEMENT_NODE && !isOurUi(node as Element)) this.subtrees.add(node as Element);
  }

  private addTextOwner(el: Element | null): void {
    if (el && !isOurUi(el)) this.ownText.add(el);
  }

  private insideSubtree(el: Element): boolean {
    for (let up = el.parentElement; up; up = up.parentElement) if (this.subtrees.has(up)) return true;
    return false;
  }

  /** Scans the outermost pending roots still in the page as one batch; returns what got newly marked. */
  scan(): Found[] {
    const subtrees = [...this.subtrees].filter((el) => el.isConnected && !this.insideSubtree(el));
    const ownText = [...this.ownText].filter((el) => el.isConnected && !this.subtrees.has(el) && !this.insideSubtree(el));
    this.clear();
    return scanBatch(subtrees, ownText).added;
  }

  clear(): void {
    this.subtrees.clear();
    this.ownText.clear();
  }
}

function isOurUi(el: Element): boolean {
  return el.closest(UI_SELECTOR) !== null;
}

export function watch(doc: Document, onFound: (found: Found[]) => void, opts: { signal?: AbortSignal } = {}): void {
  const { signal } = opts;
  if (signal?.aborted) return;
  const pending = new PendingRoots();
  let lastUrl = doc.URL;
  // The first batch scans everything, so watch() alone is enough on a fresh page.
  let rescanAll = true;
  let cancelBatch: (() => void) | undefined;

  const schedule = (): void => {
    cancelBatch ??= scheduleIdle(runBatch);
  };
  const observer = new MutationObserver((records) => {
    pending.add(records);
    schedule();
  });

  function runBatch(): void {
    cancelBatch = undefined;
    if (signal?.aborted) return;
    pending.add(observer.takeRecords());
    if (doc.URL !== lastUrl) {
      lastUrl = doc.URL;
      rescanAll = true;
    }
    let added: Found[];
    if (rescanAll) {
      pending.clear();
      added = scanRoot(doc).added;
    } else {
      added = pending.scan();
    }
    rescanAll = false;
    // Our own marking and wrapping must not feed the next batch.
    observer.takeRecords();
    if (added.length > 0) onFound(added);
  }

  const view = doc.defaultView;
  view?.addEventListener('popstate', schedule);
  observer.observe(doc, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: [...SOURCE_ATTRS],
  });
  signal?.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      cancelBatch?.();
      cancelBatch = undefined;
      view?.removeEventListener('popstate', schedule);
      // Cards switched off (or the extension reloaded): leave no marks behind.
      unmarkAll(doc);
    },
    { once: true },
  );
  schedule();
}
