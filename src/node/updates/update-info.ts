import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The feed files electron-builder writes for electron-updater's generic provider:
 * latest.yml (Windows), latest-mac.yml, latest-linux.yml and latest-linux-arm64.yml.
 */
export const FEED_FILE = /^latest(?:-mac|-linux(?:-arm64)?)?\.yml$/;

/** A plain file name, as electron-builder names its artifacts: nothing that walks a path. */
export const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,200}$/;

const SemVer = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'not a version');
/** base64 of 64 bytes, as electron-builder writes it. */
const Sha512 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'not a base64 sha512');

const UpdateFileSchema = z.object({
  url: z.string().regex(FILE_NAME, 'a file name beside the feed file'),
  sha512: Sha512,
  size: z.number().int().nonnegative(),
});
export type UpdateFile = z.infer<typeof UpdateFileSchema>;

/** What electron-updater reads from a feed file (other keys are kept as written). */
const UpdateInfoSchema = z.looseObject({
  version: SemVer,
  files: z.array(UpdateFileSchema).min(1).max(20),
  path: z.string().optional(),
  sha512: Sha512.optional(),
  releaseDate: z.string().min(1),
});
export type UpdateInfo = z.infer<typeof UpdateInfoSchema>;

/**
 * A feed file's text, checked as HQ (on publish) and the workstation (on check) both need it;
 * throws a one-line reason when it is not one. YAML aliases are refused (no expansion bombs).
 */
export function parseUpdateInfo(text: string, name: string): UpdateInfo {
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 0 });
  } catch (err) {
    throw new Error(`${name} is not YAML: ${String(err instanceof Error ? err.message : err).split('\n')[0]}`);
  }
  const info = UpdateInfoSchema.safeParse(raw);
  if (!info.success) {
    const issue = info.error.issues[0];
    throw new Error(`${name} is not an update feed file: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  const { path, sha512 } = info.data;
  // The legacy single-file keys must agree with files[] (older clients read them).
  if (path !== undefined && !info.data.files.some((f) => f.url === path && (!sha512 || f.sha512 === sha512)))
    throw new Error(`${name}: path/sha512 name a file that is not in files[]`);
  return info.data;
}

/** Semantic version order (a pre-release sorts before its release); negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = '', pre = ''] = v.split('+')[0]!.split(/-(.*)/s);
    return { nums: core.split('.').map(Number), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < 3; i++) if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (x.pre === y.pre) return 0;
  if (x.pre === '') return 1;
  if (y.pre === '') return -1;
  const xs = x.pre.split('.');
  const ys = y.pre.split('.');
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const p = xs[i];
    const q = ys[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}
