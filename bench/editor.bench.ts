/**
 * The editor and the library in real Chromium against the built web host (`npm run build`
 * first), at office scale:
 *
 * - keystroke to paint: typing at the end of a paragraph in the middle of a 20,000-word
 *   release. For each keystroke, from the keydown event's own timestamp (so time the key
 *   waited behind earlier work counts) to the end of the next frame's rendering update: a
 *   requestAnimationFrame callback runs just before that frame's style, layout and paint,
 *   and a message posted from it is delivered only after them — the moment the typed
 *   character is handed to the compositor. (The Event Timing API would say the same, but
 *   only for events of 16 ms and more, in 8 ms steps: too coarse for a 16 ms target.)
 *   Typing goes at a brisk writer's pace with a pause after each phrase, so the work the
 *   editor defers to a pause (spelling, counts, hints, checklist, autosave) runs too and any
 *   keystroke it holds up is counted.
 * - cold start: a fresh browser context (empty cache) opens the one-time link; from the
 *   navigation's start to the moment a character typed into the body of the release clicked
 *   in the library is in the page. Measured in the page (performance.now() counts from the
 *   navigation's start, redirect included), so the harness's own round trips do not count
 *   once the character has been sent.
 * - renderer heap: the JS heap after a garbage collection, with the library of 10,000
 *   releases on screen (CDP Runtime.getHeapUsage).
 *
 * The 10,000 library releases are written straight into the store before the host starts
 * (through the store's own create handler, in transactions: the page is what is measured,
 * not how fast the library was filled); the long release is created through the host's HTTP
 * contract, as the page would.
 */
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, removeDir, rpc, startWebHost, tempDir, type RunningWebHost } from '../tests/helpers';
import type { DocNode } from '../src/shared/domain/doc';
import { countWords } from '../src/shared/editor/text';
import { openStore } from '../src/main/store';
import { createReleaseHandlers } from '../src/main/services/releases';
import { record, recordSummary } from './lib/report';
import { sized } from './lib/scale';
import { quantile, summarize } from './lib/stats';

const LIBRARY = sized({ full: 10_000, quick: 2_000, tiny: 100 });
const LONG_WORDS = sized({ full: 20_000, quick: 20_000, tiny: 500 });
const KEYSTROKES = sized({ full: 200, quick: 120, tiny: 20 });
const COLD_RUNS = sized({ full: 5, quick: 3, tiny: 1 });
const LONG_TITLE = 'Rekapitulasi panjang untuk pengukuran';

const WORDS = (
  'pemilu pemilihan umum komisi kabupaten kota provinsi rapat pleno terbuka rekapitulasi suara hasil penetapan daftar ' +
  'pemilih tetap sosialisasi tahapan logistik kotak surat distribusi gudang panitia kecamatan desa kelurahan anggota ' +
  'ketua sekretaris divisi teknis penyelenggaraan hukum pengawasan partai politik calon bupati gubernur kampanye debat ' +
  'publik masyarakat warga relawan demokrasi partisipasi pendaftaran verifikasi dokumen laporan anggaran pelantikan ' +
  'petugas pemungutan penghitungan tempat formulir salinan saksi keberatan jadwal agenda kegiatan kunjungan koordinasi'
).split(' ');

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}
const rand = lcg(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const sentence = (n: number): string => {
  const text = Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};
const text = (t: string) => ({ type: 'text', text: t });
let blocks = 0;
// Blocks carry ids, as in every release the editor has saved once (it gives each block one).
const attrs = (more: Record<string, unknown> = {}) => ({ ...more, id: `b${(blocks += 1)}` });
const paragraph = (t: string): DocNode => ({ type: 'paragraph', attrs: attrs(), content: [text(t)] });

/** A release body of about `words` words: paragraphs of ~50 words, a heading and a list now and then. */
function longBody(words: number): DocNode {
  const content: DocNode[] = [];
  for (let i = 0; countWords({ type: 'doc', content }) < words; i += 1) {
    if (i % 20 === 0) content.push({ type: 'heading', attrs: attrs({ level: 2 }), content: [text(sentence(5))] });
    if (i % 15 === 7) {
      content.push({
        type: 'bulletList',
        attrs: attrs(),
        content: [0, 1, 2].map(() => ({ type: 'listItem', attrs: attrs(), content: [paragraph(sentence(8))] })),
      });
    }
    content.push(paragraph(`${sentence(12)} ${sentence(20)} ${sentence(18)}`));
  }
  return { type: 'doc', content };
}

async function seedLibrary(dataDir: string, count: number): Promise<void> {
  const store = openStore({ dataDir });
  const h = createReleaseHandlers(store);
  try {
    for (let at = 0; at < count; at += 500) {
      store.db.transaction(() => {
        for (let i = at; i < Math.min(count, at + 500); i += 1) {
          const body: DocNode = { type: 'doc', content: [0, 1, 2, 3].map(() => paragraph(sentence(40))) };
          void h.createRelease({ fields: { title: `${sentence(6)} ${i}`, summary: sentence(15), body } });
        }
      })();
    }
  } finally {
    store.close();
  }
}

/** Opens the long release from the library and waits for its body to be editable. */
async function openLong(page: Page): Promise<void> {
  await page.getByRole('list', { name: /rilis/i }).getByRole('button').filter({ hasText: LONG_TITLE }).first().click();
  // A CSS selector: a role query walks the whole (long) body, which would be timed too.
  await page.locator('.ProseMirror[role="textbox"]').waitFor();
}

/** Puts the caret at the end of the body's paragraph `index` (counted among top-level paragraphs). */
async function caretAtEndOf(page: Page, index: number): Promise<void> {
  await page.evaluate(`(() => {
    const body = document.querySelector('.ProseMirror');
    const paragraphs = body.querySelectorAll(':scope > p');
    const p = paragraphs[Math.min(${index}, paragraphs.length - 1)];
    body.focus();
    p.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(p);
    range.collapse(false);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  })()`);
}

async function coldStart(browser: Browser, host: RunningWebHost): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(await host.openUrl(), { waitUntil: 'commit' });
    await openLong(page);
    // The mark is set by the page the moment the character lands in the body.
    await page.evaluate(`(() => {
      const body = document.querySelector('.ProseMirror');
      new MutationObserver((records, observer) => {
        if (records.some((r) => (r.target.textContent || '').includes('§'))) {
          window.__typedAt = performance.now();
          observer.disconnect();
        }
      }).observe(body, { subtree: true, childList: true, characterData: true });
      body.focus();
    })()`);
    await page.keyboard.type('§');
    return await page.waitForFunction('window.__typedAt').then(async (handle) => (await handle.jsonValue()) as number);
  } finally {
    await context.close();
  }
}

async function keystrokes(browser: Browser, host: RunningWebHost): Promise<number[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(await host.openUrl());
    await openLong(page);
    // Let the first spelling pass, counts and hints settle: typing starts on an idle page.
    await page.waitForTimeout(sized({ full: 3000, quick: 2000, tiny: 500 }));
    const paragraphs = (await page.evaluate(`document.querySelectorAll('.ProseMirror > p').length`)) as number;
    await caretAtEndOf(page, Math.floor(paragraphs / 2));
    await page.evaluate(`(() => {
      window.__paint = [];
      window.addEventListener('keydown', (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => window.__paint.push(performance.now() - start);
          channel.port2.postMessage(null);
        });
      }, true);
    })()`);
    let typed = 0;
    while (typed < KEYSTROKES) {
      const phrase = ` ${sentence(6)}`.slice(0, KEYSTROKES - typed);
      // About 12 characters a second, then a pause long enough for the deferred work.
      await page.keyboard.type(phrase, { delay: 80 });
      typed += phrase.length;
      await page.waitForTimeout(sized({ full: 700, quick: 700, tiny: 100 }));
    }
    return (await page.evaluate('window.__paint')) as number[];
  } finally {
    await context.close();
  }
}

async function libraryHeap(browser: Browser, host: RunningWebHost): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(await host.openUrl());
    await page.getByRole('list', { name: /rilis/i }).getByRole('listitem').first().waitFor();
    await page.waitForTimeout(1000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1048576;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const dir = tempDir('warta-bench-editor-');
  let host: RunningWebHost | null = null;
  let browser: Browser | null = null;
  try {
    const seeded = performance.now();
    await seedLibrary(dir, LIBRARY);
    console.log(`library: ${LIBRARY} releases written in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    host = await startWebHost({ dataDir: dir });
    const body = longBody(LONG_WORDS);
    await rpc(host, 'createRelease', { fields: { title: LONG_TITLE, date: '2025-12-04', body } });
    const words = countWords(body);
    console.log(`long release: ${words} words, ${(JSON.stringify(body).length / 1024).toFixed(0)} KB of JSON`);
    browser = await launchChromium();

    const cold: number[] = [];
    for (let run = 0; run < COLD_RUNS; run += 1) cold.push(await coldStart(browser, host));
    recordSummary(
      {
        suite: 'editor',
        name: 'cold start',
        unit: 'ms',
        target: { op: '<=', value: 1000 },
        note: `fresh context → ${words}-word release open from a ${LIBRARY}-release library, a typed character in it`,
      },
      summarize(cold),
    );

    const paints = await keystrokes(browser, host);
    const note = `${paints.length} keystrokes at the end of a paragraph of a ${words}-word release`;
    record({ suite: 'editor', name: 'keystroke to paint p50', value: quantile(paints, 0.5), unit: 'ms', note });
    record({
      suite: 'editor',
      name: 'keystroke to paint p95',
      value: quantile(paints, 0.95),
      unit: 'ms',
      target: { op: '<=', value: 16 },
      note: `${note}; max ${Math.max(...paints).toFixed(1)} ms`,
    });

    record({
      suite: 'editor',
      name: 'renderer heap',
      value: await libraryHeap(browser, host),
      unit: 'MB',
      note: `JS heap after GC, library of ${LIBRARY} releases on screen`,
    });
  } finally {
    await browser?.close();
    await host?.kill();
    removeDir(dir);
  }
}

await main();
