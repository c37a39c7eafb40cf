/** Images are served at /media/<sha256> by both the web host and the desktop origin. */
export const mediaUrl = (attachment: string): string => `/media/${attachment}`;
