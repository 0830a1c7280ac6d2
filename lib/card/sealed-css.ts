/**
 * The card's stylesheet made deaf to the page. Custom properties inherit into a closed
 * shadow root from its host, and a page rule on the host beats the shadow root's own
 * `:host` rules, so Tailwind's theme variables (emitted on `:root, :host`) could be set
 * by any page: it could paint the look-alike warning transparent at 1 px. Here the theme
 * moves to the panel element inside the root, and every other variable the stylesheet
 * reads is reset there, so nothing set outside reaches in.
 *
 * A page can also register a name with `@property` (document-wide, it reaches into shadow
 * roots): a non-inheriting registration would give every element inside the panel the page's
 * initial value, and `initial` itself would mean the page's value. So every custom property
 * is renamed with a salt drawn when the card is made: the page cannot register a name it
 * cannot know.
 */
export const ROOT_CLASS = 'cbb-root';

const THEME_SELECTOR = /:root\s*,\s*:host(?=\s*\{)/g;
const ROOT_BLOCKS = new RegExp(String.raw`\.${ROOT_CLASS}(?:\[[^\]]*\])?\s*\{([^}]*)\}`, 'g');
const DECLARED = /(--[\w-]+)\s*:/g;
const READ = /var\(\s*(--[\w-]+)/g;

/** A custom property name as a token: `--x`, not the tail of `a--x`. */
const CUSTOM_PROPERTY = /(?<![\w-])--([a-zA-Z_][\w-]*)/g;

export function sealCardCss(css: string, salt = randomSalt()): string {
  return resetInherited(css.replace(THEME_SELECTOR, `.${ROOT_CLASS}`)).replace(CUSTOM_PROPERTY, `--${salt}-$1`);
}

/** Eight letters and digits from the browser's random source; starts with a letter, as a name must. */
function randomSalt(): string {
  const [a, b] = crypto.getRandomValues(new Uint32Array(2));
  return `c${a!.toString(36)}${b!.toString(36)}`;
}

function resetInherited(rooted: string): string {
  const declared = new Set<string>();
  for (const [, body] of rooted.matchAll(ROOT_BLOCKS)) for (const [, name] of body!.matchAll(DECLARED)) declared.add(name!);
  const inherited = new Set<string>();
  for (const [, name] of rooted.matchAll(READ)) if (!declared.has(name!)) inherited.add(name!);
  if (inherited.size === 0) return rooted;
  // Unlayered, so it beats anything layered; it only names variables the theme does not set.
  return `${rooted}\n.${ROOT_CLASS}{${[...inherited].map((name) => `${name}:initial`).join(';')}}`;
}
