/**
 * Office's conditional comments, before the HTML is parsed:
 * - downlevel-hidden `<!--[if gte vml 1]>…<![endif]-->` (VML shapes, Word's private XML) hold
 *   nothing a browser shows, and go with their content;
 * - downlevel-revealed markers (`<![if !supportLists]>`, `<!--[if !supportLists]-->`,
 *   `<![endif]>`, `<!--[endif]-->`) wrap what a browser does show (a list's written bullet, an
 *   image's fallback <img>): the markers go, the content stays for the next passes to judge.
 */
export function stripConditionalComments(html: string): string {
  return html
    .replace(/<!--\[if[^\]]*\]>[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--\[if[^\]]*\]-->|<!--\[endif\]-->|<!\[if[^\]]*\]>|<!\[endif\]>/gi, '');
}
