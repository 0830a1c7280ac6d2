import { render } from 'preact';
import '@/components/styles.css';

function App() {
  return <main class="p-4"><h1 class="text-lg font-semibold">Settings</h1></main>;
}
render(<App />, document.getElementById('app')!);
