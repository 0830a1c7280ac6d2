import { isAddress } from './address-format';

/**
 * The popup page opened for one address ("Show token balances" in the context menu):
 * the worker writes the URL, the popup reads it back. Both sides live here so they agree.
 */
export function lookupUrl(address: string, popupUrl: string): string {
  return `${popupUrl}?address=${address}`;
}

/** The address a lookup window was opened for (`?address=`), if it is one. */
export function lookupFromSearch(search: string): string | undefined {
  const value = new URLSearchParams(search).get('address') ?? '';
  return isAddress(value) ? value.toLowerCase() : undefined;
}
