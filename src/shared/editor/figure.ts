import { Node, mergeAttributes } from '@tiptap/core';
import { isSha256 } from '../domain/digest';

export interface FigureOptions {
  /** Turns an attachment's sha256 into the URL its image is served from. */
  mediaUrl: (attachment: string) => string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      insertFigure: (attrs: { attachment: string; alt?: string; caption?: string; credit?: string }) => ReturnType;
    };
  }
}

const pastedAttachment = (el: {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}): string | null => {
  const ref = el.querySelector('img')?.getAttribute('data-attachment') ?? '';
  return isSha256(ref) ? ref : null;
};

/**
 * An image from disk, kept as a file in the data dir and referenced by its sha256 —
 * never inlined as base64 — with a caption and a photo credit ("Foto: …").
 */
export const Figure = Node.create<FigureOptions>({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,

  addOptions() {
    return { mediaUrl: (attachment: string) => `/media/${attachment}` };
  },

  addAttributes() {
    return {
      attachment: { default: null, parseHTML: (el) => pastedAttachment(el), renderHTML: () => ({}) },
      alt: {
        default: '',
        parseHTML: (el) => el.querySelector('img')?.getAttribute('alt') ?? '',
        renderHTML: () => ({}),
      },
      caption: {
        default: '',
        parseHTML: (el) => el.querySelector('.caption')?.textContent ?? '',
        renderHTML: () => ({}),
      },
      credit: {
        default: '',
        parseHTML: (el) => el.querySelector('.credit')?.textContent ?? '',
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    // A pasted figure must name one of our attachments by digest; anything else (a path, a URL)
    // is not an image this release owns and is left out rather than carried to HQ.
    return [{ tag: 'figure[data-type="figure"]', getAttrs: (el) => (pastedAttachment(el) ? null : false) }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { attachment, alt, caption, credit } = node.attrs as {
      attachment: string | null;
      alt: string;
      caption: string;
      credit: string;
    };
    const img = [
      'img',
      {
        src: attachment ? this.options.mediaUrl(attachment) : '',
        alt,
        'data-attachment': attachment ?? '',
        loading: 'lazy',
      },
    ];
    const parts: unknown[] = [];
    if (caption) parts.push(['span', { class: 'caption' }, caption]);
    if (credit) parts.push(['span', { class: 'credit' }, credit]);
    const figcaption = parts.length ? [['figcaption', {}, ...parts]] : [];
    return ['figure', mergeAttributes(HTMLAttributes, { 'data-type': 'figure' }), img, ...figcaption] as never;
  },

  addCommands() {
    return {
      insertFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
});
