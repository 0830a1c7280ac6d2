import { render } from 'preact';
import { i18n } from '#i18n';
import { PopupApp } from '@/components/popup/PopupApp';
import { LogoLoaderContext } from '@/components/shared/TokenLogo';
import { loadLogoViaWorker } from '@/lib/messaging/logo';
import '@/components/shared/styles.css';
import { followDisplayLocale } from '@/lib/storage/display-locale';
import { holdPopupPresence } from '@/lib/messaging/presence';
import { PriceChangeLoaderContext } from '@/components/shared/PriceChange';
import { send } from '@/lib/messaging/protocol';
import { callWorker } from '@/lib/messaging/worker-call';

holdPopupPresence();
// index.html's <title> is only the fallback: screen readers announce the page title in the user's language.
document.title = i18n.t('extName');

// Numbers and dates follow the locale setting (or the browser's language) from the first paint on.
// Token logos come through the worker (components/shared/TokenLogo.tsx), never from their hosts directly.
const mount = () =>
  render(
    <LogoLoaderContext.Provider value={loadLogoViaWorker}>
      <PriceChangeLoaderContext.Provider value={(request) => callWorker(() => send('getPriceChanges', request))}>
        <PopupApp />
      </PriceChangeLoaderContext.Provider>
    </LogoLoaderContext.Provider>,
    document.getElementById('app')!,
  );
void followDisplayLocale(mount).then(mount);
