/**
 * The checklist's cost: the side panel reruns every rule over the whole release after each
 * pause in typing, and the workstation and HQ once per submit/publish. Figures for a
 * 5,000-word release (the corpus's realistic paragraphs, repeated) and for one of ~400 words.
 */
import { performance } from 'node:perf_hooks';
import { CHECKLIST_RULES, runChecklist, type ChecklistLevels } from '../src/shared/checklist';
import type { DocNode } from '../src/shared/domain/doc';
import { countWords } from '../src/shared/editor/text';
import { sampleBody } from './corpus';

const ALL_BLOCK = Object.fromEntries(CHECKLIST_RULES.map((r) => [r, 'block'])) as ChecklistLevels;

function bodyOf(words: number): DocNode {
  const content: DocNode[] = [];
  for (let i = 0; countWords({ type: 'doc', content }) < words; i++) content.push(...(sampleBody(i).content ?? []));
  return { type: 'doc', content };
}

function measure(label: string, body: DocNode, runs: number): void {
  const fields = {
    title: 'KPU Blora Tetapkan Daftar Pemilih Tetap',
    dateline: 'Blora',
    date: '2025-12-04',
    summary: '',
    leadImage: null,
    body,
    contact: { name: 'Siti', role: '', phone: '0812' },
  };
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    runChecklist({ fields, openComments: 0 }, ALL_BLOCK);
    if (i >= 5) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(`${label} (${countWords(body)} words): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms over ${runs} runs`);
}

measure('checklist, whole release', bodyOf(400), 200);
measure('checklist, whole release', bodyOf(5000), 100);
