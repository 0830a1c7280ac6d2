/**
 * A stored value the worker reads once per life and keeps current: the first read is kept until
 * the storage item's watch (storage.onChanged) says it changed, so an ask does not read settings
 * from storage several times over. A read that fails is not kept (the next call reads again), and
 * a change during a read is not hidden by it (the next call reads again).
 */
export function liveValue<T>(read: () => Promise<T>, watch: (changed: () => void) => void): () => Promise<T> {
  let current: Promise<T> | undefined;
  watch(() => {
    current = undefined;
  });
  return () => {
    if (current) return current;
    const reading = read();
    current = reading;
    reading.catch(() => {
      if (current === reading) current = undefined;
    });
    return reading;
  };
}
