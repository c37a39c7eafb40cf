import type { DocNode } from '../domain/doc';
import type { Template } from './schema';

const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const h = (text: string): DocNode => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

const OPENING =
  '[Paragraf pembuka: siapa, melakukan apa, kapan dan di mana. Tulis hari dan tanggal seperti Kamis (4/12/2025).]';
const QUOTE = '\u201c[Kutipan pejabat],\u201d ujar [Nama], [Jabatan].';
const CLOSING = '[Paragraf penutup: ajakan kepada masyarakat dan ke mana bertanya lebih lanjut.]';

/** The kinds of release every office writes, shipped with the app. Names are their accessible names. */
export const BUILTIN_TEMPLATES: readonly (Template & { id: string })[] = [
  {
    id: 'siaran-pers',
    name: 'Siaran pers',
    category: 'siaran-pers',
    title: '',
    summary: '',
    tags: [],
    body: doc(p(OPENING), p(QUOTE), p('[Paragraf isi: rincian, angka dan dasar hukum.]'), p(CLOSING)),
    needs: ['dateline', 'date', 'quote', 'contact', 'images'],
  },
  {
    id: 'undangan-peliputan',
    name: 'Undangan peliputan',
    category: 'pengumuman',
    title: 'Undangan Peliputan: [Nama kegiatan]',
    summary: '',
    tags: ['undangan peliputan'],
    body: doc(
      p('[Pembuka: KPU mengundang rekan media untuk meliput kegiatan berikut.]'),
      h('Waktu dan tempat'),
      p('Hari, tanggal: [Kamis (4/12/2025)]'),
      p('Pukul: [09.00 WIB] sampai selesai'),
      p('Tempat: [Alamat lengkap]'),
      h('Agenda'),
      p('[Agenda kegiatan]'),
      p('[Penutup: konfirmasi kehadiran kepada narahubung.]'),
    ),
    needs: ['date', 'contact'],
  },
  {
    id: 'pengumuman',
    name: 'Pengumuman',
    category: 'pengumuman',
    title: 'Pengumuman [Nomor dan perihal]',
    summary: '',
    tags: ['pengumuman'],
    body: doc(
      p('[Dasar: peraturan atau keputusan yang menjadi dasar pengumuman.]'),
      p('[Isi pengumuman: apa yang diumumkan, kepada siapa, dan batas waktunya.]'),
      p(CLOSING),
    ),
    needs: ['date', 'contact'],
  },
  {
    id: 'berita-kegiatan',
    name: 'Berita kegiatan',
    category: 'kegiatan',
    title: '',
    summary: '',
    tags: [],
    body: doc(p(OPENING), p('[Jalannya kegiatan: siapa yang hadir, apa yang dibahas.]'), p(QUOTE), p(CLOSING)),
    needs: ['dateline', 'date', 'quote', 'images', 'wordCount'],
  },
];
