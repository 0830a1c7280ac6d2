/** The locale specs' one token: worth exactly 1,234.5 units at $1, the issue's example figure. */
import { TOKENS_PATH } from '../fake-api/server';

const LOCALE_DOLLAR = {
  contract_address: '0x00000000000000000000000000000000000c0de1',
  decimals: 6,
  name: 'Locale Dollar',
  symbol: 'LUSD',
  total_supply: '1000000000000',
  logos: [],
  urls: [],
  current_usd_price: 1,
  balance: `0x${(1_234_500_000).toString(16)}`,
};

/** The address's Ethereum token list becomes just the 1,234.5 Locale Dollars. */
export function holdLocaleDollars(fakeApi: { simulate(rule: object): void }, address: string): void {
  fakeApi.simulate({ kind: 'replace', path: TOKENS_PATH, address, chainId: 1, body: { code: 0, message: 'ok', data: [LOCALE_DOLLAR], count: 1 } });
}
