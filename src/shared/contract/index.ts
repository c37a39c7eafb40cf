import type { z } from 'zod';
import { appMethods } from './app';
import { releaseMethods } from './releases';
import { syncMethods } from './sync';
import { reviewMethods } from './review';
import { backupMethods } from './backups';
import { updateMethods } from './updates';
import { documentMethods } from './documents';
import { spellingMethods } from './spelling';
import { templateMethods } from './templates';

export * from './define';
export * from './app';
export * from './releases';
export * from './sync';
export * from './review';
export * from './backups';
export * from './updates';
export * from './documents';
export * from './spelling';
export * from './templates';

/**
 * The whole renderer ↔ main contract. Both transports (Electron IPC and the loopback
 * web host) carry exactly these methods; the preload exposes exactly these names.
 */
export const contract = {
  ...appMethods,
  ...releaseMethods,
  ...syncMethods,
  ...reviewMethods,
  ...backupMethods,
  ...updateMethods,
  ...documentMethods,
  ...spellingMethods,
  ...templateMethods,
};

type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
type MethodParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<Contract[K]['output']>;

/** What the renderer calls: one async function per method. */
export type Api = { [K in MethodName]: (input: MethodInput<K>) => Promise<MethodOutput<K>> };

/** What main implements: one handler per method, given validated input. */
export type Handlers = {
  [K in MethodName]: (input: MethodParsedInput<K>) => Promise<MethodOutput<K>> | MethodOutput<K>;
};

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
