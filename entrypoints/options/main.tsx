import { render } from 'preact';
import { i18n } from '#i18n';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/shared/styles.css';
import { followDisplayLocale } from '@/lib/storage/display-locale';

// index.html's <title> is only the fallback: the tab and screen readers get the title in the user's language.
document.title = i18n.t('options.pageTitle');

// Numbers and dates follow the locale setting (or the browser's language) from the first paint on.
const mount = () => render(<OptionsApp />, document.getElementById('app')!);
void followDisplayLocale(mount).then(mount);
