import { z } from 'zod';

const HttpUrl = z.url({ protocol: /^https?$/ });

export interface OriginSettings {
  /** Option, else WARTA_PUBLIC_URL: the one public origin. */
  baseUrl?: string | undefined;
  /** Option, else WARTA_PUBLIC_ORIGINS (comma-separated): the origins the site answers as. */
  allowedOrigins?: readonly string[] | undefined;
  env?: NodeJS.ProcessEnv;
}

const checked = (value: string, name: string): string => {
  const parsed = HttpUrl.safeParse(value.trim());
  if (!parsed.success)
    throw new Error(
      `${name} must be an http(s) URL such as https://berita.kpu.go.id (got ${JSON.stringify(value.slice(0, 200))})`,
    );
  return parsed.data;
};

/**
 * Where the site's absolute links (canonical, Open Graph, feeds, sitemap, robots.txt) point.
 * Never the request's Host header: pages are cached publicly, so one forged Host would be
 * served to every reader. In production one of the two settings is required.
 */
export function publicOriginSettings(o: OriginSettings): { baseUrl?: string; allowedOrigins?: string[] } {
  const env = o.env ?? process.env;
  const base = o.baseUrl ?? env.WARTA_PUBLIC_URL;
  if (base) return { baseUrl: checked(base, 'WARTA_PUBLIC_URL / baseUrl') };
  const list =
    o.allowedOrigins ??
    (env.WARTA_PUBLIC_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (list.length > 0) return { allowedOrigins: list.map((v) => new URL(checked(v, 'WARTA_PUBLIC_ORIGINS')).origin) };
  if (env.NODE_ENV === 'production')
    throw new Error(
      'the public site needs its address in production: set WARTA_PUBLIC_URL (e.g. https://berita.kpu.go.id) or WARTA_PUBLIC_ORIGINS',
    );
  return {};
}
