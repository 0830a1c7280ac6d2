import { i18n } from '#i18n';
import { EXPLORER_SITES } from '@/lib/core/chains';
import { disabledSitesItem } from '@/lib/storage/items';
import { useStorageItem } from '@/components/shared/use-storage';
import { useSave } from './save-model';

/** Per-site hover-card switches; each change is saved at once. */
export function SitesForm() {
  const disabled = useStorageItem(disabledSitesItem);
  const save = useSave();
  if (disabled === undefined) return null;
  const toggle = (site: string, on: boolean) =>
    void save(() => disabledSitesItem.setValue(on ? disabled.filter((s) => s !== site) : [...new Set([...disabled, site])]));
  return (
    <fieldset>
      <legend class="text-sm font-medium">{i18n.t('options.sites.legend')}</legend>
      <div class="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3">
        {EXPLORER_SITES.map((site) => (
          <label key={site} class="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={!disabled.includes(site)} onChange={(e) => toggle(site, e.currentTarget.checked)} />
            {site}
          </label>
        ))}
      </div>
      <p class="mt-1 text-xs text-slate-500 dark:text-slate-400">{i18n.t('options.sites.hint')}</p>
    </fieldset>
  );
}
