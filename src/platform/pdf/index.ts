// Public API of the PDF module: describe a document as blocks, get PDF bytes back.
export { renderPdf, type PdfBlock, type PdfDocumentSpec } from './render.ts';
