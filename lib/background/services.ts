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
import { alertSettingsItem, getAlertSettings, getCreditBudget, getSettings } from '@/lib/storage/items';
import { registerWatchAlerts, showNotification, WatchAlerts } from './alerts';
import type { Handlers } from './handlers';
import type { Asker } from './types';
import { createContentLookups, createContentNameLookups } from './content-lookups';
import { broadcastSiteSwitchChanges, siteSwitchHandlers } from './site-switch';
import { LogoProxy } from './logo-proxy';
import { addEntry, changeWatchlist, findEntry } from '@/lib/storage/watchlist';
import { loadWatchlist } from '@/lib/storage/watchlist';
import { combinedVerdict } from '@/lib/core/lookalike';
import { checkEnsName } from '@/lib/core/ens-name';
import type { NameAnswer } from '@/lib/messaging/protocol';
import { NameService } from './name-service';
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
  const scheduler = new Scheduler({ ratePerSecond: 2, burst: 2 });
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
  });
  const logos = new LogoProxy();
  // One history call per token per day, shared by every address holding it.
  const priceHistory = new PriceHistoryService({
    fetchHistory: async (chainId, contract, from, to, call) => (await clientFor(deps, {}, call)).priceHistory(chainId, contract, from, to),
    store: priceHistoryState,
  });
  const names = new NameService({ clientFor: (call) => clientFor(deps, {}, call) });
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
      const [answer, { hideSpam, locale }] = await Promise.all([
        balances.get(req, { lane: asker.lane, signal: presence.signalFor(asker) }),
        getSettings(),
      ]);
      return { ...answer, hideSpam, locale };
    }, { ttlMs, monthSpent: budgetExhausted }),
    async testKey({ apiKey, apiBase }) {
      try {
        const client = await clientFor(deps, { apiKey, apiBase });
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
      let added = false;
      const result = await changeWatchlist((list) => {
        if (findEntry(list, address)) return list;
        added = true;
        return addEntry(list, address, label);
      });
      return result.ok ? { ok: true, added } : { ok: false, error: result.error };
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
    getName: createContentNameLookups(async ({ address }, asker) => withNameFlags(await names.nameOf(address, nameCall(asker))), { monthSpent: budgetExhausted }),
    resolveName: ({ name }, asker) => names.resolve(name, nameCall(asker)),
    // One address in, one verdict out: the watchlist itself never leaves the worker.
    checkLookalike: async ({ address, page = [] }) => {
      const list = await loadWatchlist();
      return { lookalike: combinedVerdict(address, list, page), watchedAs: findEntry(list, address)?.label };
    },
    getLogo: async ({ url }) => ({ dataUrl: await logos.get(url) }),
    // The lane of the asker when the tokens are on screen (or in a card); else the background lane, which stops when the budget is spent.
    getPriceChanges: ({ visible, ...req }, asker) =>
      priceHistory.changes(req, { ticket: { lane: visible || asker.kind === 'content-script' ? asker.lane : 'background' } }),
    ...siteSwitchHandlers,
  };
}
