/**
 * JSON with sorted keys, without `undefined`, and without empty `attrs`/`marks`/`content`
 * (TipTap omits them in some paths and writes them in others; they mean the same document).
 * Approval pins are SHA-256 digests of this text, stored on workstations and at HQ: any change
 * to the output invalidates every stored pin.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value)) ?? 'null';
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      if ((key === 'marks' || key === 'content') && Array.isArray(v) && v.length === 0) continue;
      if (key === 'attrs' && v && typeof v === 'object' && Object.keys(v).length === 0) continue;
      out[key] = normalize(v);
    }
    return out;
  }
  return value;
}
