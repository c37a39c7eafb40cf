import { api } from '../api';

/** What heads every printed page: the office's name, and its logo, address and contacts when HQ set them. */
export interface Letterhead {
  officeName: string;
  address?: string;
  contact?: string;
  /** A URL the page can show (an attachment at /media/…, or a data: URL). */
  logo?: string;
}

/** The letterhead for this workstation: the enrolled office, else the office named on the release. */
export async function loadLetterhead(fallbackOffice: string): Promise<Letterhead> {
  const info = await api.getAppInfo({}).catch(() => null);
  return { officeName: info?.identity?.office || fallbackOffice || 'Komisi Pemilihan Umum' };
}
