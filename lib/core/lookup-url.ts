import { isAddress } from './address-format';
import { siteForHost } from './chains';

/**
 * The popup page opened for one address ("Show token balances" in the context menu):
 * the worker writes the URL, the popup reads it back. Both sides live here so they agree.
 */
export function lookupUrl(address: string, popupUrl: string, intent?: LookupIntent): string {
  const base = `${popupUrl}?address=${address}`;
  if (!intent) return base;
  return intent.kind === 'add' ? `${base}&intent=add` : `${base}&intent=turnOff&site=${encodeURIComponent(intent.site)}`;
}

/**
 * A write the card started and the popup confirms: the card's clicks can be steered by
 * the page (an overlay with `pointer-events: none`), the popup window cannot.
 */
export type LookupIntent = { kind: 'add' } | { kind: 'turnOff'; site: string };

/** The intent a lookup window was opened with, if it is a whole one (`turnOff` needs a known explorer site). */
export function intentFromSearch(search: string): LookupIntent | undefined {
  const params = new URLSearchParams(search);
  const kind = params.get('intent');
  if (kind === 'add') return { kind };
  const site = siteForHost(params.get('site') ?? '');
  return kind === 'turnOff' && site ? { kind, site } : undefined;
}

/** The address a lookup window was opened for (`?address=`), if it is one. */
export function lookupFromSearch(search: string): string | undefined {
  const value = new URLSearchParams(search).get('address') ?? '';
  return isAddress(value) ? value.toLowerCase() : undefined;
}
