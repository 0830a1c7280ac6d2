import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { neutralize } from './UntrustedText';

/**
 * Turns a stranger's logo URL into a data: URL that the worker fetched
 * (https, image types only, size-capped, no cookies or referrer), or undefined.
 * The page or card never loads the stranger's URL itself: that would tell the
 * logo host the user's IP and which address they looked at.
 */
export type LogoLoader = (url: string) => Promise<string | undefined>;
/** Where no loader is provided, every token gets its letter avatar. */
export const LogoLoaderContext = createContext<LogoLoader | undefined>(undefined);

/** Only https logos are ever asked for; anything else (javascript:, data:, http:) gets the letter avatar. */
export function safeLogoUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const AVATAR_COLORS = ['#2563eb', '#7c3aed', '#db2777', '#ea580c', '#16a34a', '#0891b2', '#4f46e5', '#b45309'];

function avatarColor(seed: string): string {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) >>> 0;
  return AVATAR_COLORS[h % AVATAR_COLORS.length]!;
}

/** First letter or digit of the symbol, or "?" when it has none. */
export function avatarLetter(symbol: string): string {
  const match = /[\p{L}\p{N}]/u.exec(neutralize(symbol));
  return match ? match[0].toUpperCase() : '?';
}

interface Props {
  symbol: string;
  logo?: string;
  /** Colours the avatar; the contract keeps colours stable per token. */
  seed: string;
  /** Native coins use the chain colour. */
  color?: string;
}

/** The worker's data: URL for the logo, once it has it. */
function useLogo(logo: string | undefined): string | undefined {
  const load = useContext(LogoLoaderContext);
  const url = safeLogoUrl(logo);
  const [src, setSrc] = useState<string | undefined>(undefined);
  useEffect(() => {
    setSrc(undefined);
    if (!url || !load) return;
    let current = true;
    load(url).then(
      (data) => {
        if (current && data?.startsWith('data:image/')) setSrc(data);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [url, load]);
  return src;
}

export function TokenLogo({ symbol, logo, seed, color }: Props) {
  const src = useLogo(logo);
  const [failed, setFailed] = useState(false);
  if (src && !failed) {
    return (
      <img
        src={src}
        alt=""
        width={24}
        height={24}
        referrerpolicy="no-referrer"
        decoding="async"
        class="h-6 w-6 shrink-0 rounded-full bg-slate-200 dark:bg-slate-700"
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      class="flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold text-white"
      style={{ backgroundColor: color ?? avatarColor(seed) }}
    >
      {avatarLetter(symbol)}
    </span>
  );
}
