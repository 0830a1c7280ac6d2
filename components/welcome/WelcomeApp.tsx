import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { CHAINS } from '@/lib/core/chains';
import { shortenAddress } from '@/lib/core/address';
import { apiKeyItem } from '@/lib/storage/api-key';
import { watchlistItem } from '@/lib/storage/items';
import { addToWatchlist } from '@/lib/messaging/watchlist-edit';
import { ApiKeyForm } from '@/components/shared/ApiKeyForm';
import { EXAMPLE_ADDRESS, EXAMPLE_LABEL } from '@/components/shared/example-address';
import { openOptionsPage } from '@/components/shared/ErrorNotice';
import { useStorageItem } from '@/components/shared/use-storage';

/** Step 2: one address, typed or the example; the popup (toolbar button) shows its balances. */
function AddressStep() {
  const watchlist = useStorageItem(watchlistItem);
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string }>();
  const add = async (input: string, label = '') => {
    const r = await addToWatchlist(input, label);
    setNote(r.ok ? { ok: true, text: i18n.t('welcome.added') } : { ok: false, text: r.error });
    if (r.ok) setDraft('');
  };
  const count = watchlist?.length ?? 0;
  return (
    <section aria-labelledby="welcome-address" class="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <h2 id="welcome-address" class="text-lg font-semibold">
        {i18n.t('welcome.addressTitle')}
      </h2>
      <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">{i18n.t('welcome.addressIntro', [CHAINS.length])}</p>
      <form
        class="mt-3 flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void add(draft);
        }}
      >
        <label for="welcome-address-field" class="sr-only">
          {i18n.t('welcome.addressLabel')}
        </label>
        <input
          id="welcome-address-field"
          class="input min-w-0 flex-1 font-mono"
          placeholder={i18n.t('welcome.addressPlaceholder')}
          spellcheck={false}
          autocomplete="off"
          value={draft}
          aria-invalid={note?.ok === false}
          aria-describedby="welcome-address-status"
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" class="btn-primary">
          {i18n.t('welcome.add')}
        </button>
        <button type="button" class="btn-secondary" onClick={() => void add(EXAMPLE_ADDRESS, EXAMPLE_LABEL)}>
          {i18n.t('popup.firstRun.tryExample', [EXAMPLE_LABEL, shortenAddress(EXAMPLE_ADDRESS)])}
        </button>
      </form>
      <p id="welcome-address-status" role="status" class={`mt-2 min-h-5 text-sm ${note?.ok === false ? 'text-red-700 dark:text-red-400' : 'text-green-700 dark:text-green-400'}`}>
        {note?.text}
      </p>
      {count > 0 && <p class="text-sm">{i18n.t('welcome.openPopup')}</p>}
    </section>
  );
}

/**
 * Opened once, on install: the key first (tested with one real call, confirmed in words),
 * then an address or the example. Everything here can also be done later in the popup or options.
 */
export function WelcomeApp() {
  const apiKey = useStorageItem(apiKeyItem);
  const hasKey = (apiKey ?? '').trim() !== '';
  return (
    <main class="mx-auto max-w-2xl space-y-4 p-6">
      <h1 class="text-2xl font-semibold">{i18n.t('welcome.title')}</h1>
      <p class="text-sm text-slate-600 dark:text-slate-300">{i18n.t('welcome.intro')}</p>
      <section aria-labelledby="welcome-key" class="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        <h2 id="welcome-key" class="mb-2 text-lg font-semibold">
          {i18n.t('welcome.keyTitle')}
        </h2>
        <ApiKeyForm idPrefix="welcome" testBeforeSave autoFocus />
      </section>
      {hasKey && <AddressStep />}
      <p class="text-xs text-slate-500 dark:text-slate-400">
        <button type="button" class="link" onClick={openOptionsPage}>
          {i18n.t('popup.keySetup.openOptions')}
        </button>
      </p>
    </main>
  );
}
