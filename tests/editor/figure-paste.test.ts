import { generateJSON } from '@tiptap/html/server';
import { describe, expect, it } from 'vitest';
import { editorExtensions } from '../../src/shared/editor';

const sha = 'ab'.repeat(32);
const figure = (ref: string) =>
  `<figure data-type="figure"><img data-attachment="${ref}" alt="Rapat"><figcaption><span class="caption">Rapat pleno</span></figcaption></figure>`;

describe('pasting a figure', () => {
  it('keeps a figure that names one of our attachments by digest, with its caption', () => {
    const doc = generateJSON(`<p>Sebelum</p>${figure(sha)}`, editorExtensions());
    const fig = doc.content.find((n: { type: string }) => n.type === 'figure');
    expect(fig?.attrs).toMatchObject({ attachment: sha, alt: 'Rapat', caption: 'Rapat pleno' });
  });

  it('leaves out a figure whose attachment is a path or URL, keeping the rest of the paste', () => {
    for (const ref of ['../../etc/passwd', 'https://example.com/x.jpg', sha.toUpperCase(), '']) {
      const doc = generateJSON(`<p>Sebelum</p>${figure(ref)}<p>Sesudah</p>`, editorExtensions());
      expect(doc.content.map((n: { type: string }) => n.type)).not.toContain('figure');
      expect(JSON.stringify(doc)).toContain('Sesudah');
    }
  });
});
