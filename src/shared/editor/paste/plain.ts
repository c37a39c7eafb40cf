const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Plain text as paragraphs. Where the text has blank lines, they separate paragraphs and a single
 * line break inside one is kept as a line break (an e-mail, a hard-wrapped note); without any
 * blank line, every line is its own paragraph (Notepad, a chat message).
 */
export function plainTextToHtml(text: string): string {
  const normal = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  const blocks = /\n[ \t]*\n/.test(normal) ? normal.split(/\n[ \t]*\n+/) : normal.split('\n');
  return blocks
    .map((b) => b.trim())
    .filter((b) => b !== '')
    .map(
      (b) =>
        `<p>${b
          .split('\n')
          .map((line) => escape(line.trim()))
          .join('<br>')}</p>`,
    )
    .join('');
}
