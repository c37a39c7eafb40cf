import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../node/log/logger';
import { silentLogger } from '../../node/log/silent';
import { compareVersions, parseUpdateInfo, type UpdateFile } from '../../node/updates/update-info';
import { WartaError } from '../../shared/contract/define';
import type { UpdateChannel, UpdateStatus } from '../../shared/contract/updates';
import { SUPPORT_PATHS } from '../../shared/sync/protocol';
import { downloadResumable } from './download';
import { feedFileFor, pickInstaller } from './platform';

/** A downloaded, verified release, as the installer gets it. */
export interface VerifiedUpdate {
  version: string;
  /** A folder holding the feed file (`feedFile`) and the installer it names, both checked. */
  dir: string;
  feedFile: string;
  installer: string;
}

/**
 * What installs a verified update and restarts the app: the desktop shell implements it
 * with electron-updater (src/main/shell/updater.ts); without it (the web host, which runs
 * from a source tree) there are no updates.
 */
export interface UpdateInstaller {
  install(update: VerifiedUpdate): Promise<void>;
}

export interface UpdateServiceOptions {
  /** `<dataDir>/updates` holds the download in progress and the verified release. */
  dir: string;
  currentVersion: string;
  /** HQ's address and this device's token, or null when not enrolled. */
  hq(): { url: string; token: string } | null;
  /** Local changes HQ does not have yet (release and review outboxes). */
  unsynced(): number;
  installer: UpdateInstaller | null;
  /** The channel followed, and where the choice is kept (the store's settings). */
  channel: { get(): UpdateChannel; set(channel: UpdateChannel): void };
  platform?: NodeJS.Platform;
  arch?: string;
  env?: NodeJS.ProcessEnv;
  log?: Logger;
  fetch?: typeof fetch;
}

/**
 * Desktop updates from the office's own HQ. There is no timer here: a check runs only after
 * a successful sync (HQ is reachable then, and an offline office never tries), a download runs
 * in the background and resumes at the next sync where it stopped, and the app restarts only
 * when the user asks ("Mulai ulang untuk memperbarui") — with unsynced changes, only once
 * they confirm.
 */
export class UpdateService {
  private state: Omit<UpdateStatus, 'channel'> = {
    state: 'idle',
    version: null,
    received: 0,
    total: 0,
    error: null,
  };
  private running: Promise<void> | null = null;
  private ready: VerifiedUpdate | null = null;
  /** Files refused for a sha512 mismatch: not fetched again until HQ offers another file. */
  private readonly refused = new Set<string>();
  private closed = false;
  private readonly abort = new AbortController();
  private readonly log: Logger;

  constructor(private readonly o: UpdateServiceOptions) {
    this.log = o.log ?? silentLogger;
    if (!o.installer) this.state = { ...this.state, state: 'unsupported' };
  }

  status(): UpdateStatus {
    return { ...this.state, channel: this.o.channel.get() };
  }

  /** Another channel from the next sync on; a release already downloaded stays ready. */
  setChannel(channel: UpdateChannel): UpdateStatus {
    this.o.channel.set(channel);
    return this.status();
  }

  /** After each successful sync: look for a newer release and fetch it (joins a running check). */
  afterSync(): Promise<void> {
    if (!this.o.installer || this.closed) return Promise.resolve();
    this.running ??= this.checkAndDownload().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async checkAndDownload(): Promise<void> {
    const hq = this.o.hq();
    if (!hq) return;
    const feedFile = feedFileFor(this.o.platform ?? process.platform, this.o.arch ?? process.arch);
    const base = new URL(`${SUPPORT_PATHS.updates}/${this.o.channel.get()}/`, hq.url);
    const headers = { authorization: `Bearer ${hq.token}` };
    const doFetch = this.o.fetch ?? fetch;
    try {
      const res = await doFetch(new URL(feedFile, base), { headers, signal: this.abort.signal });
      if (res.status === 404) return; // nothing published for this device
      if (!res.ok) throw new WartaError('network', 'updates.downloadFailed', { detail: `HTTP ${res.status}` });
      const yml = await res.text();
      const info = parseUpdateInfo(yml, feedFile);
      if (compareVersions(info.version, this.o.currentVersion) <= 0) {
        // Installed already (or older): what an earlier download left is no longer needed.
        if (!this.ready) this.clearOtherVersions(null);
        return;
      }
      // Newer than a release already waiting (say, after a channel change)?
      if (this.ready && compareVersions(info.version, this.ready.version) <= 0) return;
      const file = pickInstaller(
        info,
        this.o.platform ?? process.platform,
        this.o.arch ?? process.arch,
        this.o.env ?? process.env,
      );
      if (!file) {
        this.log.warn({ version: info.version, feedFile }, 'update has no installer for this machine');
        return;
      }
      // A file refused once would be refused again, at the cost of the whole download.
      if (this.refused.has(file.sha512)) return;
      const dir = join(this.o.dir, info.version);
      this.ready = null;
      this.clearOtherVersions(info.version);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      this.state = { state: 'downloading', version: info.version, received: 0, total: file.size, error: null };
      await this.download(new URL(file.url, base).href, headers, join(dir, file.url), file);
      writeFileSync(join(dir, feedFile), yml, { mode: 0o600 });
      this.ready = { version: info.version, dir, feedFile, installer: file.url };
      this.state = { state: 'ready', version: info.version, received: file.size, total: file.size, error: null };
      this.log.info({ version: info.version }, 'update downloaded and verified');
    } catch (error) {
      if (this.closed) return;
      const refusal = error instanceof WartaError ? error : null;
      const reason = refusal?.reason;
      this.log.warn({ err: error }, 'update check or download failed');
      if (reason === 'updates.tampered' && typeof refusal?.params.sha512 === 'string')
        this.refused.add(refusal.params.sha512);
      this.state = {
        ...this.state,
        state: 'error',
        error: reason === 'updates.tampered' ? 'updates.tampered' : 'updates.downloadFailed',
      };
    }
  }

  private download(url: string, headers: Record<string, string>, dest: string, file: UpdateFile): Promise<void> {
    return downloadResumable({
      url,
      headers,
      dest,
      expected: file,
      signal: this.abort.signal,
      ...(this.o.fetch ? { fetch: this.o.fetch } : {}),
      onProgress: (received, total) => {
        this.state = { ...this.state, received, total };
      },
    });
  }

  /** Only the release being fetched stays on disk (none when `keep` is null). */
  private clearOtherVersions(keep: string | null): void {
    let names: string[] = [];
    try {
      names = readdirSync(this.o.dir);
    } catch {
      return;
    }
    for (const name of names) if (name !== keep) rmSync(join(this.o.dir, name), { recursive: true, force: true });
  }

  /**
   * "Mulai ulang untuk memperbarui". With changes HQ does not have yet (or unsaved text the
   * page reports) it refuses with `updates.unsyncedChanges` unless the user confirmed.
   */
  async restart(input: { confirmed: boolean; unsaved: boolean }): Promise<void> {
    if (!this.o.installer) throw new WartaError('conflict', 'updates.notSupported');
    if (!this.ready) throw new WartaError('conflict', 'updates.notReady');
    const pending = this.o.unsynced() + (input.unsaved ? 1 : 0);
    if (pending > 0 && !input.confirmed)
      throw new WartaError('needs_confirmation', 'updates.unsyncedChanges', { count: pending });
    this.log.info({ version: this.ready.version, pending }, 'restarting to update');
    await this.o.installer.install(this.ready);
  }

  /** Stops a download in progress (what arrived stays for the next start). */
  async close(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }
}
