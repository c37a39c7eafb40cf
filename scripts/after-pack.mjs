// electron-builder's afterPack hook (electron-builder.yml): flips the Electron fuses of the
// packaged binary before it is signed and wrapped into an installer. Fuses are bits compiled
// into the Electron executable, so a packaged Warta cannot be turned back into a general Node
// runtime or debugger by whoever can start it with other flags or environment variables.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** Every fuse Warta sets, and how; fuses not named keep Electron's default. */
export const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would make the app binary a plain Node.js with the user's rights.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (--require, --inspect…) would inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk on the command line would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The session's cookies are encrypted at rest with the OS keychain's key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // The app's code comes from app.asar only, never from a loose app/ folder put beside it…
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // …and app.asar must match the integrity hash embedded at build time (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
};

/** The packaged Electron executable (the .app bundle on macOS) inside electron-builder's output folder. */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName);
}

/** The hook; `flip` is @electron/fuses' flipFuses (a stand-in in tests). */
export default async function afterPack(context, flip = flipFuses) {
  const mac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // Flipping a fuse invalidates the macOS ad-hoc signature; re-sign ad hoc (the real signing comes later).
  await flip(electronBinary(context), { ...FUSES, ...(mac ? { resetAdHocDarwinSignature: true } : {}) });
}
