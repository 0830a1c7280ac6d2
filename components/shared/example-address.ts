/** A well-known address with balances on several chains, offered on first run (popup and welcome page). */
export const EXAMPLE_ADDRESS = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
/** Its ENS name: a name, not a word to translate. */
export const EXAMPLE_LABEL = 'vitalik.eth';
