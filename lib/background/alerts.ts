/**
 * Watch alerts (opt-in): on an alarm the worker refreshes every watched address on the
 * user's chains in the `background` lane, compares each address with its snapshot from
 * the last run, and shows one notification when a USD total or a balance moved beyond
 * the threshold. Nothing runs, and no alarm exists, while alerts are off or the
 * `alarms`/`notifications` permissions are not granted; a spent credit budget stops
 * alarm runs (a run the user starts from the options page still goes).
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { changesBetween, snapshotOf, type WatchChange, type WatchSnapshot } from '@/lib/core/watch-changes';
import type { AlertSettings, Settings, WatchEntry } from '@/lib/storage/items';
import type { AlertRunResult, BalancesAnswer, BalancesRequest } from '@/lib/messaging/protocol';
import type { ChainHoldings } from '@/lib/core/types';
import type { Asker } from './types';
import { defineWorkerState, type WorkerState } from '@/lib/storage/worker-state';
import { getTokenRules, lookupOf, type TokenRules } from '@/lib/storage/token-rules';

export const ALERT_ALARM = 'watch-alerts';
export const ALERT_PERMISSIONS = ['alarms', 'notifications'] as const;
export const SNAPSHOTS_KEY = 'alertSnapshots';

type Snapshots = Record<string, WatchSnapshot>;

/** Snapshots of the wrong shape are dropped one by one: that address is compared again from its next run. */
function validSnapshots(raw: unknown): Snapshots | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const valid = Object.entries(raw as Record<string, unknown>).filter(([, snapshot]) => {
    const { usdTotal, balances } = (snapshot ?? {}) as Partial<WatchSnapshot>;
    return (
      typeof usdTotal === 'number' &&
      !!balances &&
      typeof balances === 'object' &&
      Object.values(balances).every((raw) => typeof raw === 'string' && /^\d+$/.test(raw))
    );
  });
  return Object.fromEntries(valid) as Snapshots;
}

/** The last snapshot per watched address (lowercase), to compare the next run with. */
export const alertSnapshotsState = defineWorkerState<Snapshots>(`local:${SNAPSHOTS_KEY}`, { validate: validSnapshots });

export interface AlertDeps {
  getBalances: (req: BalancesRequest, asker: Pick<Asker, 'lane'>) => Promise<BalancesAnswer>;
  getWatchlist: () => Promise<WatchEntry[]>;
  getSettings: () => Promise<Settings>;
  getAlertSettings: () => Promise<AlertSettings>;
  budgetExhausted: () => Promise<boolean>;
  /** Default: alertSnapshotsState (storage.local). */
  snapshots?: WorkerState<Snapshots>;
  /** The user's token rules. Default: getTokenRules (sync storage). */
  getTokenRules?: () => Promise<TokenRules>;
  notify: (title: string, message: string) => Promise<void>;
}

export type AlertTrigger = 'alarm' | 'user';

export class WatchAlerts {
  constructor(private readonly deps: AlertDeps) {}

  async run(trigger: AlertTrigger): Promise<AlertRunResult> {
    const alertSettings = await this.deps.getAlertSettings();
    if (!alertSettings.enabled) return { checked: 0, notified: 0, skipped: i18n.t('messages.alerts.off') };
    if (trigger === 'alarm' && (await this.deps.budgetExhausted())) {
      return { checked: 0, notified: 0, skipped: i18n.t('messages.alerts.budgetSpent') };
    }
    const [watchlist, settings, rules] = await Promise.all([this.deps.getWatchlist(), this.deps.getSettings(), (this.deps.getTokenRules ?? getTokenRules)()]);
    const snapshots = await this.loadSnapshots();
    const lane = trigger === 'alarm' ? 'background' : 'popup';
    const changed: { entry: WatchEntry; changes: WatchChange[] }[] = [];
    let checked = 0;
    for (const entry of watchlist) {
      const portfolios = await this.freshHoldings(entry.address, settings.chains, lane);
      // A chain that failed would look like every balance on it vanished: keep the old snapshot.
      if (!portfolios) continue;
      checked++;
      const next = snapshotOf(portfolios, settings.hideSpam, lookupOf(rules));
      const previous = snapshots[entry.address];
      if (previous) {
        const changes = changesBetween(previous, next, alertSettings.thresholdPercent);
        if (changes.length) changed.push({ entry, changes });
      }
      snapshots[entry.address] = next;
    }
    await (this.deps.snapshots ?? alertSnapshotsState).set(snapshots);
    if (changed.length) await this.deps.notify(notificationTitle(changed.length), notificationMessage(changed));
    return { checked, notified: changed.length ? 1 : 0 };
  }

  /** Every chain's portfolio, refreshed past its TTL, or undefined when any chain failed. */
  private async freshHoldings(address: string, chains: readonly number[], lane: Asker['lane']): Promise<ChainHoldings[] | undefined> {
    const portfolios: ChainHoldings[] = [];
    for (const chainId of chains) {
      let answer = await this.deps.getBalances({ chainId, address }, { lane });
      if (answer.refreshing) answer = await this.deps.getBalances({ chainId, address, waitForFresh: true }, { lane });
      if (answer.error || !answer.portfolio) return undefined;
      portfolios.push(answer.portfolio);
    }
    return portfolios;
  }

  private async loadSnapshots(): Promise<Snapshots> {
    return { ...(await (this.deps.snapshots ?? alertSnapshotsState).get()) };
  }
}

function notificationTitle(addresses: number): string {
  return i18n.t('messages.alerts.title', addresses);
}

/** Plain text (notifications render no markup); labels are the user's own. */
function notificationMessage(changed: { entry: WatchEntry; changes: WatchChange[] }[]): string {
  return changed
    .map(({ entry, changes }) => {
      const who = entry.label || `${entry.address.slice(0, 6)}…${entry.address.slice(-4)}`;
      const usd = changes.find((c) => c.kind === 'usd-total');
      const balances = changes.filter((c) => c.kind === 'balance').length;
      const parts = [
        ...(usd ? [i18n.t('messages.alerts.usdTotal', [`$${usd.before}`, `$${usd.after}`])] : []),
        ...(balances ? [i18n.t('messages.alerts.balances', balances)] : []),
      ];
      const said = parts.reduce((all, part) => i18n.t('messages.list.semicolon', [all, part]));
      return i18n.t('messages.alerts.line', [who, said]);
    })
    .join('\n');
}

/** Whether the optional permissions alerts need are granted. */
export async function alertPermissionsGranted(): Promise<boolean> {
  return browser.permissions.contains({ permissions: [...ALERT_PERMISSIONS] });
}

/**
 * Makes the alarm match the settings: one repeating alarm while alerts are on and
 * permitted, none otherwise. `browser.alarms` only exists once the permission is granted.
 */
export async function syncAlertAlarm(settings: AlertSettings): Promise<void> {
  const alarms = browser.alarms as typeof browser.alarms | undefined;
  if (!alarms) return;
  const on = settings.enabled && (await alertPermissionsGranted());
  if (!on) {
    await alarms.clear(ALERT_ALARM);
    return;
  }
  const existing = await alarms.get(ALERT_ALARM);
  if (existing?.periodInMinutes === settings.intervalMinutes) return;
  await alarms.create(ALERT_ALARM, { periodInMinutes: settings.intervalMinutes, delayInMinutes: settings.intervalMinutes });
}

/** Throws when the notifications permission was taken back: the run then says so instead of claiming it notified. */
export async function showNotification(title: string, message: string): Promise<void> {
  const notifications = browser.notifications as typeof browser.notifications | undefined;
  if (!notifications) throw new Error(i18n.t('messages.alerts.notPermitted'));
  await notifications.create(`${ALERT_ALARM}-${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}

/**
 * Wires alerts into the worker: the alarm listener (registered in the worker's first turn
 * when the permission is already there, so an alarm that wakes the worker is heard), and
 * the alarm kept in step with the settings and the permissions.
 */
export function registerWatchAlerts(alerts: WatchAlerts, getAlertSettings: () => Promise<AlertSettings>, watchSettings: (cb: () => void) => void): void {
  let listening = false;
  const listen = () => {
    const alarms = browser.alarms as typeof browser.alarms | undefined;
    if (listening || !alarms) return;
    listening = true;
    alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === ALERT_ALARM) void alerts.run('alarm').catch((error: unknown) => console.warn('Watch alerts failed.', error));
    });
  };
  const sync = async () => {
    listen();
    await syncAlertAlarm(await getAlertSettings());
  };
  listen();
  watchSettings(() => void sync());
  browser.permissions.onAdded?.addListener(() => void sync());
  browser.permissions.onRemoved?.addListener(() => void sync());
  void sync();
}
