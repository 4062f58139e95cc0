// The one error type the front end throws: CPython's SyntaxError family with its location fields.

/** Which CPython exception class a {@link PySyntaxError} stands for. */
export type SyntaxErrorType = 'SyntaxError' | 'IndentationError' | 'TabError';

/**
 * A Python `SyntaxError` (or `IndentationError` / `TabError`) raised by the tokenizer or parser.
 * Fields mirror CPython's exception attributes; `offset`/`end_offset` are 1-based character
 * columns (CPython counts code points here, not bytes), `text` is the offending source line.
 *
 * @example
 * try { parse('x = (1,'); } catch (e) { if (e instanceof PySyntaxError) console.log(e.msg); }
 */
export class PySyntaxError extends Error {
  /** CPython exception class name. */
  readonly pyType: SyntaxErrorType;
  /** The message exactly as CPython 3.11 prints it. */
  readonly msg: string;
  /** File name given to parse(). */
  readonly filename: string;
  /** 1-based line of the error. */
  readonly lineno: number;
  /** 1-based column (code points) of the error start. */
  readonly offset: number;
  /** 1-based end line (CPython's `end_lineno`). */
  readonly end_lineno: number;
  /** 1-based end column (CPython's `end_offset`). */
  readonly end_offset: number;
  /** The source line holding the error, with its newline, or null. */
  readonly text: string | null;

  constructor(pyType: SyntaxErrorType, msg: string, filename: string, lineno: number, offset: number,
    end_lineno: number, end_offset: number, text: string | null) {
    super(`${msg} (${filename}, line ${lineno})`);
    this.name = pyType;
    this.pyType = pyType;
    this.msg = msg;
    this.filename = filename;
    this.lineno = lineno;
    this.offset = offset;
    this.end_lineno = end_lineno;
    this.end_offset = end_offset;
    this.text = text;
  }
}

/**
 * The lines CPython prints for an uncaught SyntaxError (its C printer, as `python3 file.py` shows):
 * `  File "f.py", line N`, the stripped source line, a caret line, and `SyntaxError: msg`.
 *
 * @example
 * formatSyntaxError(e)  // '  File "x.py", line 1\n    x = (1,\n        ^\nSyntaxError: \'(\' was never closed\n'
 */
export function formatSyntaxError(e: PySyntaxError): string {
  let out = `  File "${e.filename}", line ${e.lineno}\n`;
  if (e.text !== null) {
    // Positions are in characters; the caret's indent and count are in UTF-8 bytes (as CPython prints them).
    const chars = [...e.text];
    const byteLen = (from: number, to: number) => Buffer.byteLength(chars.slice(from, to).join(''), 'utf8');
    const offset = e.offset;
    let endOffset = e.end_offset;
    if (e.end_lineno > e.lineno) endOffset = chars.length;
    if (endOffset > chars.length + 1) endOffset = chars.length + 1;
    // IndentationError (and TabError) get a single caret.
    const reps = e.pyType === 'SyntaxError' && endOffset > 0 && endOffset > offset
      ? byteLen(Math.max(0, offset - 1), endOffset - 1) : 1;
    let off = offset - 1;
    let start = 0;
    while (start < chars.length && (chars[start] === ' ' || chars[start] === '\t' || chars[start] === '\f')) { start++; off--; }
    let text = chars.slice(start);
    let len = text.length > 0 && text[text.length - 1] === '\n' ? text.length - 1 : text.length;
    if (off > len) off = len;
    // Skip lines before the one holding the offset (multi-line texts).
    for (;;) {
      const nl = text.indexOf('\n');
      if (nl < 0 || nl >= off) break;
      text = text.slice(nl + 1);
      len -= nl + 1;
      off -= nl + 1;
    }
    out += '    ' + text.join('');
    if (text[len] !== '\n') out += '\n';
    // CPython's printer indents the caret by the UTF-8 length of what precedes it, not the characters.
    if (off >= 0) out += '    ' + ' '.repeat(Buffer.byteLength(text.slice(0, off).join(''), 'utf8')) + '^'.repeat(reps) + '\n';
  }
  return out + `${e.pyType}: ${e.msg}\n`;
}

/**
 * Source nested too deeply for the parser (CPython raises RecursionError from ast construction,
 * or MemoryError from its parser stack). Not a SyntaxError: CPython does not raise one either.
 */
export class PyParserRecursionError extends Error {
  /** CPython exception class name. */
  readonly pyType = 'RecursionError';
  constructor() {
    super('maximum recursion depth exceeded during ast construction');
    this.name = 'RecursionError';
  }
}
