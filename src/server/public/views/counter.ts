import { createHash } from 'node:crypto';
import { jakartaDay } from '../format/dates';
import type { PublicationStore } from '../types';

/**
 * Search engines, link-preview fetchers (the WhatsApp/Facebook/X card fetch is not a reader),
 * monitoring and command-line clients. An empty user agent is not a browser either.
 */
const CRAWLER_UA =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|facebookcatalog|meta-externalagent|whatsapp|telegram|twitterbot|linkedinbot|pinterest|discord|slack|skype|embedly|quora link preview|vkshare|bingpreview|google-inspectiontool|googleother|apis-google|mediapartners|feedfetcher|feedparser|rss|lighthouse|pagespeed|uptime|monitor|pingdom|statuscake|headless|phantomjs|python-requests|python-urllib|aiohttp|httpx|curl\/|wget\/|libwww|go-http-client|okhttp|java\/|node-fetch|axios\/|undici|scrapy|ahrefs|semrush|mj12|dotbot|petalbot|yandex|baidu|bytespider|gptbot|ccbot|claudebot|anthropic|perplexity|amazonbot|applebot|duckduckbot|sogou|exabot|seznam|qwant|^$/i;

/** About 10 MB of marks at most. */
const MAX_SEEN = 100_000;

const isCrawler = (userAgent: string | undefined): boolean => CRAWLER_UA.test((userAgent ?? '').trim());

/**
 * "Telah dilihat N kali": one count per reader per (Jakarta) day. The reader is a hash of the
 * day's random salt and the address alone (the user agent is the client's to change at will,
 * so it would let one reader count again and again); the salt lives only for that day, so the
 * stored hashes cannot be turned back into addresses or linked across days. No address is
 * ever written anywhere.
 */
export class ViewCounter {
  private salt: { day: string; salt: string } | null = null;
  /**
   * Today's (release, reader) pairs already counted or found counted: a reader reloading a page
   * is answered without a write. Marks are deleted only when the day changes, which empties
   * this too; when full it is emptied and the stored marks answer instead.
   */
  private seen = new Set<string>();

  constructor(private readonly store: PublicationStore) {}

  /** Counts and returns true when this reader has not been counted for `releaseId` today. */
  count(releaseId: string, ip: string, userAgent: string | undefined, nowIso: string): boolean {
    if (isCrawler(userAgent)) return false;
    const day = jakartaDay(nowIso);
    if (this.salt?.day !== day) {
      this.salt = { day, salt: this.store.daySalt(day) };
      this.seen.clear();
    }
    const salt = this.salt.salt;
    const visitor = createHash('sha256').update(salt).update('\0').update(ip).digest('base64url').slice(0, 22);
    const mark = `${releaseId} ${visitor}`;
    if (this.seen.has(mark)) return false;
    const counted = this.store.recordView(releaseId, day, visitor);
    if (this.seen.size >= MAX_SEEN) this.seen.clear();
    this.seen.add(mark);
    return counted;
  }
}
