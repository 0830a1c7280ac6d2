import { render } from 'preact';
import { i18n } from '#i18n';
import { PopupApp } from '@/components/popup/PopupApp';
import { LogoLoaderContext } from '@/components/shared/TokenLogo';
import { loadLogoViaWorker } from '@/lib/messaging/logo';
import '@/components/shared/styles.css';
import { followDisplayLocale } from '@/lib/storage/display-locale';
import { holdPopupPresence } from '@/lib/messaging/presence';

holdPopupPresence();
// index.html's <title> is only the fallback: screen readers announce the page title in the user's language.
document.title = i18n.t('extName');

// Numbers and dates follow the locale setting (or the browser's language) from the first paint on.
// Token logos come through the worker (components/shared/TokenLogo.tsx), never from their hosts directly.
const mount = () =>
  render(
    <LogoLoaderContext.Provider value={loadLogoViaWorker}>
      <PopupApp />
    </LogoLoaderContext.Provider>,
    document.getElementById('app')!,
  );
void followDisplayLocale(mount).then(mount);
