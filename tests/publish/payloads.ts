import type { DocNode } from '../../src/shared/domain';

/**
 * Hostile input for the public site. Every payload, if it ever ran, calls `__xss(n)` (a binding
 * the browser test exposes), `alert(n)` (a dialog the test catches) or navigates somewhere the
 * DOM audit refuses. Kept as data so the same corpus can be pushed through other paths later.
 */
export const STRING_PAYLOADS: string[] = [
  '<script>__xss(1)</script>',
  '<img src=x onerror=__xss(2)>',
  '<svg onload=__xss(3)>',
  '<svg><script>__xss(4)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(5)>',
  '"><script>__xss(6)</script>',
  "'><img src=x onerror=alert(7)>",
  '<iframe src="javascript:__xss(8)"></iframe>',
  '<iframe srcdoc="<script>parent.__xss(9)</script>"></iframe>',
  '<body onload=__xss(10)>',
  '<details open ontoggle=__xss(11)>',
  '<a href="javascript:__xss(12)">klik</a>',
  '<object data="javascript:__xss(13)">',
  '<embed src="data:text/html,<script>__xss(14)</script>">',
  "<style>@import 'javascript:__xss(15)';</style>",
  '<div style="background:url(javascript:__xss(16))">x</div>',
  '<div style="width:expression(__xss(17))">x</div>',
  '<input autofocus onfocus=__xss(18)>',
  '<video><source onerror=__xss(19)></video>',
  '<marquee onstart=__xss(20)>x</marquee>',
  '<!--<img src="--><img src=x onerror=__xss(21)//">',
  '<noscript><p title="</noscript><img src=x onerror=__xss(22)>">',
  '<scr<script>ipt>__xss(23)</scr</script>ipt>',
  '<<script>__xss(24);//<</script>',
  '<img src="x` `<script>__xss(25)</script>"` `>',
  '<a href="&#106;avascript:__xss(26)">x</a>',
  '<a href="jav&#x09;ascript:__xss(27)">x</a>',
  '<form action="javascript:__xss(28)"><button>kirim</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(29)">',
  '<base href="javascript:__xss(30)//">',
  '<link rel=import href="data:text/html,<script>__xss(31)</script>">',
  '<svg><animate onbegin=__xss(32) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:__xss(33)"><text x=20 y=20>x</text></a></svg>',
  '<math href="javascript:__xss(34)">klik</math>',
  '<template><img src=x onerror=__xss(35)></template>',
  '</title><script>__xss(36)</script>',
  '</textarea><script>__xss(37)</script>',
  ']]><script>__xss(38)</script>',
  '--></script><script>__xss(39)</script>',
  "{{constructor.constructor('__xss(40)')()}}",
  '${__xss(41)}',
  'javascript:__xss(42)',
  '<img src=1 onerror="__xss(43)">',
  '<IMG SRC=JaVaScRiPt:__xss(44)>',
  '<img """><script>__xss(45)</script>">',
  '<svg/onload=__xss(46)>',
  '<x onclick=__xss(47)>klik',
  '<table background="javascript:__xss(48)"><tr><td>x</td></tr></table>',
  '<a href="  javascript:__xss(49)">x</a>',
  '<isindex action=javascript:__xss(50) type=submit>',
  '<svg><foreignObject><iframe onload=__xss(52)></iframe></foreignObject></svg>',
  '<div onpointerenter=__xss(53)>hover</div>',
  '"onmouseover="__xss(54)',
  "' onfocus='__xss(55)' autofocus='",
  '<a href=vbscript:msgbox(56)>x</a>',
  '<img src="data:image/svg+xml,<svg onload=__xss(57)>">',
  '<xss id=x tabindex=1 onfocusin=__xss(58)></xss>',
  '<svg><set attributeName=onmouseover to=__xss(59)>',
  '<script src=//evil.example/x.js></script>',
  '<a href="ｊａｖａｓｃｒｉｐｔ:__xss(61)">x</a>',
  '<a href="јavascript:__xss(62)">x</a>',
  "<svg><style>{font-family:'<iframe/onload=__xss(63)>'}</style></svg>",
  '<div style="behavior:url(x.htc)">x</div>',
  '<p style="color:red;background-image:url(&quot;javascript:__xss(65)&quot;)">x</p>',
  '<a href="javascript&colon;__xss(66)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5fX3hzcyg2Nyk8L3NjcmlwdD4=">x</a>',
  '<svg><use href="data:image/svg+xml,<svg id=x onload=__xss(68)>#x"></use></svg>',
  '\u003cscript\u003e__xss(69)\u003c/script\u003e',
  '<img src=x:x onerror=__xss(70)//',
];

/** Link targets for link marks in bodies. Only the last few are legitimate and must survive. */
export const HREF_PAYLOADS: string[] = [
  'javascript:__xss(101)',
  'JAVASCRIPT:__xss(102)',
  ' javascript:__xss(103)',
  'java\tscript:__xss(104)',
  'java\nscript:__xss(105)',
  '&#106;avascript:__xss(106)',
  'jav&#x61;script:__xss(107)',
  '\u0000javascript:__xss(108)',
  'vbscript:msgbox(109)',
  'data:text/html;base64,PHNjcmlwdD5fX3hzcygxMTApPC9zY3JpcHQ+',
  'DaTa:text/html,<script>__xss(111)</script>',
  'јavascript:__xss(112)',
  'javascript&colon;__xss(113)',
  'javas\u200bcript:__xss(114)',
  'ｊａｖａｓｃｒｉｐｔ:__xss(115)',
  '//evil.example/116',
  'https://ok.example/"onmouseover="__xss(117)',
  'http://x" onclick="__xss(118)',
  'javascript://%0a__xss(119)',
  'https:javascript:__xss(120)',
  'mailto:x"><script>__xss(121)</script>',
  'file:///etc/passwd',
  'blob:https://x.example/122',
  'about:blank',
  'x-scheme:__xss(124)',
  '\\\\javascript:__xss(125)',
  'https://evil.example/\u2028<script>__xss(126)</script>',
  'java%0ascript:__xss(127)',
];

const text = (t: string, marks?: DocNode['marks']): DocNode => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });

/** Forged TipTap JSON that no editor would produce. `sha` is a real attachment for figures. */
export function forgedNodes(sha: string, n: number): DocNode[] {
  return [
    { type: 'script', content: [text(`__xss(${200 + n})`)] },
    { type: 'iframe', attrs: { src: `javascript:__xss(${201 + n})` } },
    { type: 'html', attrs: { html: `<img src=x onerror=__xss(${202 + n})>` } },
    { type: 'image', attrs: { src: `javascript:__xss(${203 + n})`, onerror: `__xss(${203 + n})` } },
    {
      type: 'paragraph',
      attrs: {
        onclick: `__xss(${204 + n})`,
        style: 'background:url(javascript:__xss(204))',
        id: '"><script>__xss(204)</script>',
      },
      content: [text('paragraf beratribut')],
    },
    { type: 'figure', attrs: { attachment: `"><script>__xss(${205 + n})</script>`, caption: 'x' } },
    {
      type: 'figure',
      attrs: {
        attachment: sha,
        alt: `" onerror="__xss(${206 + n})`,
        caption: `<img src=x onerror=__xss(${206 + n})>`,
        credit: `Foto: <script>__xss(${206 + n})</script>`,
        onload: '__xss()',
      },
    },
    {
      type: 'codeBlock',
      attrs: { language: `"><script>__xss(${207 + n})</script>` },
      content: [text('<script>__xss(207)</script>')],
    },
    {
      type: 'heading',
      attrs: { level: `1 onclick=__xss(${208 + n})` as unknown as number },
      content: [text('judul palsu')],
    },
    {
      type: 'orderedList',
      attrs: { start: `1" onclick="__xss(${209 + n})` as unknown as number },
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('butir')] }] }],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            {
              type: 'tableCell',
              attrs: { colspan: '2" onclick="__xss(210)', style: 'x' },
              content: [{ type: 'paragraph', content: [text('sel')] }],
            },
          ],
        },
      ],
    },
    {
      type: 'paragraph',
      content: [
        text('tautan bertarget', [
          {
            type: 'link',
            attrs: {
              href: 'https://kpu.go.id/',
              target: '"><script>__xss(211)</script>',
              rel: 'opener',
              onclick: '__xss(211)',
              class: '" onclick="__xss(211)',
            },
          },
        ]),
      ],
    },
    {
      type: 'paragraph',
      content: [
        text('bertanda komentar', [
          {
            type: 'comment',
            attrs: { body: '<script>__xss(212)</script>', threadId: '"><img src=x onerror=__xss(212)>' },
          },
        ]),
      ],
    },
    {
      type: 'paragraph',
      content: [
        text('<img src=x onerror=__xss(213)>', [
          { type: 'suggestionInsert', attrs: { author: '<script>__xss(213)</script>' } },
        ]),
      ],
    },
    {
      type: 'paragraph',
      content: [
        text('tebal', [
          { type: 'bold', attrs: { onclick: `__xss(${214 + n})` } },
          { type: 'evilMark', attrs: { onmouseover: '__xss(214)' } },
        ]),
      ],
    },
    { type: 'doc', content: [{ type: 'paragraph', content: [text('doc bersarang')] }] },
    { type: 'text', text: '<svg onload=__xss(216)>' },
    {
      type: 'blockquote',
      attrs: { cite: `javascript:__xss(${217 + n})` },
      content: [{ type: 'paragraph', content: [text('kutipan')] }],
    },
    {
      type: 'paragraph',
      content: [
        { type: 'hardBreak', attrs: { onclick: '__xss(218)' } },
        { type: 'mention', attrs: { label: '<script>__xss(218)</script>' } },
      ],
    },
  ];
}
