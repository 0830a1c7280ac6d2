import { browser } from 'wxt/browser';
import { toErrorInfo } from '@/lib/api/errors';
import { apiKeyItem } from '@/lib/storage/api-key';
import { BalancesService } from './balances-service';
import { HoldingsCache } from './holdings-cache';
import { Scheduler } from './scheduler';
import { CreditLedger } from './credit-ledger';
import { budgetState } from '@/lib/core/credits';
import { AskerPresence } from './asker-presence';
import { clientFor, createHoldingsFetcher, type HoldingsFetchDeps } from './holdings-fetch';
import { nativePricesState, PriceService, withNativePrices } from './price-service';
import { alertSettingsItem, getAlertSettings, getCreditBudget as readCreditBudget, getSettings as readSettings } from '@/lib/storage/items';
import { creditBudgetItem, settingsItem } from '@/lib/storage/items';
import { liveValue } from './live-value';
import { registerWatchAlerts, showNotification, WatchAlerts } from './alerts';
import type { Handlers } from './handlers';
import type { Asker } from './types';
import { createContentLookups, createContentNameLookups } from './content-lookups';
import { broadcastSiteSwitchChanges, siteSwitchHandlers } from './site-switch';
import { LogoProxy } from './logo-proxy';
import { findEntry } from '@/lib/storage/watchlist';
import { loadWatchlist } from '@/lib/storage/watchlist';
import { getTokenRules, rulesOnChain } from '@/lib/storage/token-rules';
import { findBookEntry, loadAddressBook } from '@/lib/storage/address-book';
import { WatchlistWriter } from './watchlist-writer';
import { combinedVerdict } from '@/lib/core/lookalike';
import { checkEnsName } from '@/lib/core/ens-name';
import type { NameAnswer } from '@/lib/messaging/protocol';
import { NameService } from './name-service';
import { heldName, heldResolve, unlessHeld, type OnHold } from './held';
import { openLookup } from './context-menu';
import { PriceHistoryService } from './price-history';
import { priceHistoryState } from './price-history-state';

/** A verified name with what ENSIP-15 says about it: the card shows the flags without loading the library. */
function withNameFlags(answer: NameAnswer): NameAnswer {
  return answer.name === undefined ? answer : { ...answer, flags: checkEnsName(answer.name).flags };
}

/** The address the key test asks about: one cheap call that any valid key can answer. */
const KEY_TEST_ADDRESS = '0x0000000000000000000000000000000000000000';

export function createBackgroundHandlers(): Handlers {
  // Read once per worker life and kept current by storage.onChanged, not read again for every ask.
  const getSettings = liveValue(readSettings, (changed) => void settingsItem.watch(changed));
  const getCreditBudget = liveValue(readCreditBudget, (changed) => void creditBudgetItem.watch(changed));
  const scheduler = new Scheduler({ ratePerSecond: 2 });
  const ledger = new CreditLedger();
  const presence = new AskerPresence();
  presence.listen();
  const cache = new HoldingsCache(browser.storage.local);
  const budgetExhausted = async () => (await ledger.monthUsed()) >= (await getCreditBudget());
  const deps: HoldingsFetchDeps = { getApiKey: () => apiKeyItem.getValue(), getSettings, scheduler, ledger, budgetExhausted };
  const fetchHoldings = createHoldingsFetcher(deps);
  const ttlMs = async () => (await getSettings()).cacheTtlMinutes * 60_000;
  // One native-coin price per chain per TTL, shared by every address (never one per address).
  const prices = new PriceService({
    fetchPrice: async (chainId, contract, call) => (await clientFor(deps, {}, call)).tokenPrice(chainId, contract),
    ttlMs,
    store: nativePricesState,
  });
  const balances = new BalancesService({
    cache,
    // The asker's lane and signal reach the balance calls; the shared price call takes the lane only.
    fetchHoldings: withNativePrices(fetchHoldings, prices),
    ttlMs,
    blockedUntil: () => scheduler.blockedUntil,
    onHold: (listener) => scheduler.onHold(listener),
    chains: async () => (await getSettings()).chains,
  });
  const logos = new LogoProxy();
  // One history call per token per day, shared by every address holding it.
  const priceHistory = new PriceHistoryService({
    fetchHistory: async (chainId, contract, from, to, call) => (await clientFor(deps, {}, call)).priceHistory(chainId, contract, from, to),
    store: priceHistoryState,
  });
  const names = new NameService({
    clientFor: (call) => clientFor(deps, {}, call),
    // The address on screen: its name after its first chain's value (the value is what the user waits for).
    beforeLookup: (address, call) => (call.ticket?.lane === 'visible' ? balances.afterFirstChain(address) : Promise.resolve()),
  });
  const onHold: OnHold = (listener) => scheduler.onHold(listener);
  // The only code that writes the watchlist (pages send editWatchlist).
  const watchlist = new WatchlistWriter();
  const alerts = new WatchAlerts({
    getBalances: (req, asker) => balances.get(req, asker),
    getWatchlist: loadWatchlist,
    getSettings,
    getAlertSettings,
    budgetExhausted,
    notify: showNotification,
  });
  registerWatchAlerts(alerts, getAlertSettings, (cb) => void alertSettingsItem.watch(cb));
  broadcastSiteSwitchChanges();
  // The lane comes with the asker (its message's lane rule, lib/messaging/protocol.ts).
  const nameCall = (asker: Asker) => ({ ticket: { lane: asker.lane }, signal: presence.signalFor(asker) });

  return {
    // Content scripts: fresh data only (lib/background/content-lookups.ts); their tab budget is the message's.
    getBalances: createContentLookups(async ({ visible: _visible, ...req }, asker) => {
      const [answer, { hideSpam, locale }, rules] = await Promise.all([
        balances.get(req, { lane: asker.lane, signal: presence.signalFor(asker) }),
        getSettings(),
        getTokenRules(),
      ]);
      return { ...answer, hideSpam, locale, tokenRules: rulesOnChain(rules, req.chainId) };
    }, { ttlMs, monthSpent: budgetExhausted }),
    // Cached values only, no API call: the pages paint them, then ask for what is missing or stale.
    peekBalances: ({ addresses, chainIds }) => balances.peek(addresses.flatMap((address) => chainIds.map((chainId) => ({ chainId, address })))),
    async testKey({ apiKey, apiBase }, asker) {
      try {
        const client = await clientFor(deps, { apiKey, apiBase }, { ticket: { lane: asker.lane } });
        await client.nativeBalance(1, KEY_TEST_ADDRESS);
        return { ok: true };
      } catch (error) {
        return { ok: false, error: toErrorInfo(error) };
      }
    },
    clearCache: async () => {
      balances.forgetInFlight();
      await names.clear(); // cached names also tell which addresses were looked at
      await priceHistory.clear(); // and cached histories which tokens are held
      return { cleared: await cache.clear() };
    },
    async addToWatchlist({ address, label }) {
      const result = await watchlist.apply({ kind: 'add', address, label, keepExisting: true });
      return result.ok ? { ok: true, added: result.added === 1 } : { ok: false, error: result.error };
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    openPopup: ({ address, intent }) => openLookup(address, intent),
    async getCredits() {
      const [usage, budget] = await Promise.all([ledger.usage(), getCreditBudget()]);
      return { ...usage, budget, state: budgetState(usage.thisMonth, budget) };
    },
    getCacheStatus: () => cache.status(),
    getSchedulerLog: () => ({ grants: scheduler.grants(), blockedUntil: scheduler.blockedUntil, now: Date.now() }),
    checkAlertsNow: () => alerts.run('user'),
    // A hold that begins while a name waits for its slot answers at once (the lookup stays queued).
    getName: createContentNameLookups(
      async ({ address }, asker) => withNameFlags(await unlessHeld(names.nameOf(address, nameCall(asker)), onHold, heldName)),
      { monthSpent: budgetExhausted },
    ),
    resolveName: ({ name }, asker) => unlessHeld(names.resolve(name, nameCall(asker)), onHold, heldResolve(name)),
    // One address in, one verdict out: the watchlist and the address book never leave the worker.
    checkLookalike: async ({ address, page = [] }) => {
      const [list, book] = await Promise.all([loadWatchlist(), loadAddressBook()]);
      const labelledAs = findBookEntry(book, address)?.label;
      return { lookalike: combinedVerdict(address, list, page, book), watchedAs: findEntry(list, address)?.label, ...(labelledAs ? { labelledAs } : {}) };
    },
    getLogo: async ({ url }) => ({ dataUrl: await logos.get(url) }),
    // The lane of the asker when the tokens are on screen (or in a card); else the background lane, which stops when the budget is spent.
    getPriceChanges: ({ visible, ...req }, asker) =>
      priceHistory.changes(req, { ticket: { lane: visible || asker.kind === 'content-script' ? asker.lane : 'background' } }),
    ...siteSwitchHandlers,
    editWatchlist: ({ id, edit }) => watchlist.apply(edit, id),
  };
}
