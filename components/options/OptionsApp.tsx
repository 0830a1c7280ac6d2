import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import { ApiKeyForm } from '@/components/shared/ApiKeyForm';
import { AlertsSection } from './AlertsSection';
import { CreditsSection } from './CreditsSection';
import { DataSection } from './DataSection';
import { AddressBookSection } from './AddressBookSection';
import { AdvancedSettings, DisplaySettings } from './SettingsForm';
import { SitesForm } from './SitesForm';
import { HiddenTokensSection } from './HiddenTokens';
import { SaveProvider } from './save-model';
import { useSettings } from '@/components/shared/use-storage';

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id} class="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <h2 id={id} class="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * Two levels: what most users set (key, budget, alerts, sites, display, data) up front; where
 * the API is and how hard to use it under "Advanced". Every control saves on change (save-model.tsx);
 * the API key keeps its own Save, since a key is tested before it counts.
 */
export function OptionsApp() {
  const settings = useSettings();
  const loading = <p class="text-sm">{i18n.t('common.loading')}</p>;
  return (
    <main class="mx-auto max-w-3xl space-y-4 p-6">
      <h1 class="text-2xl font-semibold">{i18n.t('options.title')}</h1>
      <SaveProvider>
        <div class="space-y-4">
          <Section id="api-key-title" title={i18n.t('options.sections.apiKey')}>
            <ApiKeyForm full idPrefix="options" />
            <p class="mt-2 text-xs text-slate-500 dark:text-slate-400">{i18n.t('options.keyNote')}</p>
          </Section>
          <Section id="credits-title" title={i18n.t('options.sections.credits')}>
            <CreditsSection />
          </Section>
          <Section id="alerts-title" title={i18n.t('options.sections.alerts')}>
            <AlertsSection />
          </Section>
          <Section id="sites-title" title={i18n.t('options.sections.sites')}>
            <SitesForm />
          </Section>
          <Section id="settings-title" title={i18n.t('options.sections.settings')}>
            {settings ? <DisplaySettings settings={settings} /> : loading}
          </Section>
          <Section id="hidden-tokens-title" title={i18n.t('options.hiddenTokens.title')}>
            <HiddenTokensSection />
          </Section>
          <Section id="data-title" title={i18n.t('options.sections.data')}>
            <DataSection />
            <AddressBookSection />
          </Section>
          <details class="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
            <summary class="cursor-pointer text-lg font-semibold">{i18n.t('options.sections.advanced')}</summary>
            <p class="mt-1 text-xs text-slate-500 dark:text-slate-400">{i18n.t('options.advancedNote')}</p>
            <div class="mt-3">{settings ? <AdvancedSettings settings={settings} /> : loading}</div>
          </details>
        </div>
      </SaveProvider>
    </main>
  );
}
