/**
 * The user's token rules in the popup: the buttons in a token's details (hide, pin to top,
 * not spam / mark as spam), the bar that offers Undo after each, and the hook that hands the
 * stored rules to every total (holdings-view.ts summaryOf).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { isHidden } from '@/lib/core/spam';
import type { TokenRule } from '@/lib/core/totals';
import type { Token } from '@/lib/core/types';
import { changeTokenRules, restoreRule, ruleKey, sanitizeTokenRules, tokenRulesItem, withRule, type StoredTokenRule, type TokenRules } from '@/lib/storage/token-rules';
import { useStorageItem } from '@/components/shared/use-storage';
import { WORDS } from '@/components/shared/vocabulary';
import { popupTokenRule, setPopupTokenRules } from './holdings-view';

const UNDO_MS = 6000;

/** The stored rules, validated, handed to the popup's totals before anything below renders; undefined until read. */
export function usePopupTokenRules(): TokenRules | undefined {
  const stored = useStorageItem(tokenRulesItem);
  const rules = useMemo(() => stored && sanitizeTokenRules(stored), [stored]);
  if (rules) setPopupTokenRules(rules);
  return rules;
}

/** The last rule change, to undo: what the rule was before. */
interface LastChange {
  key: string;
  previous: StoredTokenRule | undefined;
  /** "Hid USDC." */
  said: string;
}

let lastChange: LastChange | undefined;
const listeners = new Set<() => void>();

function announce(change: LastChange | undefined): void {
  lastChange = change;
  for (const listener of listeners) listener();
}

/** Changes one token's rule; the change can be undone from the bar. */
async function changeRule(chainId: number, t: Token, change: Partial<TokenRule>, said: string): Promise<string | undefined> {
  let previous: StoredTokenRule | undefined;
  const r = await changeTokenRules((rules) => {
    previous = rules[ruleKey(chainId, t.contract)];
    return withRule(rules, chainId, t.contract, t.symbol, change);
  });
  if (!r.ok) return r.error;
  announce({ key: ruleKey(chainId, t.contract), previous, said });
  return undefined;
}

/** "Hide token", "Pin to top", "Not spam" / "Mark as spam" (and their reverses) for one token. */
export function TokenRuleActions({ chainId, token }: { chainId: number; token: Token }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const rule = popupTokenRule(chainId, token.contract);
  // The spam verdict shown is the user's when there is one, else the spam (and dust) rule's.
  const flagged = rule?.spam ?? isHidden(token);
  const symbol = token.symbol.slice(0, 32);
  const act = (change: Partial<TokenRule>, said: string) => async () => {
    setBusy(true);
    setError(await changeRule(chainId, token, change, said));
    setBusy(false);
  };
  // Back to the spam rule's own verdict when the user's would say the same: nothing is stored then.
  const spamChange = (spam: boolean) => ({ spam: spam === isHidden(token) ? undefined : spam });
  return (
    <div class="mt-1 flex flex-wrap gap-1.5" data-token-rules={token.contract}>
      {rule?.hidden ? (
        <button type="button" class="btn-secondary py-0.5 text-xs" disabled={busy} onClick={act({ hidden: undefined }, i18n.t('popup.tokenRules.unhid', [symbol]))}>
          {i18n.t('popup.tokenRules.unhide')}
        </button>
      ) : (
        <>
          <button type="button" class="btn-secondary py-0.5 text-xs" disabled={busy} onClick={act({ hidden: true }, i18n.t('popup.tokenRules.hid', [symbol]))}>
            {i18n.t('popup.tokenRules.hide')}
          </button>
          <button
            type="button"
            class="btn-secondary py-0.5 text-xs"
            disabled={busy}
            aria-pressed={rule?.pinned === true}
            onClick={act({ pinned: rule?.pinned ? undefined : true }, i18n.t(rule?.pinned ? 'popup.tokenRules.unpinned' : 'popup.tokenRules.pinned', [symbol]))}
          >
            {i18n.t('popup.tokenRules.pin')}
          </button>
        </>
      )}
      <button
        type="button"
        class="btn-secondary py-0.5 text-xs"
        disabled={busy}
        onClick={act(spamChange(!flagged), i18n.t(flagged ? 'popup.tokenRules.markedNotSpam' : 'popup.tokenRules.markedSpam', [symbol]))}
      >
        {i18n.t(flagged ? 'popup.tokenRules.notSpam' : 'popup.tokenRules.markSpam')}
      </button>
      {error && <p role="alert" class="w-full text-xs text-red-700 dark:text-red-400">{error}</p>}
    </div>
  );
}

/**
 * "Hid USDC. Undo" for a few seconds after a rule changes. The token has moved (to the hidden
 * fold, to the top) and its details closed, so the focus goes to Undo, and the time to undo
 * does not run out while Undo has the focus.
 */
export function TokenRuleUndoBar() {
  const [change, setChange] = useState(lastChange);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const undoButton = useRef<HTMLButtonElement>(null);
  const expireLater = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => announce(undefined), UNDO_MS);
  };
  useEffect(() => {
    const listener = () => {
      setChange(lastChange);
      if (lastChange) expireLater();
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      clearTimeout(timer.current);
    };
  }, []);
  useEffect(() => {
    if (change && (!document.activeElement || document.activeElement === document.body)) undoButton.current?.focus();
  }, [change]);
  if (!change) return null;
  const undo = async () => {
    clearTimeout(timer.current);
    announce(undefined);
    await changeTokenRules((rules) => restoreRule(rules, change.key, change.previous));
  };
  return (
    <div role="status" class="fixed inset-x-2 bottom-2 flex items-center justify-between rounded-md bg-slate-800 px-3 py-2 text-sm text-white shadow-lg dark:bg-slate-200 dark:text-slate-900">
      <span class="truncate">{change.said}</span>
      <button
        ref={undoButton}
        type="button"
        class="font-semibold underline"
        onClick={() => void undo()}
        onFocus={() => clearTimeout(timer.current)}
        onBlur={expireLater}
      >
        {WORDS.undo}
      </button>
    </div>
  );
}
