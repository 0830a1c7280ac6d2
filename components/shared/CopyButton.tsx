import { useEffect, useRef, useState } from 'preact/hooks';

const FEEDBACK_MS = 1500;

/** Copies `text`; its name says what ("Copy contract address"), then "Copied" or "Copy failed" for a moment. */
export function CopyButton({ text, label, class: className = 'btn-secondary py-0.5 text-xs' }: { text: string; label: string; class?: string }) {
  const [feedback, setFeedback] = useState<'Copied' | 'Copy failed'>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setFeedback('Copied');
    } catch {
      setFeedback('Copy failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFeedback(undefined), FEEDBACK_MS);
  };
  return (
    <button type="button" class={className} aria-label={feedback ?? label} title={label} onClick={() => void copy()}>
      {feedback ?? 'Copy'}
    </button>
  );
}
