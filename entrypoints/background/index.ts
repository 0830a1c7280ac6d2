export default defineBackground(() => {
  console.info('Chainbase Balances background started');
});
