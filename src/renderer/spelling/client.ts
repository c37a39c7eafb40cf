import { SpellReplySchema, type SpellReply, type SpellRequest } from './messages';

type Pending = (reply: SpellReply) => void;
type Request =
  { kind: 'check'; words: string[] } | { kind: 'suggest'; word: string } | { kind: 'add'; words: string[] };

/**
 * The renderer's side of the spellcheck worker: remembers every word's verdict, so typing only
 * ever sends the words it has not seen yet, and the worker answers while the page stays free.
 */
class SpellClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly verdicts = new Map<string, boolean>();
  private readonly listeners = new Set<() => void>();
  /** Words accepted before the worker was started: it is handed them first when it starts. */
  private accepted: string[] = [];
  /** Time the dictionary took to load in the worker (ms), once it is ready. */
  loadMs: number | null = null;

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./spell.worker.ts', import.meta.url), { type: 'module', name: 'ejaan' });
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const parsed = SpellReplySchema.safeParse(event.data);
      if (!parsed.success) return;
      const reply = parsed.data;
      if (reply.kind === 'ready') this.loadMs = reply.loadMs;
      if ('id' in reply) {
        this.pending.get(reply.id)?.(reply);
        this.pending.delete(reply.id);
      }
    };
    this.worker = worker;
    // Before any question: the worker answers in order, so every check already knows them.
    if (this.accepted.length > 0) {
      worker.postMessage({ kind: 'add', words: this.accepted, id: this.nextId++ } satisfies SpellRequest);
      this.accepted = [];
    }
    return worker;
  }

  private ask(request: Request): Promise<SpellReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.start().postMessage({ ...request, id } satisfies SpellRequest);
    });
  }

  /** The verdict already known for a word: true = correct, false = doubted, undefined = not asked yet. */
  known(word: string): boolean | undefined {
    return this.verdicts.get(word);
  }

  /** Asks the worker about words not seen before; resolves once their verdicts are known. */
  async check(words: Iterable<string>): Promise<void> {
    const fresh = [...new Set(words)].filter((w) => !this.verdicts.has(w));
    if (fresh.length === 0) return;
    const reply = await this.ask({ kind: 'check', words: fresh });
    if (reply.kind !== 'checked') return;
    const wrong = new Set(reply.misspelled);
    for (const word of fresh) this.verdicts.set(word, !wrong.has(word));
  }

  async suggest(word: string): Promise<string[]> {
    const reply = await this.ask({ kind: 'suggest', word });
    return reply.kind === 'suggested' ? reply.suggestions : [];
  }

  /** Words accepted from now on (the office dictionary); open editors recheck. */
  async add(words: string[]): Promise<void> {
    const fresh = words.filter((w) => this.verdicts.get(w) !== true);
    if (fresh.length === 0) return;
    // The office's words arrive as a release opens: they must not start the worker (and its
    // dictionary load) before anything is checked; the worker takes them when it starts.
    if (this.worker) await this.ask({ kind: 'add', words: fresh });
    else this.accepted.push(...fresh);
    // A word's other forms (capitals) may have changed too: forget the doubted verdicts.
    for (const [word, ok] of this.verdicts) if (!ok) this.verdicts.delete(word);
    for (const word of fresh) this.verdicts.set(word, true);
    for (const listener of this.listeners) listener();
  }

  /** Called when the accepted words changed, so decorations are rebuilt. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const spellClient = new SpellClient();
