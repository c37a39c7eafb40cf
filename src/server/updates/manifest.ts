export { FEED_FILE, FILE_NAME, parseUpdateInfo } from '../../node/updates/update-info';

/** HQ's two update channels: pilot offices first, then everyone. */
export const CHANNELS = ['stable', 'pilot'] as const;
export type Channel = (typeof CHANNELS)[number];
