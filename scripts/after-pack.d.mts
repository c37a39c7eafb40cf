// Types of scripts/after-pack.mjs for the TypeScript tests that import it.
import type { FuseV1Config, flipFuses } from '@electron/fuses';

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}

export declare const FUSES: FuseV1Config;
export declare function electronBinary(context: AfterPackContext): string;
export default function afterPack(context: AfterPackContext, flip?: typeof flipFuses): Promise<void>;
