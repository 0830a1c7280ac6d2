/** Runs `task` when the page is idle (or soon, where idle callbacks do not exist); returns a canceller. */
const IDLE_TIMEOUT_MS = 300;
const FALLBACK_DELAY_MS = 16;

export function scheduleIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(() => task());
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(task, FALLBACK_DELAY_MS);
  return () => clearTimeout(id);
}
