/**
 * The card's stylesheet made deaf to the page. Custom properties inherit into a closed
 * shadow root from its host, and a page rule on the host beats the shadow root's own
 * `:host` rules, so Tailwind's theme variables (emitted on `:root, :host`) could be set
 * by any page: it could paint the look-alike warning transparent at 1 px. Here the theme
 * moves to the panel element inside the root, and every other variable the stylesheet
 * reads is reset there, so nothing set outside reaches in.
 */
export const ROOT_CLASS = 'cbb-root';

const THEME_SELECTOR = /:root\s*,\s*:host(?=\s*\{)/g;
const ROOT_BLOCKS = new RegExp(String.raw`\.${ROOT_CLASS}(?:\[[^\]]*\])?\s*\{([^}]*)\}`, 'g');
const DECLARED = /(--[\w-]+)\s*:/g;
const READ = /var\(\s*(--[\w-]+)/g;

export function sealCardCss(css: string): string {
  const rooted = css.replace(THEME_SELECTOR, `.${ROOT_CLASS}`);
  const declared = new Set<string>();
  for (const [, body] of rooted.matchAll(ROOT_BLOCKS)) for (const [, name] of body!.matchAll(DECLARED)) declared.add(name!);
  const inherited = new Set<string>();
  for (const [, name] of rooted.matchAll(READ)) if (!declared.has(name!)) inherited.add(name!);
  if (inherited.size === 0) return rooted;
  // Unlayered, so it beats anything layered; it only names variables the theme does not set.
  return `${rooted}\n.${ROOT_CLASS}{${[...inherited].map((name) => `${name}:initial`).join(';')}}`;
}
