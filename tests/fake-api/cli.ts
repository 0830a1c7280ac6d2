/**
 * `npm run fake-api [-- --port 8787 --host 127.0.0.1 --key my-key]`
 * Env fallbacks: FAKE_API_PORT, FAKE_API_HOST, FAKE_API_KEY (comma-separated).
 */
import { parseArgs } from 'node:util';
import { startFakeApi } from './server';

const DEFAULT_PORT = 8787;

function splitKeys(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${value}`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      key: { type: 'string', multiple: true },
    },
  });
  const api = await startFakeApi({
    port: parsePort(values.port ?? process.env.FAKE_API_PORT),
    host: values.host ?? process.env.FAKE_API_HOST ?? '127.0.0.1',
    keys: [...(values.key ?? []), ...splitKeys(process.env.FAKE_API_KEY)],
  });
  console.log(`Fake Chainbase API listening on ${api.url}`);
  console.log(`Accepted keys: ${api.keys.join(', ')}`);
  console.log(`Controls: GET ${api.url}/__fake/requests, POST ${api.url}/__fake/reset, POST ${api.url}/__fake/simulate`);

  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping fake API`);
    void api.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
