import { useState } from 'preact/hooks';
import { sendMessage, type CreditsAnswer } from '@/lib/messaging/protocol';
import { CREDIT_BUDGET_LIMITS, creditBudgetItem } from '@/lib/storage/items';
import { WARN_AT } from '@/lib/core/credits';
import { formatCount } from '@/lib/core/locale';
import { useWorkerValue } from './use-worker-value';

const askCredits = () => sendMessage('getCredits', {});

const count = (n: number) => formatCount(n);

function percentOf(used: number, budget: number): string {
  return `${Math.floor((used / budget) * 100)} %`;
}

/** One sentence per budget state: what happens now. */
function BudgetNote({ credits }: { credits: CreditsAnswer }) {
  if (credits.state === 'exhausted') {
    return (
      <p role="alert" class="mt-2 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
        The monthly budget is used up: background work (watch alerts) has stopped until next month. Lookups you ask for still run.
      </p>
    );
  }
  if (credits.state === 'warning') {
    return (
      <p role="alert" class="mt-2 rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
        {percentOf(credits.thisMonth, credits.budget)} of the monthly budget is used (a warning from {WARN_AT * 100} %). At 100 % background work stops.
      </p>
    );
  }
  return null;
}

function BudgetForm({ budget }: { budget: number }) {
  const [draft, setDraft] = useState(String(budget));
  const [note, setNote] = useState('');
  const save = async (e: Event) => {
    e.preventDefault();
    const value = Number(draft);
    const { min, max } = CREDIT_BUDGET_LIMITS;
    if (!Number.isInteger(value) || value < min || value > max) {
      setNote(`Enter a whole number of credits from ${count(min)} to ${count(max)}.`);
      return;
    }
    await creditBudgetItem.setValue(value);
    setNote('Budget saved.');
  };
  return (
    <form class="mt-3 flex flex-wrap items-end gap-2" onSubmit={(e) => void save(e)} noValidate>
      <div>
        <label for="credit-budget" class="block text-sm font-medium">
          Monthly credit budget
        </label>
        <input
          id="credit-budget"
          type="number"
          class="input mt-1 w-40"
          min={CREDIT_BUDGET_LIMITS.min}
          step={1000}
          value={draft}
          aria-describedby="credit-budget-hint"
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="btn-secondary">
        Save budget
      </button>
      <span role="status" class="text-sm">
        {note}
      </span>
      <p id="credit-budget-hint" class="w-full text-xs text-slate-500 dark:text-slate-400">
        Chainbase's free plan has 200,000 credits a month, shared by every key of the account. A page of tokens costs 3 credits, a native balance or a price 1.
      </p>
    </form>
  );
}

/** Credits this browser spent today and this month (UTC), against the user's monthly budget. */
export function CreditsSection() {
  const { value: credits, error } = useWorkerValue(askCredits, ['creditLedger', 'creditBudget']);
  if (!credits) return <p class="text-sm">{error ? `Could not read the credit count: ${error}` : 'Loading…'}</p>;
  return (
    <div>
      <dl class="grid grid-cols-2 gap-2 text-sm sm:max-w-md" aria-label="Credits used">
        <dt class="text-slate-600 dark:text-slate-400">Credits used today</dt>
        <dd data-testid="credits-today" class="font-mono">
          {count(credits.today)}
        </dd>
        <dt class="text-slate-600 dark:text-slate-400">Credits used this month</dt>
        <dd data-testid="credits-month" class="font-mono">
          {count(credits.thisMonth)} of {count(credits.budget)} ({percentOf(credits.thisMonth, credits.budget)})
        </dd>
      </dl>
      <p class="mt-1 text-xs text-slate-500 dark:text-slate-400">
        Counted by this browser for successful calls only (UTC day {credits.day}); other devices using the same account are not included.
      </p>
      <BudgetNote credits={credits} />
      <BudgetForm key={credits.budget} budget={credits.budget} />
    </div>
  );
}
