// Python 3.11 tokenizer: one class over a character cursor, producing the whole token array up front.
import { PySyntaxError, type SyntaxErrorType } from './errors/syntax.js';
import { isPrintable } from './parser/strings.js';

/** Token kinds, as CPython's token module names them (OP covers every operator and bracket). */
export const enum T {
  ENDMARKER = 0, NAME = 1, NUMBER = 2, STRING = 3, NEWLINE = 4, INDENT = 5, DEDENT = 6, OP = 54,
  /** A tokenizer error deferred until the parser reaches it (CPython tokenizes lazily). */
  ERROR = 60,
}

/**
 * One token. Lines are 1-based; columns are UTF-8 byte offsets like CPython's; `start`/`end` are
 * UTF-16 indexes into the source. `value` is the source text (for STRING: prefix and quotes too).
 */
export interface Token {
  type: T;
  value: string;
  lineno: number;
  col: number;
  end_lineno: number;
  end_col: number;
  start: number;
  end: number;
  /** For ERROR tokens: the error to throw when the parser reaches this token. */
  error?: PySyntaxError;
  /**
   * For ERROR tokens, how CPython would have raised it: 'exc' errors replace a parser error found
   * earlier (CPython tokenizes the rest of the file after a syntax error), 'eof' (an unclosed bracket)
   * replaces it only when the parser error is on a later line than the bracket, 'code' never does.
   */
  errorKind?: 'exc' | 'eof' | 'code';
  /** For 'eof' ERROR tokens: the line of the unclosed bracket. */
  bracketLine?: number;
  /** For 'eof' ERROR tokens: the source index of the unclosed bracket. */
  bracketPos?: number;
}

/** Errors raised by a tokenizer (not a grammar rule): f-string expressions do not prefix these. */
export const tokenizerErrors = new WeakMap<PySyntaxError, 'exc' | 'eof' | 'code'>();

/** Where a sub-tokenizer (an f-string expression) sits in the enclosing file. */
export interface TokenizerOrigin {
  /** Line of the sub-source's first line in the file. */
  lineno: number;
  /** Byte column added to positions on the sub-source's first line. */
  col: number;
}

const OPS3 = new Set(['**=', '//=', '>>=', '<<=', '...']);
const OPS2 = new Set(['<>', '->', ':=', '==', '!=', '<=', '>=', '**', '//', '<<', '>>', '+=', '-=', '*=', '/=',
  '%=', '&=', '|=', '^=', '@=']);
const OPS1 = new Set('()[]{},:.;@=+-*/%&|^~<>'.split(''));
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
// Keywords a number may run into without a space (CPython warns but accepts: `1if x else y`).
const NUMBER_FOLLOWERS = ['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or'];

const NAME_RE = /[\p{ID_Start}_\u1885\u1886\u2118\u212e\u309b\u309c][\p{ID_Continue}\u00b7\u0387\u1369-\u1371\u19da\u200c\u200d\u30fb\uff65]*/uy;
// Prefixes a string literal may carry (case-insensitive).
const STRING_PREFIXES = new Set(['r', 'u', 'b', 'br', 'rb', 'f', 'fr', 'rf']);

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

function isDigit(c: number): boolean { return c >= 48 && c <= 57; }

/** Tokenizes Python source into a token array ending in ENDMARKER (or an ERROR token). */
export class Tokenizer {
  readonly src: string;
  readonly filename: string;
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly ascii: boolean;
  private readonly origin: TokenizerOrigin | null;
  /** Start index of each line (index 0 is line 1). */
  readonly lineStarts: number[] = [0];
  readonly tokens: Token[] = [];
  private indents: number[] = [0];
  private altIndents: number[] = [0];
  private brackets: { ch: string; line: number; col: number; pos: number; lineStart: number }[] = [];
  private failed = false;

  constructor(src: string, filename: string, origin: TokenizerOrigin | null = null) {
    this.src = src;
    this.filename = filename;
    this.origin = origin;
    // eslint-disable-next-line no-control-regex
    this.ascii = /^[\x00-\x7f]*$/.test(src);
  }

  /** Byte column of string index `pos` on the line starting at `ls` (line number `line`). */
  /**
   * Byte column of string index `pos` on the line starting at `ls`. Inside an f-string expression,
   * CPython shifts columns only of tokens that end on the expression's first line (`line`).
   */
  byteCol(pos: number, ls: number, line: number): number {
    let c = this.ascii ? pos - ls : utf8Length(this.src.slice(ls, pos));
    if (this.origin && line === 1) c += this.origin.col;
    return c;
  }

  /** Absolute line number of the tokenizer-relative line `line`. */
  private absLine(line: number): number {
    return this.origin ? line + this.origin.lineno - 1 : line;
  }

  /** The text of (tokenizer-relative) line `line`, with its newline. */
  lineText(line: number): string {
    const ls = this.lineStarts[line - 1] ?? this.src.length;
    let e = this.src.indexOf('\n', ls);
    e = e < 0 ? this.src.length : e + 1;
    return this.src.slice(ls, e);
  }

  private push(type: T, start: number, end: number, sline: number, sls: number): void {
    this.tokens.push({
      type, value: this.src.slice(start, end),
      lineno: this.absLine(sline), col: this.byteCol(start, sls, this.line),
      end_lineno: this.absLine(this.line), end_col: this.byteCol(end, this.lineStart, this.line),
      start, end,
    });
  }

  /** Builds the error CPython would raise; columns are 1-based code points. */
  error(msg: string, line: number, ls: number, pos: number, endPos = -1, type: SyntaxErrorType = 'SyntaxError',
    endLine = line, endLs = ls): PySyntaxError {
    const cp = (a: number, b: number) => [...this.src.slice(a, b)].length;
    // Inside an f-string expression CPython reports columns of the "(expr)" text itself.
    const offset = cp(ls, pos) + 1;
    const endOffset = endPos < 0 ? offset : cp(endLs, endPos) + 1;
    return new PySyntaxError(type, msg, this.filename, this.absLine(line), offset, this.absLine(endLine),
      endOffset, this.lineText(line));
  }

  private tabError(): PySyntaxError {
    return new PySyntaxError('TabError', 'inconsistent use of tabs and spaces in indentation', this.filename,
      this.absLine(this.line), 1, this.absLine(this.line), 0, this.lineText(this.line));
  }

  private fail(err: PySyntaxError, errorKind: 'exc' | 'eof' | 'code' = 'exc', bracketLine = 0, endOffset?: number): void {
    // CPython's tokenizer-raised errors carry the line without its newline; errors it reports by
    // code (indentation, continuation, EOF) carry the line with one.
    let text = err.text;
    // An unclosed bracket on the last line is reported from the tokenizer's buffer, newline included.
    const lastLine = this.absLine(this.src.endsWith('\n') && this.line > 1 ? this.line - 1 : this.line);
    const keepNewline = errorKind === 'code' || (errorKind === 'eof' && err.lineno === lastLine);
    if (text !== null) text = keepNewline ? (text.endsWith('\n') ? text : text + '\n') : text.replace(/\n$/, '');
    err = new PySyntaxError(err.pyType, err.msg, err.filename, err.lineno, err.offset, err.end_lineno,
      endOffset ?? err.end_offset, text);
    tokenizerErrors.set(err, errorKind);
    this.tokens.push({
      type: T.ERROR, value: '', lineno: err.lineno, col: 0, end_lineno: err.lineno, end_col: 0,
      start: this.pos, end: this.pos, error: err, errorKind, bracketLine,
    });
    this.failed = true;
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = at;
    this.lineStarts.push(at);
  }

  /** Runs to the end (or the first error) and returns the tokens. */
  tokenize(): Token[] {
    const src = this.src;
    const n = src.length;
    let atLineStart = true;
    let commentStart = -1;
    while (!this.failed) {
      if (this.pos < n && src.charCodeAt(this.pos) !== 35 && src.charCodeAt(this.pos) !== 10 && src.charCodeAt(this.pos) !== 13) commentStart = -1;
      if (atLineStart && this.brackets.length === 0) {
        atLineStart = false;
        if (this.indentation()) { atLineStart = true; continue; }
        if (this.failed) break;
      }
      if (this.pos >= n) break;
      const c = src.charCodeAt(this.pos);
      // Whitespace inside a line.
      if (c === 32 || c === 9 || c === 12) { this.pos++; continue; }
      if (c === 35) { // '#': comment to end of line
        const e = src.indexOf('\n', this.pos);
        commentStart = this.pos;
        this.pos = e < 0 ? n : e;
        continue;
      }
      if (c === 10 || c === 13) {
        const start = this.pos;
        let end = start + 1;
        if (c === 13 && src.charCodeAt(end) === 10) end++;
        if (this.brackets.length === 0) {
          const sl = this.line;
          const sls = this.lineStart;
          // CPython's NEWLINE token starts where a trailing comment starts.
          const nlStart = commentStart >= 0 ? commentStart : start;
          this.tokens.push({
            type: T.NEWLINE, value: '\n', lineno: this.absLine(sl), col: this.byteCol(nlStart, sls, sl),
            end_lineno: this.absLine(sl), end_col: this.byteCol(start, sls, sl), start, end,
          });
          atLineStart = true;
        }
        this.pos = end;
        this.newline(end);
        continue;
      }
      if (c === 92) { // backslash continuation
        let p = this.pos + 1;
        if (src.charCodeAt(p) === 13) p++;
        if (src.charCodeAt(p) === 10) {
          this.pos = p + 1;
          this.newline(this.pos);
          if (this.pos >= n) {
            this.fail(this.error('unexpected EOF while parsing', this.line - 1, this.lineStarts[this.line - 2], this.pos - 1), 'code', 0, -1);
          }
          continue;
        }
        if (p >= n) {
          this.fail(this.error('unexpected EOF while parsing', this.line, this.lineStart, this.pos + 1), 'code', 0, -1);
          break;
        }
        this.fail(this.error('unexpected character after line continuation character', this.line, this.lineStart, this.pos + 1), 'code', 0, 0);
        break;
      }
      this.token(c);
    }
    if (this.failed) return this.tokens;
    if (this.brackets.length) {
      const b = this.brackets[this.brackets.length - 1];
      this.fail(this.error(`'${b.ch}' was never closed`, b.line, b.lineStart, b.pos), 'eof', this.absLine(b.line), 0);
      this.tokens[this.tokens.length - 1].bracketPos = b.pos;
      return this.tokens;
    }
    const last = this.tokens[this.tokens.length - 1];
    if (last && last.type !== T.NEWLINE && last.type !== T.DEDENT && last.type !== T.INDENT) {
      const col = this.byteCol(n, this.lineStart, this.line);
      this.tokens.push({ type: T.NEWLINE, value: '', lineno: this.absLine(this.line), col, end_lineno: this.absLine(this.line), end_col: col, start: n, end: n });
    }
    // At EOF CPython's DEDENT/ENDMARKER have no column: errors there point just past the last line
    // (counting the newline CPython appends when the source lacks one).
    const text = n && this.src.charCodeAt(n - 1) === 10 ? this.src : this.src + '\n';
    const lastStart = text.lastIndexOf('\n', text.length - 2) + 1;
    const endLine = this.absLine(text.slice(0, lastStart).split('\n').length);
    const endCol = utf8Length(text.slice(lastStart));
    while (this.indents.length > 1) {
      this.indents.pop();
      this.tokens.push({ type: T.DEDENT, value: '', lineno: endLine, col: endCol, end_lineno: endLine, end_col: endCol, start: n, end: n });
    }
    this.tokens.push({ type: T.ENDMARKER, value: '', lineno: endLine, col: endCol, end_lineno: endLine, end_col: endCol, start: n, end: n });
    return this.tokens;
  }

  /** Measures indentation at a line start; returns true if the line was blank (skipped). */
  private indentation(): boolean {
    const src = this.src;
    let col = 0;
    let alt = 0;
    let p = this.pos;
    // Indentation cannot be split over lines with backslashes: the first backslash fixes the level.
    let contCol = -1;
    let contAlt = -1;
    for (;;) {
      const c = src.charCodeAt(p);
      if (c === 32) { col++; alt++; } else if (c === 9) { col = (Math.floor(col / 8) + 1) * 8; alt++; } else if (c === 12) { col = alt = 0; } else if (c === 92 && (src.charCodeAt(p + 1) === 10 || src.charCodeAt(p + 1) === 13)) {
        if (contCol < 0) { contCol = col; contAlt = alt; }
        p += src.charCodeAt(p + 1) === 13 && src.charCodeAt(p + 2) === 10 ? 3 : 2;
        this.newline(p);
        if (p >= src.length) {
          this.pos = p;
          this.fail(this.error('unexpected EOF while parsing', this.line - 1, this.lineStarts[this.line - 2], p - 1), 'code', 0, -1);
          return false;
        }
        continue;
      } else if (c === 92) {
        // CPython reads a backslash while measuring indentation: anything but a newline after it fails here.
        this.pos = p;
        const msg = p + 1 >= src.length ? 'unexpected EOF while parsing' : 'unexpected character after line continuation character';
        this.fail(this.error(msg, this.line, this.lineStart, p + 1), 'code', 0, msg.startsWith('unexpected EOF') ? -1 : 0);
        return false;
      } else break;
      p++;
    }
    if (contCol >= 0) { col = contCol; alt = contAlt; }
    const c = src.charCodeAt(p);
    if (p >= src.length || c === 35 || c === 10 || c === 13) {
      // Blank or comment-only line: no NEWLINE, no indentation change.
      if (p >= src.length) { this.pos = p; return false; }
      this.pos = p;
      if (c === 35) {
        const e = src.indexOf('\n', p);
        this.pos = e < 0 ? src.length : e;
        if (e < 0) return false;
      }
      let end = this.pos + 1;
      if (src.charCodeAt(this.pos) === 13 && src.charCodeAt(end) === 10) end++;
      this.pos = end;
      this.newline(end);
      return true;
    }
    this.pos = p;
    const top = this.indents[this.indents.length - 1];
    if (col > top) {
      if (alt <= this.altIndents[this.altIndents.length - 1]) {
        this.fail(this.tabError(), 'code');
        return false;
      }
      if (this.indents.length >= 100) {
        this.fail(new PySyntaxError('IndentationError', 'too many levels of indentation', this.filename,
          this.absLine(this.line), 1, this.absLine(this.line), 0, this.lineText(this.line)), 'code');
        return false;
      }
      this.indents.push(col);
      this.altIndents.push(alt);
      this.push(T.INDENT, this.lineStart, p, this.line, this.lineStart);
    } else if (col < top) {
      // CPython fails before emitting any DEDENT when the new level matches no enclosing one.
      if (!this.indents.includes(col)) {
        const text = this.lineText(this.line).replace(/\n$/, '');
        this.fail(new PySyntaxError('IndentationError', 'unindent does not match any outer indentation level', this.filename,
          this.absLine(this.line), [...text].length + 1, this.absLine(this.line), -1, this.lineText(this.line)), 'code');
        return false;
      }
      while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]) {
        this.indents.pop();
        this.altIndents.pop();
        this.tokens.push({ type: T.DEDENT, value: '', lineno: this.absLine(this.line), col: this.byteCol(p, this.lineStart, this.line), end_lineno: this.absLine(this.line), end_col: this.byteCol(p, this.lineStart, this.line), start: p, end: p });
      }
      if (col !== this.indents[this.indents.length - 1]) {
        // CPython points just past the end of the offending line.
        const text = this.lineText(this.line).replace(/\n$/, '');
        this.fail(new PySyntaxError('IndentationError', 'unindent does not match any outer indentation level', this.filename,
          this.absLine(this.line), [...text].length + 1, this.absLine(this.line), -1, this.lineText(this.line)), 'code');
        return false;
      }
      if (alt !== this.altIndents[this.altIndents.length - 1]) {
        this.fail(this.tabError(), 'code');
        return false;
      }
    } else if (alt !== this.altIndents[this.altIndents.length - 1]) {
      this.fail(this.tabError(), 'code');
      return false;
    }
    return false;
  }

  /** Scans one NAME, NUMBER, STRING or OP token starting with char code `c`. */
  private token(c: number): void {
    const src = this.src;
    const start = this.pos;
    // Names and string prefixes.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128) {
      // ASCII fast path: scan [A-Za-z0-9_] by char code; non-ASCII names go through the Unicode regex.
      let end = start;
      if (c < 128) {
        let d = c;
        while ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || d === 95 || (d >= 48 && d <= 57)) d = src.charCodeAt(++end);
        if (d >= 128) end = -1;
      } else end = -1;
      if (end < 0) {
        NAME_RE.lastIndex = start;
        if (!NAME_RE.test(src)) {
          this.invalidCharacter(start);
          return;
        }
        end = NAME_RE.lastIndex;
      }
      const q = src.charCodeAt(end);
      if ((q === 34 || q === 39) && end - start <= 2 && STRING_PREFIXES.has(src.slice(start, end).toLowerCase())) {
        this.string(start, end);
        return;
      }
      this.pos = end;
      this.push(T.NAME, start, end, this.line, this.lineStart);
      const tok = this.tokens[this.tokens.length - 1];
      if (!this.ascii && /[^\x00-\x7f]/.test(tok.value)) tok.value = tok.value.normalize('NFKC');
      return;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(start + 1)))) {
      this.number(start);
      return;
    }
    if (c === 34 || c === 39) {
      this.string(start, start);
      return;
    }
    let len = 0;
    const c1 = src.charCodeAt(start + 1);
    // Fast path: brackets, ',', ';' never start a longer operator; ':' and '.' rarely do.
    if (c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125 || c === 44 || c === 59 ||
      (c === 58 && c1 !== 61) || (c === 46 && c1 !== 46)) len = 1;
    else {
      const s3 = src.substr(start, 3);
      if (OPS3.has(s3)) len = 3;
      else if (OPS2.has(s3.slice(0, 2))) len = 2;
      else if (OPS1.has(s3[0])) len = 1;
    }
    // '!', '$', '?' and '`' are OP tokens that no grammar rule accepts, as in CPython's tokenizer.
    if (len === 0 && (c === 33 || c === 36 || c === 63 || c === 96)) len = 1;
    if (len === 0) {
      this.invalidCharacter(start);
      return;
    }
    const op = src.slice(start, start + len);
    if (len === 1 && (op === '(' || op === '[' || op === '{')) {
      if (this.brackets.length >= 200) {
        this.fail(this.error('too many nested parentheses', this.line, this.lineStart, start));
        return;
      }
      this.brackets.push({ ch: op, line: this.line, col: 0, pos: start, lineStart: this.lineStart });
    } else if (len === 1 && CLOSERS[op]) {
      const b = this.brackets.pop();
      if (!b) {
        this.fail(this.error(`unmatched '${op}'`, this.line, this.lineStart, start));
        return;
      }
      if (b.ch !== CLOSERS[op]) {
        const where = b.line !== this.line ? ` on line ${this.absLine(b.line)}` : '';
        this.fail(this.error(`closing parenthesis '${op}' does not match opening parenthesis '${b.ch}'${where}`,
          this.line, this.lineStart, start));
        return;
      }
    }
    this.pos = start + len;
    this.push(T.OP, start, start + len, this.line, this.lineStart);
  }

  private invalidCharacter(start: number): void {
    const cp = this.src.codePointAt(start)!;
    const hexs = cp.toString(16).toUpperCase().padStart(4, '0');
    const ch = String.fromCodePoint(cp);
    const printable = isPrintable(cp);
    this.fail(this.error(printable ? `invalid character '${ch}' (U+${hexs})` : `invalid non-printable character U+${hexs}`,
      this.line, this.lineStart, start));
  }

  /** Scans a number literal, CPython's rules for underscores and what may follow. */
  private number(start: number): void {
    const src = this.src;
    let p = start;
    const digits = (ok: (c: number) => boolean, kind: string): boolean => {
      // digit (['_'] digit)*: p at first digit
      for (;;) {
        while (ok(src.charCodeAt(p))) p++;
        if (src.charCodeAt(p) !== 95) return true;
        p++;
        if (!ok(src.charCodeAt(p))) {
          if (isDigit(src.charCodeAt(p)) && kind !== 'decimal') {
            this.fail(this.error(`invalid digit '${src[p]}' in ${kind} literal`, this.line, this.lineStart, p));
          } else {
            this.fail(this.error(`invalid ${kind} literal`, this.line, this.lineStart, p - 1));
          }
          return false;
        }
      }
    };
    const c0 = src.charCodeAt(p);
    const c1 = src.charCodeAt(p + 1) | 0x20;
    if (c0 === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
      const kind = c1 === 120 ? 'hexadecimal' : c1 === 111 ? 'octal' : 'binary';
      const ok = c1 === 120 ? (c: number) => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102)
        : c1 === 111 ? (c: number) => c >= 48 && c <= 55 : (c: number) => c === 48 || c === 49;
      p += 2;
      if (src.charCodeAt(p) === 95) p++;
      if (!ok(src.charCodeAt(p))) {
        if (isDigit(src.charCodeAt(p))) {
          this.fail(this.error(`invalid digit '${src[p]}' in ${kind} literal`, this.line, this.lineStart, p));
        } else {
          this.fail(this.error(`invalid ${kind} literal`, this.line, this.lineStart, p - 1));
        }
        return;
      }
      if (!digits(ok, kind)) return;
      if (isDigit(src.charCodeAt(p))) {
        this.fail(this.error(`invalid digit '${src[p]}' in ${kind} literal`, this.line, this.lineStart, p));
        return;
      }
      this.finishNumber(start, p, kind);
      return;
    }
    if (c0 !== 46) {
      if (!digits(isDigit, 'decimal')) return;
      // Leading zeros in a non-zero decimal integer are an error.
      const intPart = src.slice(start, p);
      const nextC = src.charCodeAt(p);
      if (intPart.length > 1 && intPart[0] === '0' && /[1-9]/.test(intPart) && nextC !== 46 && (nextC | 0x20) !== 101 && (nextC | 0x20) !== 106) {
        const zerosEnd = start + /^[0_]*/.exec(intPart)![0].length;
        this.fail(this.error('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
          this.line, this.lineStart, start, zerosEnd));
        return;
      }
    }
    if (src.charCodeAt(p) === 46) {
      p++;
      if (isDigit(src.charCodeAt(p)) && !digits(isDigit, 'decimal')) return;
    }
    if ((src.charCodeAt(p) | 0x20) === 101) {
      const e = p;
      p++;
      const sign = src.charCodeAt(p) === 43 || src.charCodeAt(p) === 45;
      if (sign) p++;
      if (!isDigit(src.charCodeAt(p))) {
        if (sign) {
          this.fail(this.error('invalid decimal literal', this.line, this.lineStart, p - 1));
          return;
        }
        // `1else`: the number ends before the 'e' (CPython only warns); otherwise an error at the 'e'.
        if (!src.startsWith('else', e) || /[\p{ID_Continue}]/u.test(src[e + 4] ?? '')) {
          this.fail(this.error('invalid decimal literal', this.line, this.lineStart, e - 1));
          return;
        }
        this.pos = e;
        this.push(T.NUMBER, start, e, this.line, this.lineStart);
        return;
      }
      if (!digits(isDigit, 'decimal')) return;
    }
    if ((src.charCodeAt(p) | 0x20) === 106) {
      this.finishNumber(start, p + 1, 'imaginary');
      return;
    }
    this.finishNumber(start, p, 'decimal');
  }

  /** Checks what follows a number (a letter is an error unless it starts an allowed keyword). */
  private finishNumber(start: number, p: number, kind: string): void {
    const src = this.src;
    const c = src.charCodeAt(p);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || isDigit(c) || c >= 128) {
      const rest = src.slice(p, p + 4);
      // CPython's verify_end_of_number only looks at the keyword's letters, not at a word boundary.
      const ok = NUMBER_FOLLOWERS.some((kw) => rest.startsWith(kw.slice(0, kw[0] === 'i' ? 2 : kw.length)));
      // A non-ASCII letter ends the number (CPython's check sees only its first UTF-8 byte).
      if (!ok && c < 128) {
        this.fail(this.error(`invalid ${kind} literal`, this.line, this.lineStart, p - 1));
        return;
      }
    }
    this.pos = p;
    this.push(T.NUMBER, start, p, this.line, this.lineStart);
  }

  /** Scans a string literal whose prefix spans [start, q) and whose quote is at q. */
  private string(start: number, q: number): void {
    const src = this.src;
    const quote = src.charCodeAt(q);
    const triple = src.charCodeAt(q + 1) === quote && src.charCodeAt(q + 2) === quote;
    const sline = this.line;
    const sls = this.lineStart;
    let p = q + (triple ? 3 : 1);
    const n = src.length;
    for (;;) {
      if (p >= n) {
        const what = triple ? 'unterminated triple-quoted string literal' : 'unterminated string literal';
        // The last line of the file, not the empty "line" after a final newline.
        const endLine = n > 0 && src.charCodeAt(n - 1) === 10 && this.line > 1 ? this.line - 1 : this.line;
        this.fail(this.error(`${what} (detected at line ${this.absLine(endLine)})`, sline, sls, start));
        return;
      }
      const c = src.charCodeAt(p);
      if (c === quote) {
        if (!triple) { p++; break; }
        if (src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote) { p += 3; break; }
        p++;
      } else if (c === 92) {
        p++;
        const d = src.charCodeAt(p);
        if (d === 13 && src.charCodeAt(p + 1) === 10) p++;
        if (d === 10 || d === 13) { this.newline(p + 1); }
        p++;
      } else if (c === 10 || c === 13) {
        if (!triple) {
          this.fail(this.error(`unterminated string literal (detected at line ${this.absLine(this.line)})`, sline, sls, start));
          return;
        }
        if (c === 13 && src.charCodeAt(p + 1) === 10) p++;
        p++;
        this.newline(p);
      } else p++;
    }
    this.pos = p;
    this.push(T.STRING, start, p, sline, sls);
  }
}

/** Tokenizes `src` completely; see {@link Tokenizer}. */
export function tokenize(src: string, filename = '<unknown>'): Token[] {
  return new Tokenizer(src, filename).tokenize();
}
