import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { sendMessage, type CreditsAnswer } from '@/lib/messaging/protocol';
import { CREDIT_BUDGET_LIMITS, creditBudgetItem } from '@/lib/storage/items';
import { WARN_AT } from '@/lib/core/credits';
import { formatCount } from '@/lib/core/locale';
import { useWorkerValue } from './use-worker-value';
import { useSave } from './save-model';

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
        {i18n.t('options.credits.exhausted')}
      </p>
    );
  }
  if (credits.state === 'warning') {
    return (
      <p role="alert" class="mt-2 rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
        {i18n.t('options.credits.warning', [percentOf(credits.thisMonth, credits.budget), WARN_AT * 100])}
      </p>
    );
  }
  return null;
}

/** The monthly budget, saved when the field is left or Enter is pressed; a value that is not a whole number in range is explained and not saved. */
function BudgetForm({ budget }: { budget: number }) {
  const save = useSave();
  const [draft, setDraft] = useState(String(budget));
  const [error, setError] = useState('');
  const commit = (input: string) => {
    const value = Number(input);
    const { min, max } = CREDIT_BUDGET_LIMITS;
    if (input.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      setError(i18n.t('options.credits.wholeNumber', [count(min), count(max)]));
      return;
    }
    setError('');
    void save(() => creditBudgetItem.setValue(value));
  };
  return (
    <div class="mt-3">
      <label for="credit-budget" class="block text-sm font-medium">
        {i18n.t('options.credits.budget')}
      </label>
      <input
        id="credit-budget"
        type="number"
        class="input mt-1 w-40"
        min={CREDIT_BUDGET_LIMITS.min}
        step={1000}
        value={draft}
        aria-invalid={!!error}
        aria-describedby="credit-budget-hint"
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
      />
      <p id="credit-budget-hint" class={`mt-1 text-xs ${error ? 'text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}>
        {error || i18n.t('options.credits.budgetHint')}
      </p>
    </div>
  );
}

/** Credits this browser spent today and this month (UTC), against the user's monthly budget. */
export function CreditsSection() {
  const { value: credits, error } = useWorkerValue(askCredits, ['creditLedger', 'creditBudget']);
  if (!credits) return <p class="text-sm">{error ? i18n.t('options.credits.readFailed', [error]) : i18n.t('common.loading')}</p>;
  return (
    <div>
      <dl class="grid grid-cols-2 gap-2 text-sm sm:max-w-md" aria-label={i18n.t('options.credits.used')}>
        <dt class="text-slate-600 dark:text-slate-400">{i18n.t('options.credits.today')}</dt>
        <dd data-testid="credits-today" class="font-mono">
          {count(credits.today)}
        </dd>
        <dt class="text-slate-600 dark:text-slate-400">{i18n.t('options.credits.month')}</dt>
        <dd data-testid="credits-month" class="font-mono">
          {i18n.t('options.credits.monthOf', [count(credits.thisMonth), count(credits.budget), percentOf(credits.thisMonth, credits.budget)])}
        </dd>
      </dl>
      <p class="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {i18n.t('options.credits.countedBy', [credits.day])}
      </p>
      <BudgetNote credits={credits} />
      <BudgetForm key={credits.budget} budget={credits.budget} />
    </div>
  );
}
