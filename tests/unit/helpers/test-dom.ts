/**
 * Test helper: parse saved pages with DOMParser (inert: no script runs) in a
 * private happy-dom window whose settings forbid every load and whose console
 * drops happy-dom's "loading is disabled" reports for the pages' iframes and
 * stylesheets, which would otherwise flood the test output.
 */
import { Window } from 'happy-dom';

const PAGE_URL = 'http://localhost:3000/';

const quietConsole = {
  ...console,
  error: (...args: unknown[]) => {
    if (!/loading is disabled/i.test(String(args[0]))) console.error(...args);
  },
};

let parserWindow: Window | undefined;

function windowForParsing(): Window {
  parserWindow ??= new Window({
    url: PAGE_URL,
    console: quietConsole as Console,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  return parserWindow;
}

export function parseHtml(html: string): Document {
  const win = windowForParsing();
  return new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
