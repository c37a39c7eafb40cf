import type { ChecklistFields } from '../../../src/shared/checklist';
import { doc, paragraph } from '../../helpers/docs';

/** The paragraphs of a well-formed KPU release, as the seed data writes them (about 190 words). */
export const WELL_FORMED_PARAGRAPHS: [string, string][] = [
  [
    'p1',
    'Komisi Pemilihan Umum (KPU) Kabupaten Blora menggelar rapat pleno terbuka rekapitulasi daftar pemilih tetap pada Kamis (4/12/2025) di aula kantor KPU Kabupaten Blora. Rapat dihadiri oleh Bawaslu, perwakilan partai politik, unsur pemerintah daerah dan panitia pemilihan kecamatan dari seluruh kecamatan.',
  ],
  [
    'p2',
    'Dalam rapat tersebut, KPU Kabupaten Blora menetapkan jumlah pemilih tetap sebanyak 712.345 orang yang tersebar di enam belas kecamatan dan dua ratus sembilan puluh lima desa serta kelurahan. Angka ini naik dibandingkan dengan pemilihan sebelumnya karena bertambahnya pemilih pemula.',
  ],
  [
    'p3',
    '\u201cKami mengajak seluruh masyarakat untuk memeriksa namanya di daftar pemilih, baik melalui laman resmi maupun di kantor desa. Jika belum terdaftar, segera laporkan kepada petugas,\u201d ujar Ketua KPU Kabupaten Blora, Muhammad Ali, saat menutup rapat pleno.',
  ],
  [
    'p4',
    'Ia menambahkan bahwa pemutakhiran data pemilih dilakukan secara berkelanjutan bersama pemerintah desa, dinas kependudukan dan pencatatan sipil, serta Bawaslu. Masyarakat juga dapat menyampaikan tanggapan atas daftar pemilih melalui posko yang dibuka di setiap kantor panitia pemilihan kecamatan selama jam kerja.',
  ],
  [
    'p5',
    'Rapat pleno ditutup dengan penandatanganan berita acara oleh seluruh anggota KPU Kabupaten Blora dan penyerahan salinan kepada peserta rapat yang hadir.',
  ],
  [
    'p6',
    'Daftar pemilih tetap yang telah ditetapkan akan diumumkan di setiap desa dan kelurahan agar dapat dilihat langsung oleh masyarakat sebelum hari pemungutan suara.',
  ],
];

/** A release every rule of the checklist passes. */
export function wellFormed(over: Partial<ChecklistFields> = {}): ChecklistFields {
  return {
    title: 'KPU Blora Tetapkan 712.345 Pemilih Tetap',
    dateline: 'Blora',
    date: '2025-12-04',
    summary: 'KPU Kabupaten Blora menetapkan daftar pemilih tetap.',
    leadImage: {
      attachment: 'a'.repeat(64),
      alt: 'Anggota KPU menandatangani berita acara',
      caption: 'Penandatanganan berita acara rapat pleno.',
      credit: 'Humas KPU Blora',
    },
    body: doc(...WELL_FORMED_PARAGRAPHS.map(([id, text]) => paragraph(id, text))),
    contact: { name: 'Siti Aminah', role: 'Kasubbag Teknis', phone: '0812-3456-7890' },
    ...over,
  };
}

/** The same release with one paragraph's text replaced. */
export function withParagraph(id: string, text: string): ChecklistFields {
  return wellFormed({
    body: doc(...WELL_FORMED_PARAGRAPHS.map(([pid, t]) => paragraph(pid, pid === id ? text : t))),
  });
}
