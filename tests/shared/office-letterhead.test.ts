import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { OfficeProfileSchema } from '../../src/shared/office';

const office = {
  id: '6f1c2a7e-0000-4000-8000-000000000001',
  name: 'KPU Kabupaten Blora',
  province: 'Jawa Tengah',
  provinceCode: '33',
  regencyCode: '33.16',
  timeZone: 'WIB',
};

describe('the letterhead office setting', () => {
  it('carries the letterhead with a real PNG logo, filling contacts it does not name', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
      .png()
      .toBuffer();
    const logo = `data:image/png;base64,${png.toString('base64')}`;
    const profile = OfficeProfileSchema.parse({ ...office, letterhead: { address: 'Jl. Pemuda No. 5, Blora', logo } });
    expect(profile.letterhead).toEqual({ address: 'Jl. Pemuda No. 5, Blora', phone: '', email: '', website: '', logo });
  });

  it.each([
    [
      'a logo that is HTML under an image label',
      `data:image/png;base64,${Buffer.from('<script>x</script>').toString('base64')}`,
    ],
    ['an SVG logo (it could carry script)', `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`],
    ['a logo on the web', 'https://example.com/logo.png'],
    ['a logo too large to travel in every sync', `data:image/png;base64,iVBORw0KGgo${'A'.repeat(200_000)}`],
  ])('refuses %s', (_label, logo) => {
    expect(OfficeProfileSchema.safeParse({ ...office, letterhead: { logo } }).success).toBe(false);
  });

  it('refuses an address longer than a letterhead holds', () => {
    expect(OfficeProfileSchema.safeParse({ ...office, letterhead: { address: 'x'.repeat(301) } }).success).toBe(false);
  });
});
