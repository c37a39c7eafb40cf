import { createHash } from 'node:crypto';
import { jakartaDay } from '../format/dates';
import type { PublicationStore } from '../types';

/**
 * Search engines, link-preview fetchers (the WhatsApp/Facebook/X card fetch is not a reader),
 * monitoring and command-line clients. An empty user agent is not a browser either.
 */
const CRAWLER_UA =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|facebookcatalog|meta-externalagent|whatsapp|telegram|twitterbot|linkedinbot|pinterest|discord|slack|skype|embedly|quora link preview|vkshare|bingpreview|google-inspectiontool|googleother|apis-google|mediapartners|feedfetcher|feedparser|rss|lighthouse|pagespeed|uptime|monitor|pingdom|statuscake|headless|phantomjs|python-requests|python-urllib|aiohttp|httpx|curl\/|wget\/|libwww|go-http-client|okhttp|java\/|node-fetch|axios\/|undici|scrapy|ahrefs|semrush|mj12|dotbot|petalbot|yandex|baidu|bytespider|gptbot|ccbot|claudebot|anthropic|perplexity|amazonbot|applebot|duckduckbot|sogou|exabot|seznam|qwant|^$/i;

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

  constructor(private readonly store: PublicationStore) {}

  /** Counts and returns true when this reader has not been counted for `releaseId` today. */
  count(releaseId: string, ip: string, userAgent: string | undefined, nowIso: string): boolean {
    if (isCrawler(userAgent)) return false;
    const day = jakartaDay(nowIso);
    if (this.salt?.day !== day) this.salt = { day, salt: this.store.daySalt(day) };
    const salt = this.salt.salt;
    const visitor = createHash('sha256').update(salt).update('\0').update(ip).digest('base64url').slice(0, 22);
    return this.store.recordView(releaseId, day, visitor);
  }
}
