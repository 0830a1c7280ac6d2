import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
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
      void save({ ...alerts, enabled: false }).then(() => setNote('Watch alerts are off; no background refresh is scheduled.'));
      return;
    }
    setNote('Waiting for your answer to the browser’s permission prompt…');
    // Called synchronously in the click: browsers only show the permission prompt for a user gesture.
    void browser.permissions.request(optionalAlertPermissions()).then(async (granted) => {
      if (!granted) {
        setNote('Watch alerts need permission to schedule refreshes and show notifications; it was not granted.');
        return;
      }
      await save({ ...alerts, enabled: true });
      setNote(`Watch alerts are on: every ${alerts.intervalMinutes} minutes.`);
    });
  };

  const checkNow = async () => {
    try {
      const r = await sendMessage('checkAlertsNow', {});
      setNote(r.skipped ?? `Checked ${r.checked} of ${addresses} addresses; ${r.notified ? 'a notification was shown.' : 'nothing changed beyond the threshold.'}`);
    } catch (e) {
      setNote(`Could not check: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div class="space-y-3">
      <label class="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={alerts.enabled} onChange={(e) => toggle(e.currentTarget)} />
        Refresh the watchlist in the background and notify me of changes
      </label>
      <div class="flex flex-wrap gap-4">
        <div>
          <label for="alert-interval" class="block text-sm font-medium">
            Check every
          </label>
          <select
            id="alert-interval"
            class="input mt-1"
            value={alerts.intervalMinutes}
            onChange={(e) => void save({ ...alerts, intervalMinutes: Number(e.currentTarget.value) })}
          >
            {INTERVALS.map((m) => (
              <option key={m} value={m}>
                {m} minutes
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="alert-threshold" class="block text-sm font-medium">
            Notify when a value moves by more than (%)
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
        Expected cost: up to {formatCount(cost)} credits a month ({addresses} {addresses === 1 ? 'address' : 'addresses'} × {chains}{' '}
        {chains === 1 ? 'chain' : 'chains'} every {alerts.intervalMinutes} minutes; chains where an address holds nothing are checked less often).
      </p>
      <p class="text-xs text-slate-500 dark:text-slate-400">
        A notification comes when an address's USD total or any token balance changes by more than the threshold. Background refreshes stop when the monthly credit
        budget is used up.
      </p>
      <div class="flex items-center gap-3">
        <button type="button" class="btn-secondary" disabled={!alerts.enabled} onClick={() => void checkNow()}>
          Check now
        </button>
        <span role="status" class="text-sm">
          {note}
        </span>
      </div>
    </div>
  );
}
