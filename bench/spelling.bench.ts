/**
 * The spellchecker while typing in a 5,000-word release, in real Chromium against the built web
 * host (`npm run build` first): for each of 30 paragraphs, a misspelled word is typed at its end;
 * the latency is from the last keystroke until the word is underlined (this includes the 200 ms
 * pause the editor waits for before checking). Also: how long each keystroke holds the page
 * (keydown → next frame), the dictionary's load time in Node and in the page's worker (opening
 * the release → the first underline), and the house-style hints over the same text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, removeDir, rpc, startWebHost, tempDir } from '../tests/helpers';
import type { DocNode } from '../src/shared/domain';
import { docToPlainText } from '../src/shared/editor/text';
import { placeWords } from '../src/shared/spelling/glossary';
import { createSpeller } from '../src/shared/spelling/speller';
import { styleHints } from '../src/shared/style-hints';
import { record } from './lib/report';
import { sized } from './lib/scale';
import { quantile } from './lib/stats';

const PARAGRAPHS = sized({ full: 100, quick: 100, tiny: 10 });
const CHECKS = sized({ full: 30, quick: 10, tiny: 2 });
const RUNS = sized({ full: 3, quick: 1, tiny: 1 });

const root = join(import.meta.dirname, '..');
const read = (...p: string[]) => readFileSync(join(root, ...p), 'utf8');

const percentiles = (name: string, xs: number[], note: string): void => {
  for (const p of [0.5, 0.95])
    record({ suite: 'spelling', name: `${name} p${p * 100}`, value: quantile(xs, p), unit: 'ms', note });
};

// ~50 words per paragraph, 100 paragraphs: 5,000 words of varied, mostly correct Indonesian.
const SENTENCES = [
  'KPU Kabupaten Blora menggelar rapat pleno terbuka rekapitulasi hasil penghitungan suara di aula kantor.',
  'Rapat dihadiri oleh Bawaslu, saksi partai politik, pemantau pemilihan, dan perwakilan PPK dari setiap kecamatan.',
  'Ketua KPU menyampaikan bahwa seluruh tahapan berjalan lancar sesuai jadwal yang telah ditetapkan dalam PKPU.',
  'Petugas KPPS di setiap TPS telah menyerahkan formulir hasil penghitungan kepada PPS untuk direkapitulasi.',
  'Masyarakat dapat memantau data melalui Sirekap dan memeriksa namanya dalam DPT secara daring.',
];
const paragraphText = (i: number) =>
  `Paragraf ${i + 1}. ${[0, 1, 2].map((j) => SENTENCES[(i + j) % SENTENCES.length]).join(' ')} Kegiatan sosialisasi dilanjutkan pekan depan.`;
const body: DocNode = {
  type: 'doc',
  content: Array.from({ length: PARAGRAPHS }, (_, i) => ({
    type: 'paragraph',
    attrs: { id: `p${i}` },
    content: [{ type: 'text', text: paragraphText(i) }],
  })),
};

async function main(): Promise<void> {
  const text = docToPlainText(body);
  const size = `${text.split(/\s+/).length} words in ${PARAGRAPHS} paragraphs`;

  // Dictionary load in Node (the same work the worker does).
  const loads: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    createSpeller({ aff: read('resources/dictionaries/id_ID.aff'), dic: read('resources/dictionaries/id_ID.dic') }, [
      ...placeWords(read('node_modules/idn-area-data/data/provinces.csv')),
      ...placeWords(read('node_modules/idn-area-data/data/regencies.csv')),
    ]);
    loads.push(performance.now() - t);
  }
  percentiles('dictionary load in Node', loads, 'nspell, glossary and place names');

  const hints: number[] = [];
  for (let i = 0; i < RUNS * 3; i++) {
    const t = performance.now();
    styleHints(text);
    hints.push(performance.now() - t);
  }
  percentiles('house-style hints', hints, `${size}, main thread, after a 500 ms pause`);

  const dir = tempDir('warta-bench-spell-');
  const host = await startWebHost({ dataDir: dir });
  const browser = await launchChromium();
  try {
    const release = await rpc(host, 'createRelease', { fields: { title: 'Bench ejaan', date: '2025-12-04', body } });
    const page = await browser.newPage();
    await page.goto(await host.openUrl());
    const item = page.getByRole('list', { name: /rilis/i }).getByRole('listitem').filter({ hasText: 'Bench ejaan' });
    await item.waitFor();
    // Typing helpers in the page: the time of the last keydown, and the frame after each keydown.
    await page.evaluate(`(() => {
      window.__keys = [];
      document.addEventListener('keydown', () => {
        const t = performance.now();
        window.__lastKey = t;
        requestAnimationFrame(() => setTimeout(() => window.__keys.push(performance.now() - t), 0));
      }, true);
    })()`);
    const opened = Date.now();
    await item.getByRole('button').first().click();
    await page.locator('.ProseMirror').waitFor();
    // The body has misspellings only once we type them: the first check is the worker's load.
    await page.evaluate(`document.querySelector('.ProseMirror').focus()`);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' zzqawal');
    await page.locator('[aria-invalid="spelling"]', { hasText: 'zzqawal' }).waitFor({ timeout: 60_000 });
    record({
      suite: 'spelling',
      name: 'open → first underline',
      value: Date.now() - opened,
      unit: 'ms',
      note: `worker start, dictionary load and first check; release ${release.id}`,
    });

    const latencies: number[] = [];
    for (let i = 0; i < CHECKS; i++) {
      const word = `kqx${String.fromCharCode(97 + (i % 26))}pemilu${String.fromCharCode(97 + Math.floor(i / 26))}`;
      // The caret at the end of paragraph 3i.
      await page.evaluate(`(() => {
        const p = document.querySelectorAll('.ProseMirror > p')[${i * 3}];
        const range = document.createRange();
        range.selectNodeContents(p);
        range.collapse(false);
        const sel = getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
      })()`);
      await page.waitForTimeout(50);
      const seen = page.evaluate(`new Promise((resolve) => {
        const root = document.querySelector('.ProseMirror');
        const found = () => [...root.querySelectorAll('[aria-invalid="spelling"]')].some((e) => e.textContent === ${JSON.stringify(word)});
        const obs = new MutationObserver(() => {
          if (found()) { obs.disconnect(); resolve(performance.now() - window.__lastKey); }
        });
        obs.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      })`) as Promise<number>;
      await page.keyboard.type(` ${word}`, { delay: 30 });
      latencies.push(await seen);
    }
    const keys = (await page.evaluate('window.__keys')) as number[];
    percentiles('last keystroke → underline', latencies, `${size}, including the 200 ms pause`);
    percentiles('keystroke → next frame while checking', keys, 'the page never waits on the checker');
  } finally {
    await browser.close();
    host.kill();
    removeDir(dir);
  }
}

await main();
