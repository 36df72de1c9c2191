/**
 * RFC 4180 with `;` (Portier's CSV files): quoted cells may hold `;`, `"` and line breaks.
 * `keepQuotes` gives the cells as written, quotes included; `separator` reads the file as a
 * spreadsheet set to another separator would.
 */
export function parseCsv(text: string, o: { separator?: string; keepQuotes?: boolean } = {}): string[][] {
  const separator = o.separator ?? ';';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (o.keepQuotes) cell += c;
      else if (quoted && text[i + 1] === '"') {
        cell += '"';
        i++;
        continue;
      }
      quoted = !quoted;
    } else if (!quoted && c === separator) {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
