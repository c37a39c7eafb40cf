import { createHash } from 'node:crypto';

/**
 * The whole stylesheet of the public site, served as one file (the CSP allows styles only from
 * 'self', no inline styles). Mobile first: one column, large type; wider screens get margins.
 */
export const SITE_CSS = `
:root{--ink:#1b1b1f;--muted:#5b5b66;--line:#e3e3e8;--brand:#8b0000;--bg:#fff;--soft:#f6f6f8;--note:#fff7e0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--brand)}
a:focus-visible,button:focus-visible,select:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
header.site{background:var(--brand);color:#fff;padding:10px 16px}
header.site a{color:#fff;text-decoration:none;font-weight:700;font-size:1.15rem}
header.site nav{display:flex;gap:16px;flex-wrap:wrap;align-items:center}
header.site nav a.feed{font-weight:400;font-size:.95rem;text-decoration:underline}
main{max-width:760px;margin:0 auto;padding:16px}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem;padding:16px;text-align:center}
h1{font-size:1.6rem;line-height:1.25;margin:.3em 0 .4em}
h2{font-size:1.3rem;line-height:1.3}h3{font-size:1.15rem}h4{font-size:1.05rem}
.kicker{display:inline-block;font-size:.8rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:var(--brand);text-decoration:none}
.meta{color:var(--muted);font-size:.92rem;margin:0 0 12px}
.meta span+span::before{content:" · "}
figure{margin:16px 0}figure img,img{max-width:100%;height:auto;display:block;border-radius:4px}
figcaption{font-size:.88rem;color:var(--muted);margin-top:6px}
figcaption .credit{display:block;font-style:italic}
.dateline{font-weight:700}
.release-fields{border-top:1px solid var(--line);margin-top:20px;padding-top:8px;font-size:.95rem}
.release-fields p{margin:4px 0}
.body blockquote{margin:16px 0;padding:4px 16px;border-left:4px solid var(--brand);background:var(--soft)}
.body table{border-collapse:collapse;width:100%;display:block;overflow-x:auto}
.body th,.body td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
.body pre{background:var(--soft);padding:12px;overflow-x:auto}
.tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px}
.tags a{display:inline-block;background:var(--soft);border:1px solid var(--line);border-radius:999px;padding:2px 12px;text-decoration:none;color:var(--ink);font-size:.9rem}
.share{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0}
.share a{display:inline-block;padding:8px 14px;border-radius:4px;color:#fff;text-decoration:none;font-weight:600;font-size:.95rem}
.share .fb{background:#1466d8}.share .x{background:#000}.share .wa{background:#0e7a33}
.views{color:var(--muted);font-size:.92rem}
.notice{background:var(--note);border:1px solid #e6cf8a;border-radius:4px;padding:10px 14px;margin:12px 0}
.notice p{margin:.2em 0}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin:0 0 16px}
.filters label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
.filters select,.filters button{font:inherit;padding:6px 8px;min-height:40px}
.filters button{background:var(--brand);color:#fff;border:0;border-radius:4px;padding:6px 14px}
ol.list{list-style:none;padding:0;margin:0}
ol.list li{display:grid;grid-template-columns:1fr;gap:8px;padding:14px 0;border-bottom:1px solid var(--line)}
ol.list h2{font-size:1.15rem;margin:0}ol.list h2 a{color:var(--ink);text-decoration:none}
ol.list p{margin:0}
.pager{display:flex;justify-content:space-between;gap:8px;margin:20px 0}
.pager a{padding:8px 14px;border:1px solid var(--line);border-radius:4px;text-decoration:none}
.empty{color:var(--muted)}
@media (min-width:640px){
  body{font-size:18px}
  h1{font-size:2rem}
  ol.list li.with-image{grid-template-columns:200px 1fr;gap:16px}
}
`.trim();

const SITE_CSS_HASH = createHash('sha256').update(SITE_CSS).digest('hex').slice(0, 12);
/** Content-hashed file name: cacheable forever, changes when the CSS does. */
export const SITE_CSS_PATH = `/assets/berita.${SITE_CSS_HASH}.css`;
