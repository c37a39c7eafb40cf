import type { UpdateFile, UpdateInfo } from '../../node/updates/update-info';

/** The feed file electron-builder writes for this platform and architecture. */
export function feedFileFor(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return 'latest.yml';
  if (platform === 'darwin') return 'latest-mac.yml';
  return arch === 'arm64' ? 'latest-linux-arm64.yml' : 'latest-linux.yml';
}

/** What this installation updates from: the AppImage when running as one, else the .deb. */
function extensionFor(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return '.exe';
  if (platform === 'darwin') return '.zip';
  return env.APPIMAGE ? '.AppImage' : '.deb';
}

const ARCH_NAMES: Record<string, string[]> = {
  x64: ['x64', 'amd64', 'x86_64'],
  arm64: ['arm64', 'aarch64'],
};

/**
 * The file of a release this machine installs: the right kind, for this architecture when
 * the names say (a Windows installer holding both architectures names none).
 */
export function pickInstaller(
  info: UpdateInfo,
  platform: NodeJS.Platform,
  arch: string,
  env: NodeJS.ProcessEnv,
): UpdateFile | null {
  const ext = extensionFor(platform, env);
  const kind = info.files.filter((f) => f.url.endsWith(ext));
  const mine = ARCH_NAMES[arch] ?? [arch];
  const all = Object.values(ARCH_NAMES).flat();
  const named = (f: UpdateFile, names: string[]) => names.some((n) => new RegExp(`[-_.]${n}[-_.]`).test(f.url));
  return kind.find((f) => named(f, mine)) ?? kind.find((f) => !named(f, all)) ?? null;
}
