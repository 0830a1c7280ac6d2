/** Grey rows while the first answer is on its way. */

export function Skeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" class="space-y-2 py-2">
      <span class="sr-only">{label}</span>
      {[0, 1, 2].map((i) => (
        <div key={i} class="flex animate-pulse items-center gap-2">
          <div class="h-6 w-6 rounded-full bg-slate-200 dark:bg-slate-700" />
          <div class="h-3 flex-1 rounded bg-slate-200 dark:bg-slate-700" />
          <div class="h-3 w-16 rounded bg-slate-200 dark:bg-slate-700" />
        </div>
      ))}
    </div>
  );
}
