import { createHash } from 'node:crypto';
import {
  chmodSync,
  createReadStream,
  copyFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fsyncDirSync, fsyncFileSync } from '../../node/fs/fsync';
import { FEED_FILE, FILE_NAME, parseUpdateInfo, type Channel } from './manifest';
import type { Rollout } from './rollout';
import type { StoredFile, UpdateReleases } from './store';

/** A refusal of `publish-update`: one line for the operator, nothing stored. */
export class PublishError extends Error {
  override readonly name = 'PublishError';
}

export interface PublishRequest {
  /** Paths of the feed files (latest*.yml), the installers they name and their blockmaps. */
  paths: string[];
  channel: Channel;
  rollout: Rollout;
  /** Where HQ keeps update files: `<updatesDir>/<channel>/<version>/<file>`. */
  updatesDir: string;
  releases: UpdateReleases;
  transaction: <T>(fn: () => T) => T;
  now?: Date;
}

export interface Published {
  feed: string;
  version: string;
  files: StoredFile[];
}

async function sha512Of(path: string): Promise<string> {
  const hash = createHash('sha512');
  await pipeline(createReadStream(path), hash);
  return hash.digest('base64');
}

/** Copies into place through a temp name, so a half-copied installer is never served. */
function place(src: string, dir: string, name: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.tmp-${name}`);
  try {
    copyFileSync(src, tmp);
    // Like everything in HQ's data dir: readable by HQ's user only.
    chmodSync(tmp, 0o600);
    fsyncFileSync(tmp);
    renameSync(tmp, join(dir, name));
    fsyncDirSync(dir);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Adds a desktop release to HQ's update feed. Every installer a feed file names must be
 * given and match the feed's sha512 and size, or nothing is stored: a tampered or truncated
 * installer is refused here, before any office could be offered it.
 */
export async function publishUpdate(req: PublishRequest): Promise<Published[]> {
  const byName = new Map<string, string>();
  for (const path of req.paths) {
    const name = basename(path);
    if (!FILE_NAME.test(name)) throw new PublishError(`not a release file name: ${name.slice(0, 80)}`);
    if (byName.has(name)) throw new PublishError(`${name} given twice`);
    byName.set(name, path);
  }
  const feeds = [...byName.keys()].filter((n) => FEED_FILE.test(n));
  if (feeds.length === 0)
    throw new PublishError('no feed file given (latest.yml, latest-linux.yml, latest-mac.yml from electron-builder)');

  const plan: (Published & { yml: string; sources: Map<string, string> })[] = [];
  const used = new Set(feeds);
  for (const feed of feeds) {
    const yml = readFileSync(byName.get(feed)!, 'utf8');
    let info;
    try {
      info = parseUpdateInfo(yml, feed);
    } catch (err) {
      throw new PublishError((err as Error).message);
    }
    const files: StoredFile[] = [];
    const sources = new Map<string, string>();
    for (const f of info.files) {
      const path = byName.get(f.url);
      if (!path) throw new PublishError(`${feed} names ${f.url}, which was not given`);
      const size = statSync(path).size;
      const sha512 = await sha512Of(path);
      if (sha512 !== f.sha512 || size !== f.size)
        throw new PublishError(
          `${f.url} does not match ${feed} (sha512 or size differs: a tampered or wrong file); nothing published`,
        );
      files.push({ name: f.url, sha512, size });
      sources.set(f.url, path);
      used.add(f.url);
      // The blockmap lets a workstation download only the blocks that changed.
      const blockmap = `${f.url}.blockmap`;
      const mapPath = byName.get(blockmap);
      if (mapPath) {
        files.push({ name: blockmap, sha512: await sha512Of(mapPath), size: statSync(mapPath).size });
        sources.set(blockmap, mapPath);
        used.add(blockmap);
      }
    }
    plan.push({ feed, version: info.version, files, yml, sources });
  }
  const stray = [...byName.keys()].filter((n) => !used.has(n));
  if (stray.length > 0) throw new PublishError(`not named by any feed file: ${stray.join(', ')}`);

  const publishedAt = (req.now ?? new Date()).toISOString();
  for (const p of plan) {
    const dir = join(req.updatesDir, req.channel, p.version);
    for (const [name, src] of p.sources) place(src, dir, name);
  }
  req.transaction(() => {
    for (const p of plan)
      req.releases.put({
        channel: req.channel,
        feed: p.feed,
        version: p.version,
        yml: p.yml,
        files: p.files,
        ...req.rollout,
        publishedAt,
      });
  });
  return plan.map(({ feed, version, files }) => ({ feed, version, files }));
}
