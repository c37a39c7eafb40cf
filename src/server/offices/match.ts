import { getProvinces, getRegencies } from 'idn-area-data';

export interface OfficeMatch {
  /** The office name as stored ("KPU Kabupaten Blora"). */
  name: string;
  regencyCode: string | null;
  province: string;
  provinceCode: string | null;
  /** True when the name matched a regency/city (or province) of idn-area-data. */
  known: boolean;
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Match an office name against the real list of regencies/cities (and provinces, for a
 * "KPU Provinsi …" office). "KPU Kabupaten Blora", "Kabupaten Blora" and "kpu kab. blora" all
 * match "Kabupaten Blora" (Jawa Tengah). Unknown names are returned with `known: false`.
 */
export async function matchOffice(input: string, provinceHint?: string): Promise<OfficeMatch> {
  const cleaned = input.replace(/\s+/g, ' ').trim();
  let area = norm(cleaned).replace(/^kpu\s+/, '');
  area = area.replace(/^kab\.?\s+/, 'kabupaten ').replace(/^kota\s+adm\.?\s+/, 'kota administrasi ');
  const provinces = await getProvinces();
  const regencies = await getRegencies();
  const provinceByCode = new Map(provinces.map((p) => [p.code, p.name]));

  let candidates = regencies.filter((r) => norm(r.name) === area);
  if (candidates.length === 0 && !/^(kabupaten|kota)\s/.test(area)) {
    candidates = regencies.filter((r) => norm(r.name) === `kabupaten ${area}` || norm(r.name) === `kota ${area}`);
  }
  if (provinceHint && candidates.length > 1) {
    const hinted = candidates.filter((r) => norm(provinceByCode.get(r.province_code) ?? '') === norm(provinceHint));
    if (hinted.length > 0) candidates = hinted;
  }
  if (candidates.length >= 1) {
    const r = candidates[0]!;
    return {
      name: `KPU ${r.name}`,
      regencyCode: r.code,
      province: provinceByCode.get(r.province_code) ?? '',
      provinceCode: r.province_code,
      known: true,
    };
  }
  const provinceName = area.replace(/^provinsi\s+/, '');
  const province = provinces.find((p) => norm(p.name) === provinceName);
  if (province) {
    return {
      name: `KPU Provinsi ${province.name}`,
      regencyCode: null,
      province: province.name,
      provinceCode: province.code,
      known: true,
    };
  }
  const hinted = provinceHint ? provinces.find((p) => norm(p.name) === norm(provinceHint)) : undefined;
  return {
    name: cleaned,
    regencyCode: null,
    province: hinted ? hinted.name : (provinceHint?.trim() ?? ''),
    provinceCode: hinted?.code ?? null,
    known: false,
  };
}
