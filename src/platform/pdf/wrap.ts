// Line breaking, done here rather than by pdfkit's own wrapper so that the renderer knows every
// line before drawing it. That is what lets a table row that is taller than the rest of the page
// continue on the next page (under a repeated header row), and lets a paragraph be split across
// pages while staying one tagged structure element.

/** Width of a single-line string in points, in the font and size that will draw it. */
export type MeasureText = (text: string) => number;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Makes user text safe to lay out: NFC so that a decomposed "e + ◌̈" prints as the single glyph ë,
 * Windows line ends and tabs folded, other control characters dropped (they have no glyph and
 * would print as boxes).
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')
    // "€ 12,50" must not end a line with a lone currency sign.
    .replace(/([€$£¥]) (?=[\d-])/gu, '$1\u00A0');
}

// Whitespace where a line may break: \s minus the no-break spaces (U+00A0, U+2007, U+202F),
// which authors use on purpose ("€ 12,50", "1 000").
const breakingSpace = /[^\S\u00A0\u2007\u202F]+/u;
const onlyBreakingSpace = /^[^\S\u00A0\u2007\u202F]+$/u;


/**
 * Splits a paragraph into words and the spaces between them. A word may also be broken after a
 * hyphen or slash ("Noord-Brabant", long URLs), but not after a leading one ("-5").
 */
function tokens(paragraph: string): string[] {
  return paragraph
    .split(new RegExp(`(${breakingSpace.source})`, 'u'))
    .flatMap((part) => (onlyBreakingSpace.test(part) ? [part] : part.split(/(?<=[^\s\-\u2010/][-\u2010/])(?=\S)/u)))
    .filter((part) => part !== '');
}

/** Breaks a word that is wider than the line between graphemes, so it never overflows. */
function breakLongWord(word: string, maxWidth: number, measure: MeasureText): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes.segment(word)) {
    if (piece !== '' && measure(piece + segment) > maxWidth) {
      pieces.push(piece);
      piece = segment;
    } else {
      piece += segment;
    }
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Greedy line breaking. Returns at least one line (an empty string for empty text). Explicit
 * newlines are kept as line breaks; runs of spaces collapse to one space; no line starts with a
 * space. A line that ends where a space or newline was keeps one trailing space: it is invisible
 * (and left out of every width measurement), but without it text extraction and screen readers,
 * which read the lines one after another, would glue the last word of a line to the next one.
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  const paragraphs = normaliseText(text).split('\n');
  paragraphs.forEach((paragraph, index) => {
    let line = '';
    let spaceBefore = false;
    for (const token of tokens(paragraph)) {
      if (onlyBreakingSpace.test(token)) {
        spaceBefore = line !== '';
        continue;
      }
      const candidate = spaceBefore ? `${line} ${token}` : line + token;
      const brokeAtSpace = spaceBefore;
      spaceBefore = false;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(brokeAtSpace ? `${line} ` : line);
      if (measure(token) <= maxWidth) {
        line = token;
      } else {
        const pieces = breakLongWord(token, maxWidth, measure);
        line = pieces.pop() ?? '';
        lines.push(...pieces);
      }
    }
    lines.push(index < paragraphs.length - 1 ? `${line} ` : line);
  });
  return lines;
}

/** Shortens a single line with an ellipsis so that it fits (for running headers and footers). */
export function fitOnOneLine(text: string, maxWidth: number, measure: MeasureText): string {
  const flat = normaliseText(text).replace(/\s+/gu, ' ').trim();
  if (measure(flat) <= maxWidth) return flat;
  const parts = [...graphemes.segment(flat)].map((s) => s.segment);
  while (parts.length > 0 && measure(`${parts.join('').trimEnd()}…`) > maxWidth) parts.pop();
  return `${parts.join('').trimEnd()}…`;
}
