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
import { record } from './lib/report';
import { sized } from './lib/scale';
import { quantile } from './lib/stats';

const ALL_BLOCK = Object.fromEntries(CHECKLIST_RULES.map((r) => [r, 'block'])) as ChecklistLevels;

function bodyOf(words: number): DocNode {
  const content: DocNode[] = [];
  for (let i = 0; countWords({ type: 'doc', content }) < words; i++) content.push(...(sampleBody(i).content ?? []));
  return { type: 'doc', content };
}

function measure(body: DocNode, runs: number): void {
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
  const words = countWords(body);
  for (const p of [0.5, 0.95])
    record({
      suite: 'checklist',
      name: `whole release p${p * 100}, ${words < 1000 ? 'short' : 'long'}`,
      value: quantile(times, p),
      unit: 'ms',
      note: `${words} words, ${runs} runs`,
    });
}

measure(bodyOf(sized({ full: 400, quick: 400, tiny: 100 })), sized({ full: 200, quick: 50, tiny: 5 }));
measure(bodyOf(sized({ full: 5000, quick: 5000, tiny: 1000 })), sized({ full: 100, quick: 20, tiny: 3 }));
