import type { ComponentChildren } from 'preact';
import { ApiKeyForm } from '@/components/shared/ApiKeyForm';
import { AlertsSection } from './AlertsSection';
import { CreditsSection } from './CreditsSection';
import { DataSection } from './DataSection';
import { SettingsForm } from './SettingsForm';
import { SitesForm } from './SitesForm';
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

export function OptionsApp() {
  const settings = useSettings();
  return (
    <main class="mx-auto max-w-3xl space-y-4 p-6">
      <h1 class="text-2xl font-semibold">Chainbase Balances settings</h1>
      <Section id="api-key-title" title="Chainbase API key">
        <ApiKeyForm full idPrefix="options" />
        <p class="mt-2 text-xs text-slate-500 dark:text-slate-400">
          The key is stored only on this device (never synced) and sent only to the API URL below.
        </p>
      </Section>
      <Section id="settings-title" title="Settings">
        {settings ? <SettingsForm settings={settings} /> : <p class="text-sm">Loading…</p>}
      </Section>
      <Section id="sites-title" title="Hover cards">
        <SitesForm />
      </Section>
      <Section id="credits-title" title="Credits">
        <CreditsSection />
      </Section>
      <Section id="alerts-title" title="Watch alerts">
        <AlertsSection />
      </Section>
      <Section id="data-title" title="Data">
        <DataSection />
      </Section>
    </main>
  );
}
