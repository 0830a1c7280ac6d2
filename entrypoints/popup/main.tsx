import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/shared/styles.css';
import { followDisplayLocale } from '@/lib/storage/display-locale';

// Numbers and dates follow the locale setting (or the browser's language) from the first paint on.
const mount = () => render(<PopupApp />, document.getElementById('app')!);
void followDisplayLocale(mount).then(mount);
