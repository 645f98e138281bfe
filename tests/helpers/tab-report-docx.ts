/**
 * The tab report of tab-report.ts in two more renderings: Word text as copied out of Word (each table cell on a line
 * of its own after a TAB, an empty line after each row), and a real .docx (tab-separated lines become Word table
 * rows, other lines paragraphs). A cell's text split by "¶" is printed as several paragraphs in the cell.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

export function tabReportWordText(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) {
      out.push(line);
      continue;
    }
    for (const cell of line.split('\t')) out.push(`\t${cell.replace(/¶/g, '\n')}`);
    out.push('');
  }
  return out.join('\n');
}

function docxCell(text: string): TableCell {
  return new TableCell({ children: text.split('¶').map((p) => new Paragraph({ children: p === '' ? [] : [new TextRun(p)] })) });
}

export async function tabReportDocx(text: string): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  let rows: TableRow[] = [];
  const flush = (): void => {
    if (rows.length > 0) children.push(new Table({ rows }));
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      rows.push(new TableRow({ children: line.split('\t').map(docxCell) }));
      continue;
    }
    flush();
    children.push(new Paragraph({ children: [new TextRun(line)] }));
  }
  flush();
  const packed = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return new Uint8Array(packed.buffer, packed.byteOffset, packed.length);
}
