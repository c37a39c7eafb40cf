/**
 * What a browser without the session cookie gets instead of the workstation: where to find
 * the link, in Indonesian first and English too. It carries no secret of any kind, so any
 * program on the computer may read it.
 */
export function welcomePage(port: number, spent: boolean): string {
  const example = `http://127.0.0.1:${port}/?token=…`;
  const spentId = spent ? '<p><strong>Tautan ini sudah dipakai atau tidak berlaku lagi.</strong></p>' : '';
  const spentEn = spent
    ? '<p lang="en"><strong>This link has already been used or is no longer valid.</strong></p>'
    : '';
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Warta — buka tautan dari terminal</title>
<link rel="icon" href="/favicon.ico">
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<main>
<h1>Warta</h1>
${spentId}
<p>Untuk membuka Warta di peramban, buka tautan yang dicetak saat Warta dijalankan
(<code>npm start</code> atau <code>npm run web</code>), baris
<code>Warta workstation: ${example}</code>. Setiap tautan hanya berlaku sekali;
tautan yang berlaku saat ini juga tersimpan di berkas <code>web-url</code> di folder data Warta.</p>
<hr>
${spentEn}
<p lang="en">To open Warta in the browser, open the link printed when Warta started
(<code>npm start</code> or <code>npm run web</code>), the line
<code>Warta workstation: ${example}</code>. Each link works once; the current one is also
kept in the <code>web-url</code> file in Warta's data folder.</p>
</main>
</body>
</html>
`;
}
