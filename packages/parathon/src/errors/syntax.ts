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
