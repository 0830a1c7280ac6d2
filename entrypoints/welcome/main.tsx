import { render } from 'preact';
import { i18n } from '#i18n';
import { WelcomeApp } from '@/components/welcome/WelcomeApp';
import '@/components/shared/styles.css';
import { followDisplayLocale } from '@/lib/storage/display-locale';

document.title = i18n.t('welcome.pageTitle');

const mount = () => render(<WelcomeApp />, document.getElementById('app')!);
void followDisplayLocale(mount).then(mount);
