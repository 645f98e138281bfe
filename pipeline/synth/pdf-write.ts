/**
 * Pages of placed strings and rules → the bytes of a PDF (pdf-lib's low-level API). Each string is its own text
 * object (BT /F1 size Tf 1 0 0 1 x y Tm <hex> Tj ET), each rule its own 0.5 pt stroke (x1 y1 m x2 y2 l S); a scanned
 * page is a full-page image and nothing else. No dates but the given one, no ID: the same pages give the same bytes.
 */
import {
  beginText, concatTransformationMatrix, drawObject, endText, lineTo, moveTo, PDFDocument, PDFName, type PDFOperator,
  popGraphicsState, pushGraphicsState, setFontAndSize, setLineWidth, setStrokingGrayscaleColor, setTextMatrix, showText,
  stroke,
} from 'pdf-lib';
import { type PdfFont, registerFont, showString } from './pdf-font.ts';
import { A4, type PageDraw } from './pdf-ops.ts';
import { scanPicture } from './pdf-png.ts';

export interface PdfInfo {
  title: string;
  author: string;
  creator: string;
  producer: string;
  /** Creation and modification date. */
  date: Date;
}

const FONT = 'F1';
const IMAGE = 'Im1';

function pageOperators(page: PageDraw, font: PdfFont): PDFOperator[] {
  const out: PDFOperator[] = [pushGraphicsState(), setLineWidth(0.5), setStrokingGrayscaleColor(0)];
  for (const op of page.ops) {
    if (op.kind === 'rule') out.push(moveTo(op.x1, op.y1), lineTo(op.x2, op.y2), stroke());
    else out.push(beginText(), setFontAndSize(FONT, op.size), setTextMatrix(1, 0, 0, 1, op.x, op.y), showText(showString(op.text, font)), endText());
  }
  out.push(popGraphicsState());
  return out;
}

export async function writePdf(pages: PageDraw[], font: PdfFont, info: PdfInfo): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(info.title);
  doc.setAuthor(info.author);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  const fontRef = registerFont(doc.context, font);
  for (const draw of pages) {
    const page = doc.addPage([A4.width, A4.height]);
    if (draw.scanned) {
      const image = await doc.embedPng(scanPicture(draw.ops).png);
      page.node.setXObject(PDFName.of(IMAGE), image.ref);
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(A4.width, 0, 0, A4.height, 0, 0), drawObject(IMAGE), popGraphicsState());
      continue;
    }
    page.node.setFontDictionary(PDFName.of(FONT), fontRef);
    page.pushOperators(...pageOperators(draw, font));
  }
  return doc.save({ useObjectStreams: false });
}
