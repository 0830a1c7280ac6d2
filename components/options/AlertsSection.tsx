import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messaging/protocol';
import { ALERT_LIMITS, alertSettingsItem, creditBudgetItem, DEFAULT_ALERTS, DEFAULT_CREDIT_BUDGET, sanitizeAlertSettings, watchlistItem, type AlertSettings } from '@/lib/storage/items';
import { alertBudgetLevel, alertMonthlyCredits, fittingAlertInterval, type AlertBudgetLevel } from '@/lib/core/credits';
import { formatCount } from '@/lib/core/locale';
import { useSettings, useStorageItem } from '@/components/shared/use-storage';
import { useSave } from './save-model';

type AlertPermission = 'alarms' | 'notifications';
const ALERT_PERMISSIONS: AlertPermission[] = ['alarms', 'notifications'];

/** Only optional permissions may be requested; Firefox grants `alarms` at install (it cannot be optional there). */
function optionalAlertPermissions(): { permissions: AlertPermission[] } {
  const optional = new Set(browser.runtime.getManifest().optional_permissions ?? []);
  return { permissions: ALERT_PERMISSIONS.filter((p) => optional.has(p)) };
}
const INTERVALS = [15, 30, 45, 60] as const;

function writeAlerts(next: AlertSettings): Promise<void> {
  return alertSettingsItem.setValue(sanitizeAlertSettings(next));
}

/** Rounded up: a share of the budget is never shown smaller than it is. */
function shareText(credits: number, budget: number): string {
  return `${Math.ceil((credits / budget) * 100)} %`;
}

const SHARE_TONE: Record<AlertBudgetLevel, string> = {
  ok: '',
  high: 'rounded-md border border-amber-200 bg-amber-50 p-2 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200',
  over: 'rounded-md border border-red-200 bg-red-50 p-2 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200',
};
const SHARE_TEXT = { ok: 'options.alerts.share', high: 'options.alerts.shareHigh', over: 'options.alerts.shareOver' } as const;

interface BudgetFitProps {
  addresses: number;
  chains: number;
  budget: number;
  intervalMinutes: number;
  onUse: (minutes: number) => void;
}

/** The share of the monthly budget the chosen interval would use, a warning above half, and the interval that fits. */
function BudgetFit({ addresses, chains, budget, intervalMinutes, onUse }: BudgetFitProps) {
  const cost = alertMonthlyCredits(addresses, chains, intervalMinutes);
  const level = alertBudgetLevel(cost, budget);
  const fit = level === 'ok' ? undefined : fittingAlertInterval(addresses, chains, budget, INTERVALS);
  return (
    <div data-testid="alert-share" data-level={level} class={`space-y-2 text-sm ${SHARE_TONE[level]}`}>
      <p>{i18n.t(SHARE_TEXT[level], [shareText(cost, budget), formatCount(budget)])}</p>
      {level !== 'ok' &&
        (fit === undefined ? (
          <p>{i18n.t('options.alerts.noFit', [INTERVALS[INTERVALS.length - 1]!])}</p>
        ) : (
          <button type="button" class="btn-secondary" onClick={() => onUse(fit)}>
            {i18n.t('options.alerts.useFit', [fit, shareText(alertMonthlyCredits(addresses, chains, fit), budget)])}
          </button>
        ))}
    </div>
  );
}

/**
 * Opt-in watch alerts: the browser asks for `alarms` and `notifications` at the moment
 * the user turns them on (the request must come from the click itself), and the
 * expected monthly credits of the chosen interval are shown before anything starts.
 */
export function AlertsSection() {
  const stored = useStorageItem(alertSettingsItem);
  const watchlist = useStorageItem(watchlistItem);
  const settings = useSettings();
  const storedBudget = useStorageItem(creditBudgetItem);
  const budget = storedBudget ?? DEFAULT_CREDIT_BUDGET;
  const [note, setNote] = useState('');
  const pageSave = useSave();
  const save = (next: AlertSettings) => pageSave(() => writeAlerts(next));
  const alerts = sanitizeAlertSettings(stored ?? DEFAULT_ALERTS);
  const addresses = watchlist?.length ?? 0;
  const chains = settings?.chains.length ?? 0;
  const cost = alertMonthlyCredits(addresses, chains, alerts.intervalMinutes);
  /** A setting whose alerts alone would use more than the whole budget is refused. */
  const overBudget = (minutes: number) => alertBudgetLevel(alertMonthlyCredits(addresses, chains, minutes), budget) === 'over';
  const useInterval = (minutes: number) => {
    if (overBudget(minutes)) return setNote(i18n.t('options.alerts.refused'));
    void save({ ...alerts, intervalMinutes: minutes });
  };

  const toggle = (box: HTMLInputElement) => {
    const on = box.checked;
    // The box shows the stored state, not the click: it turns on once the browser's permission prompt says yes.
    box.checked = alerts.enabled;
    if (!on) {
      void save({ ...alerts, enabled: false }).then(() => setNote(i18n.t('options.alerts.turnedOff')));
      return;
    }
    if (overBudget(alerts.intervalMinutes)) {
      setNote(i18n.t('options.alerts.refused'));
      return;
    }
    setNote(i18n.t('options.alerts.waiting'));
    // Called synchronously in the click: browsers only show the permission prompt for a user gesture.
    void browser.permissions.request(optionalAlertPermissions()).then(async (granted) => {
      if (!granted) {
        setNote(i18n.t('options.alerts.denied'));
        return;
      }
      await save({ ...alerts, enabled: true });
      setNote(i18n.t('options.alerts.turnedOn', [alerts.intervalMinutes]));
    });
  };

  const checkNow = async () => {
    try {
      const r = await sendMessage('checkAlertsNow', {});
      setNote(r.skipped ?? i18n.t(r.notified ? 'options.alerts.checkedNotified' : 'options.alerts.checkedQuiet', [r.checked, addresses]));
    } catch (e) {
      setNote(i18n.t('options.alerts.checkFailed', [e instanceof Error ? e.message : String(e)]));
    }
  };

  return (
    <div class="space-y-3">
      <label class="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={alerts.enabled} onChange={(e) => toggle(e.currentTarget)} />
        {i18n.t('options.alerts.enable')}
      </label>
      <div class="flex flex-wrap gap-4">
        <div>
          <label for="alert-interval" class="block text-sm font-medium">
            {i18n.t('options.alerts.interval')}
          </label>
          <select
            id="alert-interval"
            class="input mt-1"
            value={alerts.intervalMinutes}
            onChange={(e) => {
              const select = e.currentTarget;
              useInterval(Number(select.value));
              // The list shows the stored interval until a save succeeds.
              select.value = String(alerts.intervalMinutes);
            }}
          >
            {INTERVALS.map((m) => (
              <option key={m} value={m} disabled={overBudget(m) && m !== alerts.intervalMinutes}>
                {i18n.t(overBudget(m) ? 'options.alerts.minutesOver' : 'options.alerts.minutes', [m])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="alert-threshold" class="block text-sm font-medium">
            {i18n.t('options.alerts.threshold')}
          </label>
          <input
            id="alert-threshold"
            type="number"
            class="input mt-1 w-28"
            min={ALERT_LIMITS.thresholdPercent.min}
            max={ALERT_LIMITS.thresholdPercent.max}
            step={0.5}
            value={alerts.thresholdPercent}
            onChange={(e) => void save({ ...alerts, thresholdPercent: Number(e.currentTarget.value) })}
          />
        </div>
      </div>
      <p data-testid="alert-cost" class="text-sm">
        {i18n.t('options.alerts.cost', [
          formatCount(cost),
          i18n.t('options.alerts.addresses', addresses),
          i18n.t('options.alerts.chains', chains),
          alerts.intervalMinutes,
        ])}
      </p>
      <BudgetFit addresses={addresses} chains={chains} budget={budget} intervalMinutes={alerts.intervalMinutes} onUse={useInterval} />
      <p class="text-xs text-slate-500 dark:text-slate-400">
        {i18n.t('options.alerts.explain')}
      </p>
      <div class="flex items-center gap-3">
        <button type="button" class="btn-secondary" disabled={!alerts.enabled} onClick={() => void checkNow()}>
          {i18n.t('options.alerts.checkNow')}
        </button>
        <span role="status" class="text-sm">
          {note}
        </span>
      </div>
    </div>
  );
}
