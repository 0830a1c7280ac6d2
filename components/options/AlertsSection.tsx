import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messaging/protocol';
import { ALERT_LIMITS, alertSettingsItem, DEFAULT_ALERTS, sanitizeAlertSettings, watchlistItem, type AlertSettings } from '@/lib/storage/items';
import { alertMonthlyCredits } from '@/lib/core/credits';
import { formatCount } from '@/lib/core/locale';
import { useSettings, useStorageItem } from '@/components/shared/use-storage';

type AlertPermission = 'alarms' | 'notifications';
const ALERT_PERMISSIONS: AlertPermission[] = ['alarms', 'notifications'];

/** Only optional permissions may be requested; Firefox grants `alarms` at install (it cannot be optional there). */
function optionalAlertPermissions(): { permissions: AlertPermission[] } {
  const optional = new Set(browser.runtime.getManifest().optional_permissions ?? []);
  return { permissions: ALERT_PERMISSIONS.filter((p) => optional.has(p)) };
}
const INTERVALS = [15, 30, 45, 60] as const;

function save(next: AlertSettings): Promise<void> {
  return alertSettingsItem.setValue(sanitizeAlertSettings(next));
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
  const [note, setNote] = useState('');
  const alerts = sanitizeAlertSettings(stored ?? DEFAULT_ALERTS);
  const addresses = watchlist?.length ?? 0;
  const chains = settings?.chains.length ?? 0;
  const cost = alertMonthlyCredits(addresses, chains, alerts.intervalMinutes);

  const toggle = (box: HTMLInputElement) => {
    const on = box.checked;
    // The box shows the stored state, not the click: it turns on once the browser's permission prompt says yes.
    box.checked = alerts.enabled;
    if (!on) {
      void save({ ...alerts, enabled: false }).then(() => setNote(i18n.t('options.alerts.turnedOff')));
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
            onChange={(e) => void save({ ...alerts, intervalMinutes: Number(e.currentTarget.value) })}
          >
            {INTERVALS.map((m) => (
              <option key={m} value={m}>
                {i18n.t('options.alerts.minutes', [m])}
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
