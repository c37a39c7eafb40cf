import { STATUS_LABELS_ID } from '../domain/labels';
import type { ErrorMessages } from './format';

/** Indonesian, the first language: `WartaError.message` and logs use these. */
export const messagesId: ErrorMessages = {
  reasons: {
    internal: 'Terjadi kesalahan tak terduga. Coba lagi; jika berulang, laporkan kepada admin.',
    'contract.invalidInput': 'Permintaan {{method}} tidak valid.',
    'contract.unknownMethod': 'Perintah "{{method}}" tidak dikenal oleh layanan lokal.',
    'contract.notAvailable': '{{method}} belum tersedia di versi ini (not available in this build)',
    'dataDir.inUse':
      'Folder data {{dataDir}} sedang dipakai Warta lain (aplikasi desktop atau npm run web); tutup yang itu dulu. ' +
      '(The data dir is in use by another Warta process; close it first.)',
    'web.noSession':
      'Peramban ini belum tersambung ke Warta. Buka tautan yang dicetak saat Warta dijalankan, baris “Warta workstation: http://127.0.0.1:…”.',
    'store.dataDirNotWritable':
      'Folder data Warta tidak dapat ditulis: {{dataDir}} ({{code}}). Periksa izin folder itu atau pilih folder lain (--data-dir).',
    'store.cannotOpen': 'Basis data {{path}} tidak dapat dibuka: {{detail}}',
    'store.cannotPrepare': 'Basis data {{path}} tidak dapat disiapkan: {{detail}}',
    'store.newerSchema':
      'Basis data {{file}} dibuat oleh versi Warta yang lebih baru (skema {{found}}, versi ini mengenal sampai {{latest}}). ' +
      'Perbarui Warta; berkas ini tidak diubah.',
    'storage.diskFull':
      '{{action}} gagal: disk penuh. Kosongkan ruang disk lalu coba lagi; data yang sudah tersimpan aman.',
    'storage.readOnly': '{{action}} gagal: folder data tidak dapat ditulis ({{code}}).',
    'storage.ioError': '{{action}} gagal: kesalahan baca/tulis disk ({{code}}).',
    'storage.busy': '{{action}} gagal: basis data sedang dipakai proses lain. Coba lagi.',
    'release.notFound': 'Rilis {{id}} tidak ditemukan.',
    'release.changedSince': 'Rilis {{id}} sudah berubah sejak revisi lokal {{rev}}',
    'release.deleteLocked':
      'Rilis yang sudah atau akan terbit tidak dapat dihapus. Tarik dulu dari situs (peninjau atau admin).',
    'release.notInTrash': 'Rilis {{id}} tidak ada di Sampah.',
    'release.tooLarge':
      'Isi rilis terlalu panjang untuk disimpan (batasnya {{limitMb}} MB atau {{limitNodes}} paragraf dan potongan teks); persingkat atau pecah menjadi beberapa rilis.',
    'revision.notFound': 'Revisi {{rev}} dari rilis {{releaseId}} tidak ditemukan.',
    'backup.badName': '"{{name}}" bukan nama cadangan di folder cadangan.',
    'backup.notFound': 'Cadangan {{name}} tidak ditemukan di folder cadangan.',
    'backup.damaged': 'Cadangan {{name}} rusak ({{detail}}) dan tidak dipulihkan; data saat ini tidak berubah.',
    'image.notBase64': 'Data gambar bukan base64 yang sah.',
    'image.tooLarge': 'Gambar "{{name}}" terlalu besar ({{sizeMb}} MB); batasnya {{limitMb}} MB.',
    'image.empty': 'Berkas "{{name}}" kosong.',
    'image.notAnImage':
      'Berkas "{{name}}" bukan gambar yang didukung (isinya bukan JPEG, PNG, WebP atau GIF, apa pun nama berkasnya).',
    'docx.tooLarge':
      'Berkas "{{name}}" terlalu besar ({{sizeMb}} MB); dokumen Word paling besar {{limitMb}} MB. Tidak ada yang diimpor.',
    'docx.unpackedTooLarge':
      'Berkas "{{name}}" berisi lebih dari {{limitMb}} MB setelah dibuka, jauh lebih besar dari dokumen Word biasa. Berkas tidak dibuka dan tidak ada yang diimpor.',
    'docx.empty': 'Berkas "{{name}}" kosong. Tidak ada yang diimpor.',
    'docx.notDocx':
      'Berkas "{{name}}" bukan dokumen Word (.docx). Simpan dari Word sebagai .docx lalu coba lagi. Tidak ada yang diimpor.',
    'docx.executable':
      'Berkas "{{name}}" adalah program, bukan dokumen Word. Berkas tidak dibuka dan tidak ada yang diimpor.',
    'docx.encrypted':
      'Berkas "{{name}}" dilindungi kata sandi (atau berformat .doc lama). Buka di Word, hapus kata sandinya atau simpan sebagai .docx, lalu coba lagi. Tidak ada yang diimpor.',
    'docx.corrupt': 'Berkas "{{name}}" rusak dan tidak dapat dibaca sebagai dokumen Word. Tidak ada yang diimpor.',
    'review.threadNotFound': 'Utas komentar tidak ditemukan.',
    'review.paragraphNotFound': 'Paragraf yang dipilih tidak ditemukan; simpan dulu lalu pilih teks lagi.',
    'review.selectWithinParagraph': 'Pilih teks di dalam satu paragraf untuk dikomentari.',
    'review.selectWords': 'Pilih kata-kata yang ingin dikomentari.',
    'workflow.noChange': 'Rilis sudah berstatus {{status}}.',
    'workflow.notAllowed': 'Tidak dapat mengubah status dari {{from}} ke {{to}}.',
    'workflow.forbiddenRole': 'Peran {{role}} tidak boleh mengubah status ke {{to}}.',
    'workflow.stale': 'Rilis telah berubah sejak Anda membukanya. Muat ulang dan periksa versi terbaru.',
    'workflow.pendingSuggestions': 'Masih ada {{count}} saran suntingan yang belum diterima atau ditolak.',
    'workflow.notApproved': 'Versi ini belum disetujui; setujui dulu sebelum menerbitkan.',
    'workflow.scheduleOnlyOnPublish': 'Waktu terbit hanya dapat dipilih saat menerbitkan.',
    'workflow.badSchedule': 'Waktu terbit tidak valid.',
    'checklist.blocked':
      'Belum bisa: daftar periksa masih gagal pada {{rules}}. Lengkapi dulu (lihat “Daftar periksa”).',
    'workflow.approvalInvalidated':
      'Rilis diubah setelah disetujui, sehingga kembali ke status Diajukan dan perlu ditinjau ulang.',
    'workflow.embargoCancelled':
      'Rilis diubah sebelum waktu terbitnya, sehingga penerbitan dibatalkan dan rilis kembali ke status Diajukan.',
    'sync.badUrl': 'Alamat server pusat tidak valid. Contoh: https://pusat.kpu.go.id',
    'sync.urlNotHttp': 'Alamat server pusat harus diawali http:// atau https://',
    'sync.urlHasCredentials': 'Alamat server pusat tidak boleh memuat nama pengguna atau sandi',
    'sync.notInConflict': 'Rilis ini tidak sedang berkonflik.',
    'sync.releaseNotFound': 'Rilis tidak ditemukan.',
    'sync.unresolvedParts': 'Masih ada bagian yang belum dipilih: {{parts}}',
    'sync.invalidResolution': 'Hasil penyelesaian konflik tidak valid.',
    'sync.notEnrolled':
      'Komputer ini belum terhubung ke server pusat. Buka Pengaturan, isi alamat server pusat dan kode pendaftaran, lalu tekan Hubungkan.',
    'sync.enrollFailed': 'Pendaftaran gagal: {{detail}}',
    'sync.unreachable':
      'Server pusat di {{url}} tidak dapat dihubungi. Periksa alamat dan sambungan internet, lalu coba lagi.',
    'sync.codeExpired': 'Kode pendaftaran sudah kedaluwarsa. Minta kode baru kepada admin server pusat.',
    'sync.codeUsed': 'Kode pendaftaran sudah dipakai. Setiap kode hanya berlaku sekali; minta kode baru kepada admin.',
    'sync.codeWrong': 'Kode pendaftaran salah. Periksa kembali kode yang diberikan admin server pusat.',
    'sync.codeInvalid': 'Kode pendaftaran tidak valid. Periksa kembali kode yang diberikan admin server pusat.',
    'sync.notWartaServer': 'Alamat {{url}} tidak menjawab sebagai server pusat Warta. Periksa alamatnya.',
    'sync.serverTrouble': 'Server pusat sedang bermasalah ({{detail}}). Coba lagi sebentar lagi.',
    'updates.downloadFailed':
      'Unduhan pembaruan terhenti ({{detail}}); akan dilanjutkan setelah sinkronisasi berikutnya.',
    'updates.tampered': 'Berkas pembaruan {{file}} tidak cocok dengan sidik (sha512) dari server pusat dan ditolak.',
    'updates.notReady': 'Belum ada pembaruan yang siap dipasang.',
    'updates.unsyncedChanges':
      'Masih ada {{count}} perubahan yang belum tersinkron ke server pusat. Tetap mulai ulang untuk memperbarui?',
    'updates.notSupported': 'Pembaruan otomatis hanya tersedia di aplikasi desktop yang terpasang.',
    'support.nothingToSend': 'Tidak ada log dari {{days}} hari terakhir untuk dikirim.',
    'sync.deviceRefused':
      'Server pusat menolak perangkat ini (token tidak berlaku atau dicabut). Hubungkan ulang di Pengaturan.',
    'notice.dbDamagedSalvaged':
      'Basis data rusak ({{damage}}) dan telah disisihkan tanpa dihapus: {{aside}}. {{count}} rilis berhasil diselamatkan ke basis data baru.',
    'notice.dbDamagedUnreadable':
      'Basis data rusak ({{damage}}) dan telah disisihkan tanpa dihapus: {{aside}}. Isinya tidak dapat dibaca sama sekali.',
    'notice.dbEarlierSalvaged':
      'Basis data yang rusak dan telah disisihkan tanpa dihapus: {{aside}}. {{count}} rilis berhasil diselamatkan ke basis data baru.',
    'notice.dbEarlierUnreadable':
      'Basis data yang rusak dan telah disisihkan tanpa dihapus: {{aside}}. Isinya tidak dapat dibaca sama sekali.',
    'syncLog.connected': 'Terhubung ke {{url}} sebagai {{name}} ({{office}}).',
    'syncLog.disconnected': 'Sambungan ke server pusat diputus. Rilis di komputer ini tetap tersimpan.',
    'syncLog.awaitingConfirmation': 'Sinkronisasi menunggu konfirmasi penghapusan.',
    'syncLog.finished':
      'Sinkronisasi selesai: {{pushed}} terkirim, {{uploaded}} lampiran, {{pulled}} diterima, {{conflicts}} konflik, {{rejected}} ditolak.',
    'syncLog.failed': 'Sinkronisasi gagal: {{detail}}',
    'syncLog.officeWordsRefused': 'Server pusat menolak kata untuk kamus kantor ({{words}}): {{detail}}',
    'syncLog.deviceRefused':
      'Sinkronisasi gagal: Server pusat menolak perangkat ini (token tidak berlaku atau dicabut). Hubungkan ulang di Pengaturan.',
    'syncLog.conflictResolved': 'Konflik diselesaikan; hasilnya dikirim pada sinkronisasi berikutnya.',
    'syncLog.attachmentMissingHere':
      'Lampiran {{sha}}… tidak ada di komputer ini; rilis yang memakainya mungkin ditolak.',
    'syncLog.attachmentResent': 'Lampiran belum ada di server pusat; dikirim ulang. ({{detail}})',
    'syncLog.conflict': 'Konflik: {{blocks}} blok dan {{fields}} isian diubah di dua tempat.',
    'syncLog.deletedAtHqKept': 'Rilis sudah dihapus di server pusat; salinan lokal disimpan.',
    'syncLog.deletedHereChangedAtHq':
      'Rilis yang dihapus di sini telah diubah di server pusat; versi pusat dipulihkan.',
    'syncLog.deletedAtHqUnsent':
      'Rilis dihapus di server pusat, tetapi ada perubahan lokal yang belum terkirim; salinan lokal disimpan.',
    'syncLog.deletedAtHqBy': 'Rilis dihapus di server pusat oleh {{name}}.',
    'syncLog.deleteRefusedPublic':
      'Server pusat menolak penghapusan karena rilis ini sudah atau akan terbit; rilis dikembalikan.',
    'syncLog.massDeleteStopped':
      'Sinkronisasi berhenti: {{deletes}} dari {{total}} rilis akan dihapus. Menunggu konfirmasi.',
    'syncLog.seqAdjusted': 'Nomor urut kiriman disesuaikan dengan server pusat (mulai {{from}}).',
    'syncLog.rejectedBecause': 'Ditolak server pusat ({{code}}): {{detail}}',
    'syncLog.rejected': 'Ditolak server pusat: {{detail}}',
    'syncLog.transitionRejected': 'Perubahan status ditolak: {{detail}}',
    'syncLog.commentRejectedBecause': 'Komentar ditolak server pusat ({{code}}): {{detail}}',
    'syncLog.commentRejected': 'Komentar ditolak server pusat: {{detail}}',
  },
  codes: {
    invalid_input: 'Permintaan tidak valid.',
    unknown_method: 'Perintah tidak dikenal oleh layanan lokal.',
    not_found: 'Data yang diminta tidak ditemukan.',
    conflict: 'Data sudah berubah di tempat lain. Muat ulang lalu coba lagi.',
    too_large: 'Berkas terlalu besar.',
    unsupported_media: 'Jenis berkas tidak didukung.',
    storage: 'Penyimpanan lokal bermasalah.',
    forbidden: 'Anda tidak berhak melakukan ini.',
    unauthorized: 'Komputer ini belum terhubung ke server pusat.',
    network: 'Server tidak dapat dihubungi.',
    needs_confirmation: 'Tindakan ini perlu dikonfirmasi.',
    internal: 'Terjadi kesalahan tak terduga. Coba lagi; jika berulang, laporkan kepada admin.',
  },
  actions: {
    createRelease: 'Membuat rilis',
    openRelease: 'Membuka rilis',
    saveRelease: 'Menyimpan rilis',
    deleteRelease: 'Menghapus rilis',
    listTrash: 'Membuka Sampah',
    restoreRelease: 'Memulihkan rilis',
    listReleases: 'Memuat daftar rilis',
    searchReleases: 'Mencari rilis',
    listRevisions: 'Memuat riwayat',
    openRevision: 'Membuka revisi',
    restoreRevision: 'Memulihkan revisi',
    restoreBackup: 'Memulihkan cadangan',
    importImage: 'Mengimpor gambar',
    backup: 'Mencadangkan',
    listComments: 'Memuat komentar',
    addComment: 'Mengirim komentar',
    replyToComment: 'Mengirim balasan',
    resolveThread: 'Menyelesaikan komentar',
    reopenThread: 'Membuka kembali komentar',
    getWorkflow: 'Memuat status rilis',
    transition: 'Mengubah status rilis',
    listAudit: 'Memuat jejak audit',
    reviewQueue: 'Memuat antrean tinjauan',
  },
  statuses: STATUS_LABELS_ID,
  // The role keys are the Indonesian words themselves.
  roles: { penulis: 'penulis', peninjau: 'peninjau', admin: 'admin' },
  checklistRules: {
    headline: 'panjang judul',
    dateline: 'tempat dateline',
    date: 'hari dan tanggal',
    images: 'teks alternatif, keterangan dan kredit foto',
    quote: 'kutipan bernama',
    contact: 'narahubung',
    wordCount: 'jumlah kata',
    openReview: 'komentar atau usulan yang masih terbuka',
  },
};
