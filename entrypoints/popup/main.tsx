import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/shared/styles.css';

render(<PopupApp />, document.getElementById('app')!);
