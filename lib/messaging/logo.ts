import { sendMessage } from './protocol';

/** Extension pages' logo loader: the worker fetches the stranger's logo (lib/background/logo-proxy.ts). */
export async function loadLogoViaWorker(url: string): Promise<string | undefined> {
  return (await sendMessage('getLogo', { url })).dataUrl;
}
