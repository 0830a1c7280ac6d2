import { useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import { chainById } from '@/lib/core/chains';
import { toChecksumAddress } from '@/lib/core/address';
import { changeTokenRules, hiddenTokens, sanitizeTokenRules, tokenRulesItem, withRule } from '@/lib/storage/token-rules';
import { useStorageItem } from '@/components/shared/use-storage';
import { UntrustedText } from '@/components/shared/UntrustedText';
import { useSave } from './save-model';

/** The tokens the user hid in the popup, each with "Show again"; the list follows sync storage. */
export function HiddenTokensSection() {
  const stored = useStorageItem(tokenRulesItem);
  const hidden = useMemo(() => (stored ? hiddenTokens(sanitizeTokenRules(stored)) : undefined), [stored]);
  const save = useSave();
  if (hidden === undefined) return <p class="text-sm">{i18n.t('common.loading')}</p>;
  const restore = (chainId: number, contract: string, symbol: string) =>
    void save(async () => {
      const r = await changeTokenRules((rules) => withRule(rules, chainId, contract, symbol, { hidden: undefined }));
      if (!r.ok) throw new Error(r.error);
    });
  return (
    <>
      <p class="text-sm text-slate-600 dark:text-slate-300">{i18n.t('options.hiddenTokens.intro')}</p>
      {hidden.length === 0 ? (
        <p class="mt-2 text-sm text-slate-500 dark:text-slate-400" data-hidden-tokens="0">{i18n.t('options.hiddenTokens.none')}</p>
      ) : (
        <ul class="mt-2 divide-y divide-slate-200 dark:divide-slate-700" aria-label={i18n.t('options.hiddenTokens.list')} data-hidden-tokens={hidden.length}>
          {hidden.map(({ key, chainId, contract, symbol }) => {
            const chainName = chainById(chainId)?.name ?? String(chainId);
            const name = i18n.t('options.hiddenTokens.onChain', [symbol || contract.slice(0, 10), chainName]);
            return (
              <li key={key} class="flex items-center gap-2 py-1.5 text-sm">
                <span class="min-w-0 flex-1">
                  <UntrustedText text={name} class="font-medium" />
                  <span class="block truncate font-mono text-xs text-slate-500 dark:text-slate-400">{toChecksumAddress(contract)}</span>
                </span>
                <button type="button" class="btn-secondary shrink-0 py-0.5 text-xs" aria-label={i18n.t('options.hiddenTokens.restoreLabel', [name])} onClick={() => restore(chainId, contract, symbol)}>
                  {i18n.t('options.hiddenTokens.restore')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
