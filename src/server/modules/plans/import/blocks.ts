/**
 * What the readers hand to the parser: the document as a sequence of lines and tables, in
 * reading order, NFC. `line` is the line of a text file or the paragraph number of a .docx,
 * counted from 1, so that a warning can point at it.
 */
export type LineBlock = {
  kind: 'line';
  text: string;
  line: number;
  /** a blank line (or a paragraph break in a .docx) comes before it */
  afterBreak: boolean;
};
export type TableBlock = { kind: 'table'; rows: string[][]; line: number };
export type Block = LineBlock | TableBlock;
