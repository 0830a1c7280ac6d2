import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';

const FEEDBACK_MS = 1500;

const feedbackText = {
  copied: () => i18n.t('common.copy.copied'),
  failed: () => i18n.t('common.copy.failed'),
};

/** Copies `text`; its name says what ("Copy contract address"), then "Copied" or "Copy failed" for a moment. */
export function CopyButton({ text, label, class: className = 'btn-secondary py-0.5 text-xs' }: { text: string; label: string; class?: string }) {
  const [feedback, setFeedback] = useState<keyof typeof feedbackText>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setFeedback('copied');
    } catch {
      setFeedback('failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFeedback(undefined), FEEDBACK_MS);
  };
  const shown = feedback && feedbackText[feedback]();
  return (
    <button type="button" class={className} aria-label={shown ?? label} title={label} onClick={() => void copy()}>
      {shown ?? i18n.t('common.copy.copy')}
    </button>
  );
}
