import type { OfficeProfile } from '../../shared/office';
import { api } from '../api';

/** What heads every printed page: the office's name, and its logo, address and contacts when HQ set them. */
export interface Letterhead {
  officeName: string;
  address?: string;
  contact?: string;
  /** A URL the page can show (a data: URL from the office profile). */
  logo?: string;
}

/** The letterhead HQ set for the office (synced), else the office's enrolled name, else the release's office. */
function letterheadOf(profile: OfficeProfile | null, enrolledOffice: string, releaseOffice: string): Letterhead {
  const set = profile?.letterhead;
  const contact = [set?.phone, set?.email, set?.website].filter((part): part is string => Boolean(part)).join(' · ');
  return {
    officeName: set?.officeName || profile?.name || enrolledOffice || releaseOffice || 'Komisi Pemilihan Umum',
    ...(set?.address ? { address: set.address } : {}),
    ...(contact ? { contact } : {}),
    ...(set?.logo ? { logo: set.logo } : {}),
  };
}

export async function loadLetterhead(releaseOffice: string): Promise<Letterhead> {
  const [profile, info] = await Promise.all([
    api.getOfficeProfile({}).catch(() => null),
    api.getAppInfo({}).catch(() => null),
  ]);
  return letterheadOf(profile, info?.identity?.office ?? '', releaseOffice);
}
