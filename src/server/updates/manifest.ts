import { parse } from 'yaml';
import { z } from 'zod';

/** HQ's two update channels: pilot offices first, then everyone. */
export const CHANNELS = ['stable', 'pilot'] as const;
export type Channel = (typeof CHANNELS)[number];

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

const UpdateFile = z.object({
  url: z.string().regex(FILE_NAME, 'a file name beside the feed file'),
  sha512: Sha512,
  size: z.number().int().nonnegative(),
});

/** What electron-updater reads from the feed file (other keys are kept as written). */
export const UpdateInfoSchema = z.looseObject({
  version: SemVer,
  files: z.array(UpdateFile).min(1).max(20),
  path: z.string().optional(),
  sha512: Sha512.optional(),
  releaseDate: z.string().min(1),
});
export type UpdateInfo = z.infer<typeof UpdateInfoSchema>;

/** The feed file's text, checked; throws a one-line reason when it is not one. */
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
