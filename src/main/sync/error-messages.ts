import { WartaError } from '../../shared/contract/define';
import { HqError } from './hq-client';

/** What the writer reads when enrollment fails: what went wrong and what to do about it. */
export function enrollError(error: unknown, url: string): WartaError {
  if (!(error instanceof HqError)) return new WartaError('internal', `Pendaftaran gagal: ${String(error)}`);
  if (error.kind === 'network') {
    return new WartaError(
      'network',
      `Server pusat di ${url} tidak dapat dihubungi. Periksa alamat dan sambungan internet, lalu coba lagi.`,
    );
  }
  switch (error.code) {
    case 'code_expired':
      return new WartaError(
        'unauthorized',
        'Kode pendaftaran sudah kedaluwarsa. Minta kode baru kepada admin server pusat.',
      );
    case 'code_used':
      return new WartaError(
        'unauthorized',
        'Kode pendaftaran sudah dipakai. Setiap kode hanya berlaku sekali; minta kode baru kepada admin.',
      );
    case 'unauthorized':
      return new WartaError(
        'unauthorized',
        'Kode pendaftaran salah. Periksa kembali kode yang diberikan admin server pusat.',
      );
    case 'invalid_input':
      return new WartaError(
        'invalid_input',
        'Kode pendaftaran tidak valid. Periksa kembali kode yang diberikan admin server pusat.',
      );
    default:
      if (error.kind === 'protocol' || error.status === 404) {
        return new WartaError('network', `Alamat ${url} tidak menjawab sebagai server pusat Warta. Periksa alamatnya.`);
      }
      return new WartaError('network', `Server pusat sedang bermasalah (${error.message}). Coba lagi sebentar lagi.`);
  }
}

export const notEnrolledError = (): WartaError =>
  new WartaError(
    'unauthorized',
    'Komputer ini belum terhubung ke server pusat. Buka Pengaturan, isi alamat server pusat dan kode pendaftaran, lalu tekan Hubungkan.',
  );

/** A revoked or unknown device token: retrying cannot help, the writer must reconnect. */
export const isTokenRefused = (error: unknown): boolean => error instanceof HqError && error.status === 401;

/** The status line after a failed run. */
export function runFailureMessage(error: unknown): string {
  if (isTokenRefused(error)) {
    return 'Server pusat menolak perangkat ini (token tidak berlaku atau dicabut). Hubungkan ulang di Pengaturan.';
  }
  return error instanceof Error ? error.message : String(error);
}
