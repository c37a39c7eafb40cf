import Database from 'better-sqlite3';
const db = new Database(process.argv[2]!, { readonly: true });
const qs = ['"pemilu"*', '"rapat"* "pleno"*', '"rapat"* "pleno"* "terbuka"*', '"rekap"*', '"tps"*', '"sosialisasi"* "pem"*', '"sengketa"* "mahkamah"* "konstitusi"*'];
const time = (label: string, sql: string, params: (q: string) => unknown[]) => {
  const st = db.prepare(sql);
  const out: string[] = [];
  for (const q of qs) { st.all(...params(q)); const t0 = performance.now(); const n = st.all(...params(q)).length; out.push(`${(performance.now() - t0).toFixed(1)}(${n})`); }
  console.log(label.padEnd(14), out.join(' '));
};
console.log('rows', (db.prepare('select count(*) n from releases').get() as any).n);
time('count', 'SELECT count(*) FROM release_search WHERE release_search MATCH ?', (q) => [q]);
time('rowid100', 'SELECT rowid FROM release_search WHERE release_search MATCH ? ORDER BY rowid DESC LIMIT 100', (q) => [q]);
time('rank100', 'SELECT rowid FROM release_search WHERE release_search MATCH ? ORDER BY rank LIMIT 100', (q) => [q]);
time('rank100+snip', `SELECT rowid, highlight(release_search, 0, '[', ']'), snippet(release_search, 1, '[', ']', '…', 24), snippet(release_search, 2, '[', ']', '…', 24) FROM release_search WHERE release_search MATCH ? ORDER BY rank LIMIT 100`, (q) => [q]);
time('cutoff1000', 'SELECT rowid FROM release_search WHERE release_search MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET 999', (q) => [q]);
time('rank>=cut', 'SELECT rowid FROM release_search WHERE release_search MATCH ? AND rowid >= ? ORDER BY rank LIMIT 100', (q) => [q, 90000]);
