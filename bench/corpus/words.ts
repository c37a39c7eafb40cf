/** Vocabulary of a regional election office's releases, for sentences that read like one. */
export const WORDS = `
komisi pemilihan umum kabupaten kota provinsi rapat pleno terbuka rekapitulasi hasil penghitungan
suara tingkat kecamatan desa kelurahan tempat pemungutan panitia pemilihan kelompok penyelenggara
pemungutan badan pengawas saksi partai politik peserta calon anggota dewan perwakilan rakyat daerah
presiden wakil gubernur bupati wali pasangan nomor urut daftar pemilih tetap tambahan khusus
pindahan logistik kotak surat bilik tinta segel formulir salinan berita acara sertifikat sirekap
aplikasi unggah dokumen tahapan jadwal program anggaran sosialisasi pendidikan pemilih masyarakat
pemuda perempuan penyandang disabilitas relawan demokrasi media massa wartawan konferensi pers
ketua anggota sekretaris kepala bagian subbagian teknis hukum partisipasi hubungan sumber daya
manusia perencanaan data informasi keuangan umum logistik menggelar melaksanakan menyampaikan
mengumumkan menetapkan memastikan mengajak mengimbau menghadiri membuka menutup menandatangani
menerima menyerahkan mendistribusikan memverifikasi mencocokkan meneliti memperbaiki melaporkan
berjalan lancar aman tertib transparan akuntabel jujur adil langsung umum bebas rahasia sesuai
ketentuan peraturan undang-undang keputusan surat edaran petunjuk pelaksanaan teknis bersama
seluruh jajaran pihak terkait pemerintah kepolisian resor komando distrik militer forum koordinasi
pimpinan dinas kependudukan pencatatan sipil kantor aula gedung hotel balai kecamatan lapangan
pagi siang sore malam hari senin selasa rabu kamis jumat sabtu minggu januari februari maret april
mei juni juli agustus september oktober november desember tahun bulan pekan sebelumnya berikutnya
telah sedang akan masih sudah belum dapat harus perlu agar supaya karena sehingga namun tetapi
serta dengan untuk dari pada dalam oleh kepada terhadap antara sebagai yaitu yakni bahwa jika
apabila setelah sebelum selama hingga sampai sejak menurut berdasarkan terkait mengenai tentang
jumlah total sebanyak persen ribu juta orang lembar kotak titik lokasi wilayah daerah pemilihan
`
  .trim()
  .split(/\s+/);

export const PLACES = [
  'Blora',
  'Cepu',
  'Randublatung',
  'Jepon',
  'Kunduran',
  'Todanan',
  'Ngawen',
  'Banjarejo',
  'Tunjungan',
  'Japah',
] as const;

export const TAGS = [
  'pemilu',
  'pilkada',
  'rekapitulasi',
  'sosialisasi',
  'logistik',
  'dpt',
  'pleno',
  'sirekap',
] as const;
