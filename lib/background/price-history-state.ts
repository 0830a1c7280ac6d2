import { defineWorkerState } from '@/lib/storage/worker-state';
import { sanitizeHistoryTable, type HistoryTable } from './price-history';

/** The price history table, under one storage.local key beside the balance cache and the native prices. */
export const priceHistoryState = defineWorkerState<HistoryTable>('local:priceHistory', { validate: sanitizeHistoryTable });
