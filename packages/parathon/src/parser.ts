// Recursive-descent parser for Python 3.11 producing CPython's AST (plain objects, same positions).
import type * as A from './ast.js';
import { PyParserRecursionError, PySyntaxError, type SyntaxErrorType } from './errors/syntax.js';
import { T, Tokenizer, tokenizerErrors, type Token, type TokenizerOrigin } from './tokenizer.js';
import { decodeBytes, decodeStr, EscapeError, stringPrefix } from './parser/strings.js';

export { PyParserRecursionError, PySyntaxError } from './errors/syntax.js';

const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
  'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

const AUGOPS: Record<string, A.operator['_type']> = {
  '+=': 'Add', '-=': 'Sub', '*=': 'Mult', '@=': 'MatMult', '/=': 'Div', '%=': 'Mod', '&=': 'BitAnd', '|=': 'BitOr',
  '^=': 'BitXor', '<<=': 'LShift', '>>=': 'RShift', '**=': 'Pow', '//=': 'FloorDiv',
};
// Binary operator levels from loosest (bitwise_or) to tightest (term).
const BINLEVELS: Record<string, A.operator['_type']>[] = [
  { '|': 'BitOr' }, { '^': 'BitXor' }, { '&': 'BitAnd' }, { '<<': 'LShift', '>>': 'RShift' },
  { '+': 'Add', '-': 'Sub' }, { '*': 'Mult', '/': 'Div', '//': 'FloorDiv', '%': 'Mod', '@': 'MatMult' },
];
// Binary operator -> precedence level (0 = loosest) and its shared operator node.
const BINOPS = new Map<string, { level: number; op: A.operator }>();
BINLEVELS.forEach((table, level) => {
  for (const [tok, name] of Object.entries(table)) BINOPS.set(tok, { level, op: { _type: name } as A.operator });
});
const CMPOPS: Record<string, A.cmpop['_type']> = {
  '==': 'Eq', '!=': 'NotEq', '<': 'Lt', '<=': 'LtE', '>': 'Gt', '>=': 'GtE',
};
// Nesting of expressions beyond this raises PyParserRecursionError (CPython fails near 1000-3000 too).
const MAX_DEPTH = 2500;
// Left-associative chains (a + b + ..., a.b.c..., f()()...) build deep trees without deep parsing;
// CPython's AST construction fails near this depth with RecursionError.
const MAX_AST_DEPTH = 2985;
/** Errors raised inside f-string expressions (their text is the expression, even for files). */
const fstringErrors = new WeakSet<PySyntaxError>();

// Shared singleton operator/context objects: they carry no position, so sharing is safe.
const LOAD: A.Load = { _type: 'Load' };
const STORE: A.Store = { _type: 'Store' };
const DEL: A.Del = { _type: 'Del' };
const OPS: Record<string, { _type: string }> = {};
function op<K extends string>(name: K): { _type: K } {
  return (OPS[name] ??= { _type: name }) as { _type: K };
}

type Pos = { lineno: number; col_offset: number };
type Located = A.expr | A.stmt;
type Ctx = A.Load | A.Store | A.Del;

/** What kind of block a ':' opens, for "expected an indented block after ..." messages. */
type BlockKind = string;

/** Parse mode, as the `mode` argument of CPython's compile(). */
export type ParseMode = 'exec' | 'eval' | 'single';

class Parser {
  private toks: Token[];
  private i = 0;
  private last!: Token;
  private depth = 0;
  /** "expected ':'" for `match x` NEWLINE, raised only if the line is not a valid statement either. */
  private matchColon: PySyntaxError | null = null;
  /** Set while re-parsing for an error message: binary operators backtrack instead of failing. */
  private probing = false;
  /** Index of the furthest token looked at by the first pass (CPython's p->fill - 1 then). */
  private far = 0;
  /** Furthest token looked at by anything, error-message probes included (CPython's final p->fill - 1). */
  private farAll = 0;
  private readonly tz: Tokenizer;
  private readonly filename: string;
  /** The outermost tokenizer, for error source lines of f-string sub-parses. */
  private readonly root: Tokenizer;

  private readonly origin: TokenizerOrigin | null;
  /** Parsing in 'exec' mode (the source counts as newline-terminated in error texts). */
  execMode = true;

  constructor(src: string, filename: string, origin: TokenizerOrigin | null, root: Tokenizer | null) {
    this.origin = origin;
    this.tz = new Tokenizer(src, filename, origin);
    this.root = root ?? this.tz;
    this.filename = filename;
    this.toks = this.tz.tokenize();
  }

  // -- Token access --

  private peek(): Token {
    if (this.i > this.far) { this.far = this.i; if (this.i > this.farAll) this.farAll = this.i; }
    const t = this.toks[this.i];
    if (t.type === T.ERROR) throw t.error!;
    return t;
  }

  private peekAt(k: number): Token {
    const j = Math.min(this.i + k, this.toks.length - 1);
    if (j > this.far) { this.far = j; if (j > this.farAll) this.farAll = j; }
    for (let m = this.i; m <= j; m++) if (this.toks[m].type === T.ERROR) return this.toks[m];
    return this.toks[j];
  }

  private next(): Token {
    const t = this.peek();
    this.i++;
    this.last = t;
    return t;
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.type === T.OP && t.value === v;
  }

  private isKw(v: string): boolean {
    const t = this.peek();
    return t.type === T.NAME && t.value === v;
  }

  private eatOp(v: string): boolean {
    if (this.isOp(v)) { this.next(); return true; }
    return false;
  }

  private eatKw(v: string): boolean {
    if (this.isKw(v)) { this.next(); return true; }
    return false;
  }

  private expectOp(v: string): Token {
    if (this.isOp(v)) return this.next();
    if (v === ':') throw this.errorAt("expected ':'", this.last, true);
    throw this.invalid();
  }

  private expectKw(v: string): Token {
    if (this.isKw(v)) return this.next();
    throw this.invalid();
  }

  private name(): Token {
    const t = this.peek();
    if (t.type !== T.NAME || KEYWORDS.has(t.value)) throw this.invalid();
    return this.next();
  }

  private isName(): boolean {
    const t = this.peek();
    return t.type === T.NAME && !KEYWORDS.has(t.value);
  }

  // -- Errors --

  /** Converts a 0-based byte column on `lineno` to CPython's 1-based character offset. */
  private offset(lineno: number, byteCol: number): number {
    const text = this.root.lineText(lineno);
    const bytes = Buffer.from(text, 'utf8');
    return bytes.subarray(0, byteCol).toString('utf8').length + 1;
  }

  private error(msg: string, sl: number, sc: number, el: number, ec: number, type: SyntaxErrorType = 'SyntaxError'): PySyntaxError {
    if (this.origin) {
      // Inside an f-string expression CPython reports columns within the "(expr)" text itself.
      const o = this.origin;
      const rel = (l: number, c: number) => {
        const text = this.tz.lineText(l - o.lineno + 1);
        const raw = l === o.lineno ? Math.max(0, c - o.col) : c;
        return Buffer.from(text, 'utf8').subarray(0, raw).toString('utf8').length + 1;
      };
      const subText = this.lineTextAt(this.tz.lineText(sl - o.lineno + 1), sl);
      const err = new PySyntaxError(type, msg, this.filename, sl, rel(sl, sc), el, rel(el, ec), subText);
      fstringErrors.add(err);
      return err;
    }
    return new PySyntaxError(type, msg, this.filename, sl, this.offset(sl, sc), el, this.offset(el, ec),
      this.lineTextAt(this.tz.lineText(sl), sl));
  }

  /**
   * CPython's SyntaxError.text: the tokenizer's current line comes from its buffer with the newline,
   * an earlier line from the source without it.
   */
  private lineTextAt(text: string, lineno: number): string {
    // The tokenizer's buffer starts at the first line of any token ending on its current line
    // (a multi-line string), and ends with the current line.
    const far = Math.min(this.farAll, this.toks.length - 1);
    const cur = this.toks[far].end_lineno;
    let first = cur;
    for (let j = far; j >= 0 && this.toks[j].end_lineno === cur; j--) first = Math.min(first, this.toks[j].lineno);
    if (lineno < first || lineno > cur) return text.replace(/\n$/, '');
    if (!this.origin) {
      text = '';
      for (let l = first; l <= cur; l++) text += this.tz.lineText(l);
    }
    // Only exec input gets a newline appended to its last line (CPython's exec_input).
    return this.execMode ? withNewline(text) : text;
  }

  /** An error located at a token; `after` puts it just after the token (like CPython's "expected ':'"). */
  private errorAt(msg: string, t: Token, after = false, type: SyntaxErrorType = 'SyntaxError'): PySyntaxError {
    if (!after && (t.type === T.INDENT || t.type === T.DEDENT || t.type === T.ENDMARKER)) {
      // These tokens have no column in CPython: it reports the tokenizer's position (no +1).
      const text = withNewline(this.root.lineText(t.lineno));
      const off = Buffer.from(text, 'utf8').subarray(0, t.col).toString('utf8').length;
      return new PySyntaxError(type, msg, this.filename, t.lineno, off, t.lineno, -1, this.lineTextAt(text, t.lineno));
    }
    if (after) return this.error(msg, t.end_lineno, t.end_col, t.end_lineno, t.end_col, type);
    return this.error(msg, t.lineno, t.col, t.end_lineno, t.end_col, type);
  }

  private errorNode(msg: string, n: Located | A.arg | A.keyword): PySyntaxError {
    return this.error(msg, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset);
  }

  private probe<R>(f: () => R): R {
    const was = this.probing;
    this.probing = true;
    try {
      return f();
    } finally {
      this.probing = was;
    }
  }

  /** CPython reports an unexpected indent at the end of the indentation (its INDENT token has no column). */
  private unexpectedIndent(t: Token): PySyntaxError {
    return new PySyntaxError('IndentationError', 'unexpected indent', this.filename, t.lineno, t.end - t.start, t.lineno, -1,
      this.lineTextAt(this.root.lineText(t.lineno), t.lineno));
  }

  /** An error at the token after the current construct, as CPython's RAISE_SYNTAX_ERROR (no location) does. */
  private errorHere(msg: string): PySyntaxError {
    const t = this.peek();
    if (t.type === T.DEDENT || t.type === T.ENDMARKER) return this.errorAt(msg, t);
    return this.error(msg, t.lineno, t.col, t.end_lineno, t.end_col);
  }

  /**
   * CPython tokenizes the rest of the file after a parser error: a tokenizer error found there
   * replaces the parser's error (an unclosed bracket only if it opened on an earlier line).
   */
  overrideWithTokenizerError(e: PySyntaxError): PySyntaxError {
    const last = this.toks[this.toks.length - 1];
    if (last.type !== T.ERROR || last.error === e || e.msg === 'unexpected indent') return e;
    if (last.errorKind === 'exc') return last.error!;
    const farTok = this.toks[Math.min(this.farAll, this.toks.length - 1)];
    const errLine = Math.max(e.lineno, farTok.lineno);
    if (last.errorKind === 'eof' && errLine > (last.bracketLine ?? 0)) return last.error!;
    return e;
  }

  /** Whether `e` came from this parser's tokenizer rather than from a grammar rule. */
  isTokenizerError(e: PySyntaxError): boolean {
    return tokenizerErrors.has(e);
  }

  /** CPython's generic "invalid syntax" at the current token. */
  private invalid(): PySyntaxError {
    this.peek();
    // CPython reports at the furthest token its parser fetched, not where the rule failed.
    let t = this.toks[Math.min(this.far, this.toks.length - 1)];
    if (t.type === T.ERROR) throw t.error!;
    if (this.far < this.i) t = this.peek();
    if (t.type === T.INDENT) return this.unexpectedIndent(t);
    if (t.type === T.DEDENT) return this.errorAt('unexpected unindent', t, false, 'IndentationError');
    if (t.type === T.ENDMARKER) {
      // The generic error at ENDMARKER (no column in CPython) lands on column 0.
      const e = this.errorAt('invalid syntax', t);
      return new PySyntaxError(e.pyType, e.msg, e.filename, e.lineno, 0, e.end_lineno, 0, e.text);
    }
    if (t.type === T.NEWLINE && t.value === '') return this.error('invalid syntax', t.lineno, t.col, t.lineno, t.col);
    return this.errorAt('invalid syntax', t);
  }

  // -- Node helpers --

  /** Sets a node's position from `s` to the end of the last consumed token. */
  private fin<N>(n: N, s: Pos): N {
    const o = n as unknown as A.Located;
    o.lineno = s.lineno;
    o.col_offset = s.col_offset;
    o.end_lineno = this.last.end_lineno;
    o.end_col_offset = this.last.end_col;
    return n;
  }

  private span<N>(n: N, s: Pos, e: { end_lineno: number; end_col_offset: number }): N {
    const o = n as unknown as A.Located;
    o.lineno = s.lineno;
    o.col_offset = s.col_offset;
    o.end_lineno = e.end_lineno;
    o.end_col_offset = e.end_col_offset;
    return n;
  }

  /** End of the last non-whitespace token consumed (CPython's EXTRA end skips NEWLINE/INDENT/DEDENT). */
  private endTok(): { end_lineno: number; end_col_offset: number } {
    let j = this.i - 1;
    while (j > 0 && (this.toks[j].type === T.NEWLINE || this.toks[j].type === T.INDENT || this.toks[j].type === T.DEDENT)) j--;
    const t = this.toks[j];
    return { end_lineno: t.end_lineno, end_col_offset: t.end_col };
  }

  private pos(t: Token): Pos {
    return { lineno: t.lineno, col_offset: t.col };
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new PyParserRecursionError();
  }

  // -- Entry points --

  /** file: [statements] ENDMARKER */
  parseModule(): A.Module {
    const body: A.stmt[] = [];
    while (this.peek().type !== T.ENDMARKER) {
      if (this.peek().type === T.NEWLINE) { this.next(); continue; }
      this.statement(body);
    }
    return { _type: 'Module', body, type_ignores: [] };
  }

  /** eval: expressions NEWLINE* ENDMARKER */
  parseEval(): A.Expression {
    while (this.peek().type === T.NEWLINE) this.next();
    const body = this.expressions();
    while (this.peek().type === T.NEWLINE) this.next();
    if (this.peek().type !== T.ENDMARKER) throw this.invalid();
    return { _type: 'Expression', body };
  }

  /** interactive: statement_newline */
  parseInteractive(): A.Interactive {
    const body: A.stmt[] = [];
    while (this.peek().type === T.NEWLINE) this.next();
    if (this.peek().type !== T.ENDMARKER) this.statement(body);
    // After a compound statement CPython's grammar wants the end of input (statement_newline).
    if (body.length && COMPOUND.has(body[0]._type) && this.peek().type !== T.ENDMARKER && this.peek().type !== T.NEWLINE) {
      throw this.invalid();
    }
    // CPython checks for more input by reading characters, not tokens (the tokenizer stays on this line).
    let j = this.i;
    while (this.toks[j].type === T.NEWLINE) j++;
    if (this.toks[j].type !== T.ENDMARKER) {
      const t = this.last;
      throw this.error('multiple statements found while compiling a single statement', t.lineno, t.col, t.end_lineno, t.end_col);
    }
    return { _type: 'Interactive', body };
  }

  /** Whether the furthest token the parser looked at is the end of the input (more input could help). */
  reachedEnd(): boolean {
    const t = this.toks[Math.min(this.farAll, this.toks.length - 1)];
    return t.type === T.ENDMARKER || (t.type === T.DEDENT && t.start >= this.tz.src.length);
  }

  /** fstring: star_expressions, over the sub-source "(expr)". */
  parseFstringExpr(): A.expr {
    const e = this.starExpressions();
    if (this.peek().type === T.NEWLINE) this.next();
    if (this.peek().type !== T.ENDMARKER) throw this.invalid();
    return e;
  }

  // -- Statements --

  /** statement: compound_stmt | simple_stmts */
  private statement(body: A.stmt[]): void {
    const t = this.peek();
    if (t.type === T.INDENT) throw this.unexpectedIndent(t);
    if (t.type === T.NAME) {
      switch (t.value) {
        case 'def': body.push(this.funcDef([], null)); return;
        case 'if': body.push(this.ifStmt()); return;
        case 'class': body.push(this.classDef([], null)); return;
        case 'with': body.push(this.withStmt(null)); return;
        case 'for': body.push(this.forStmt(null)); return;
        case 'try': body.push(this.tryStmt()); return;
        case 'while': body.push(this.whileStmt()); return;
        case 'async': {
          const n = this.peekAt(1);
          if (n.type === T.NAME && (n.value === 'def' || n.value === 'with' || n.value === 'for')) {
            const a = this.next();
            if (n.value === 'def') body.push(this.funcDef([], a));
            else if (n.value === 'with') body.push(this.withStmt(a));
            else body.push(this.forStmt(a));
            return;
          }
          throw this.invalid();
        }
        case 'match': {
          const m = this.matchStmt();
          if (m) { body.push(m); return; }
          break;
        }
      }
    } else if (t.type === T.OP && t.value === '@') {
      body.push(this.decorated());
      return;
    }
    if (this.matchColon) {
      const err = this.matchColon;
      this.matchColon = null;
      try {
        this.simpleStmts(body);
      } catch (e) {
        if (!(e instanceof PySyntaxError) || tokenizerErrors.has(e)) throw e;
        throw err;
      }
      return;
    }
    this.simpleStmts(body);
  }

  /** simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
  private simpleStmts(body: A.stmt[]): void {
    for (;;) {
      body.push(this.simpleStmt());
      if (!this.eatOp(';')) break;
      if (this.peek().type === T.NEWLINE) break;
    }
    const t = this.peek();
    if (t.type !== T.NEWLINE) {
      const lastType = body[body.length - 1]._type;
      if (lastType !== 'Import' && lastType !== 'ImportFrom' && lastType !== 'Global' && lastType !== 'Nonlocal') this.probeOn();
      throw this.invalid();
    }
    this.next();
  }

  /**
   * After a complete expression, an unexpected token that starts another one: CPython's second pass
   * (invalid_expression) parses on from there. That can reach a tokenizer error or an unclosed
   * bracket further on, which then wins; emulate the look-ahead, keeping the first-pass location.
   */
  private probeOn(): void {
    const t = this.peek();
    if (!this.startsExpression() || (t.type === T.OP && t.value !== '{')) return;
    const save = this.i;
    const saveLast = this.last;
    const saveFar = this.far;
    try {
      // invalid_expression applies again at each expression that follows.
      let n = 0;
      do this.starExpressions(); while (++n < 2 && this.probeAgain());
    } catch (err) {
      if (!(err instanceof PySyntaxError) || tokenizerErrors.has(err)) throw err;
    }
    this.i = save;
    this.last = saveLast;
    this.far = saveFar;
  }

  /** Whether CPython's invalid_expression would look at the expression starting here (not `NAME STRING`). */
  private probeAgain(): boolean {
    const t = this.peek();
    if (!this.startsExpression() || (t.type === T.OP && t.value !== '{' && t.value !== '(' && t.value !== '[')) return false;
    const n = this.peekAt(1);
    return !(t.type === T.NAME && (n.type === T.STRING || t.value === 'match' || t.value === 'case' || t.value === '_'));
  }

  private simpleStmt(): A.stmt {
    const t = this.peek();
    const s = this.pos(t);
    if (t.type === T.NAME) {
      switch (t.value) {
        case 'pass': this.next(); return this.fin<A.Pass>({ _type: 'Pass' } as A.Pass, s);
        case 'break': this.next(); return this.fin<A.Break>({ _type: 'Break' } as A.Break, s);
        case 'continue': this.next(); return this.fin<A.Continue>({ _type: 'Continue' } as A.Continue, s);
        case 'return': {
          this.next();
          const value = this.atExprEnd() ? null : this.starExpressions();
          return this.fin({ _type: 'Return', value } as A.Return, s);
        }
        case 'import': return this.importName();
        case 'from': return this.importFrom();
        case 'raise': {
          this.next();
          let exc: A.expr | null = null;
          let cause: A.expr | null = null;
          if (!this.atExprEnd()) {
            exc = this.expression();
            if (this.eatKw('from')) cause = this.expression();
          }
          return this.fin({ _type: 'Raise', exc, cause } as A.Raise, s);
        }
        case 'global': case 'nonlocal': {
          this.next();
          const names = [this.name().value];
          while (this.eatOp(',')) names.push(this.name().value);
          return this.fin({ _type: t.value === 'global' ? 'Global' : 'Nonlocal', names } as A.Global, s);
        }
        case 'del': {
          this.next();
          const targets = this.delTargets();
          return this.fin({ _type: 'Delete', targets } as A.Delete, s);
        }
        case 'assert': {
          this.next();
          const test = this.expression();
          const msg = this.eatOp(',') ? this.expression() : null;
          return this.fin({ _type: 'Assert', test, msg } as A.Assert, s);
        }
      }
    }
    return this.exprStmt();
  }

  /** True at a token that ends a simple statement (NEWLINE or ';'). */
  private atExprEnd(): boolean {
    const t = this.peek();
    return t.type === T.NEWLINE || (t.type === T.OP && (t.value === ';' || t.value === ')' || t.value === '}' || t.value === ']'));
  }

  /** assignment | star_expressions: parse the left side once, then decide by what follows. */
  private exprStmt(): A.stmt {
    const startIdx = this.i;
    const first = this.peek();
    const s = this.pos(first);
    const lhs = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
    const t = this.peek();
    if (t.type === T.OP) {
      if (t.value === '=') {
        const targets: A.expr[] = [];
        let value: A.expr = lhs;
        while (this.isOp('=')) {
          // `value` is followed by '=', so it is a target: check it before parsing on, like CPython.
          this.checkTarget(value, startIdx);
          targets.push(this.setCtx(value, STORE));
          this.next();
          value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
        }
        return this.fin({ _type: 'Assign', targets, value, type_comment: null } as A.Assign, s);
      }
      if (t.value === ':') {
        const validTarget = lhs._type === 'Name' || lhs._type === 'Attribute' || lhs._type === 'Subscript';
        const farBefore = this.far;
        const colonAt = this.i;
        const beforeColon = this.last;
        this.next();
        // CPython names a bad target only once an annotation expression follows the ':' (in its
        // second pass: a failure here reports at the ':').
        let annotation: A.expr;
        if (validTarget) annotation = this.expression();
        else {
          try {
            annotation = this.expression();
          } catch (err) {
            if (!(err instanceof PySyntaxError) || tokenizerErrors.has(err) || !err.msg.startsWith('invalid syntax')) throw err;
            this.i = colonAt;
            this.last = beforeColon;
            this.far = farBefore;
            throw this.invalid();
          }
        }
        if (lhs._type === 'Tuple' || lhs._type === 'List') {
          // A bare `a, b: int` is reported at its first element, a bracketed one as a whole.
          const bare = lhs._type === 'Tuple' && !(first.type === T.OP && first.value === '(') && lhs.elts.length > 0;
          throw this.errorNode(`only single target (not ${lhs._type === 'Tuple' ? 'tuple' : 'list'}) can be annotated`, bare ? lhs.elts[0] : lhs);
        }
        if (lhs._type !== 'Name' && lhs._type !== 'Attribute' && lhs._type !== 'Subscript') {
          throw this.errorNode('illegal target for annotation', lhs);
        }
        let value: A.expr | null = null;
        if (this.eatOp('=')) value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
        const simple = lhs._type === 'Name' && !(first.type === T.OP && first.value === '(') ? 1 : 0;
        return this.fin({ _type: 'AnnAssign', target: this.setCtx(lhs, STORE), annotation, value, simple } as A.AnnAssign, s);
      }
      const aug = AUGOPS[t.value];
      if (aug) {
        if (lhs._type !== 'Name' && lhs._type !== 'Attribute' && lhs._type !== 'Subscript') {
          throw this.errorNode(`'${exprName(lhs)}' is an illegal expression for augmented assignment`, lhs);
        }
        this.next();
        const value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
        return this.fin({ _type: 'AugAssign', target: this.setCtx(lhs, STORE), op: op(aug), value } as A.AugAssign, s);
      }
    }
    if (!this.atExprEnd()) this.unexpectedAfterExpr(lhs);
    return this.fin({ _type: 'Expr', value: lhs } as A.Expr, s);
  }

  /** Raises CPython's more helpful messages for an expression followed by junk. */
  private unexpectedAfterExpr(lhs: A.expr): never {
    const t = this.peek();
    if (this.startsExpression() && !(t.type === T.OP && (t.value === '*' || t.value === '**' || t.value === '-' || t.value === '+' || t.value === '~' || t.value === '(' || t.value === '['))) {
      // CPython's second pass parses on (invalid_expression, invalid_legacy_expression): this can
      // reach a tokenizer error further on, and names `print x` as a missing call.
      const save = this.i;
      const saveLast = this.last;
      const saveFar = this.far;
      let end: Token | null = null;
      try {
        this.starExpressions();
        end = this.last;
        // invalid_expression applies again at each expression that follows.
        if (this.probeAgain()) this.starExpressions();
      } catch (err) {
        if (!(err instanceof PySyntaxError) || tokenizerErrors.has(err)) throw err;
      }
      this.i = save;
      this.last = saveLast;
      this.far = saveFar;
      if (end && lhs._type === 'Name' && (lhs.id === 'print' || lhs.id === 'exec')) {
        throw this.error(`Missing parentheses in call to '${lhs.id}'. Did you mean ${lhs.id}(...)?`,
          lhs.lineno, lhs.col_offset, end.end_lineno, end.end_col);
      }
    }
    if (t.type === T.OP && t.value === ':=') {
      if (lhs._type !== 'Name') throw this.errorNode(`cannot use assignment expressions with ${exprName(lhs)}`, lhs);
    }
    throw this.invalid();
  }

  /** Raises CPython's error for an invalid assignment target, or returns if `tg` is a valid target. */
  private checkTarget(tg: A.expr, startIdx: number): void {
    const bad = tg._type === 'Yield' || tg._type === 'YieldFrom' ? tg : invalidTarget(tg, 'store');
    if (!bad) return;
    this.invalidNamedAt(startIdx);
    if (bad._type === 'Yield' || bad._type === 'YieldFrom') throw this.errorNode('assignment to yield expression not possible', bad);
    throw this.errorNode(`cannot assign to ${exprName(bad)}`, bad);
  }

  /**
   * CPython's invalid_assignment tries a named expression at the statement start first, so
   * `x = 1, y = 2` and `f() = 1` get the "Maybe you meant '=='" messages. Returns if that does not apply.
   */
  private invalidNamedAt(startIdx: number): void {
    const save = this.i;
    const saveLast = this.last;
    const saveFar = this.far;
    this.i = startIdx;
    try {
      const e = this.probe(() => this.bitwiseOr());
      if (this.isOp('=')) this.invalidNamedAssign(e, true);
    } catch (err) {
      if (!(err instanceof PySyntaxError) || !err.msg.includes('Maybe you meant')) {
        if (!(err instanceof PySyntaxError)) throw err;
      } else {
        throw err;
      }
    }
    this.i = save;
    this.last = saveLast;
    this.far = saveFar;
  }

  /** Returns `e` with Store/Del context set recursively (targets are fresh nodes, so in place). */
  private setCtx(e: A.expr, ctx: Ctx): A.expr {
    switch (e._type) {
      case 'Name': case 'Attribute': case 'Subscript':
        (e as { ctx: Ctx }).ctx = ctx;
        return e;
      case 'Starred':
        e.ctx = ctx;
        this.setCtx(e.value, ctx);
        return e;
      case 'Tuple': case 'List':
        (e as { ctx: Ctx }).ctx = ctx;
        for (const x of e.elts) this.setCtx(x, ctx);
        return e;
      default:
        throw this.errorNode(`cannot ${ctx === DEL ? 'delete' : 'assign to'} ${exprName(e)}`, e);
    }
  }

  /** import_name: 'import' dotted_as_names */
  private importName(): A.Import {
    const s = this.pos(this.next());
    const names: A.alias[] = [];
    do {
      const a = this.peek();
      let name = this.name().value;
      while (this.eatOp('.')) name += '.' + this.name().value;
      const asname = this.eatKw('as') ? this.name().value : null;
      names.push(this.fin({ _type: 'alias', name, asname } as A.alias, this.pos(a)));
    } while (this.eatOp(','));
    return this.fin({ _type: 'Import', names } as A.Import, s);
  }

  /** import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets */
  private importFrom(): A.ImportFrom {
    const s = this.pos(this.next());
    let level = 0;
    for (;;) {
      if (this.eatOp('.')) level++;
      else if (this.eatOp('...')) level += 3;
      else break;
    }
    let module: string | null = null;
    if (level === 0 || !this.isKw('import')) {
      module = this.name().value;
      while (this.eatOp('.')) module += '.' + this.name().value;
    }
    this.expectKw('import');
    const names: A.alias[] = [];
    if (this.isOp('*')) {
      const t = this.next();
      names.push(this.fin({ _type: 'alias', name: '*', asname: null } as A.alias, this.pos(t)));
    } else {
      const paren = this.eatOp('(');
      do {
        if (paren && this.isOp(')')) break;
        if (!paren && this.peek().type === T.NEWLINE && this.last.value === ',') {
          throw this.errorHere('trailing comma not allowed without surrounding parentheses');
        }
        const a = this.peek();
        const name = this.name().value;
        const asname = this.eatKw('as') ? this.name().value : null;
        names.push(this.fin({ _type: 'alias', name, asname } as A.alias, this.pos(a)));
      } while (this.eatOp(','));
      if (paren) this.expectOp(')');
      else if (this.last.type === T.OP && this.last.value === ',') {
        throw this.errorAt('trailing comma not allowed without surrounding parentheses', this.last);
      }
    }
    return this.fin({ _type: 'ImportFrom', module, names, level } as A.ImportFrom, s);
  }

  /** del_targets: ','.del_target+ [','] */
  private delTargets(): A.expr[] {
    const targets: A.expr[] = [];
    do {
      if (this.atExprEnd()) break;
      const e = this.isOp('*') ? this.starExpression() : this.bitwiseOr();
      const bad = invalidTarget(e, 'del');
      if (bad) throw this.errorNode(`cannot delete ${exprName(bad)}`, bad);
      targets.push(this.setCtx(e, DEL));
    } while (this.eatOp(','));
    if (!targets.length) throw this.invalid();
    return targets;
  }

  /** block: NEWLINE INDENT statements DEDENT | simple_stmts */
  private block(kind: BlockKind, kwTok: Token): A.stmt[] {
    const body: A.stmt[] = [];
    if (this.peek().type === T.NEWLINE) {
      this.next();
      const t = this.peek();
      if (t.type !== T.INDENT) {
        throw this.errorAt(`expected an indented block after ${kind} on line ${kwTok.lineno}`, t, false, 'IndentationError');
      }
      this.next();
      while (this.peek().type !== T.DEDENT) this.statement(body);
      this.next();
      return body;
    }
    this.simpleStmts(body);
    return body;
  }

  /**
   * The ':' of a compound statement. CPython says "expected ':'" where its grammar forces the token
   * (`forced`: def, try, finally, else, case) or when the line ends; otherwise "invalid syntax".
   */
  private colon(forced = false): void {
    if (this.isOp(':')) { this.next(); return; }
    if (forced || this.peek().type === T.NEWLINE) throw this.colonError();
    this.probeOn();
    throw this.invalid();
  }

  private colonError(): PySyntaxError {
    const t = this.peek();
    return this.error("expected ':'", t.lineno, t.col, t.end_lineno, t.end_col);
  }

  /** if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block]) */
  private ifStmt(): A.If {
    const kw = this.next();
    const test = this.namedExpression();
    this.colon();
    const body = this.block(`'${kw.value}' statement`, kw);
    let orelse: A.stmt[] = [];
    if (this.isKw('elif')) orelse = [this.ifStmt()];
    else if (this.isKw('else')) {
      const e = this.next();
      this.colon(true);
      orelse = this.block("'else' statement", e);
    }
    return this.span({ _type: 'If', test, body, orelse } as A.If, this.pos(kw), this.endTok());
  }

  /** while_stmt: 'while' named_expression ':' block [else_block] */
  private whileStmt(): A.While {
    const kw = this.next();
    const test = this.namedExpression();
    this.colon();
    const body = this.block("'while' statement", kw);
    const orelse = this.elseBlock();
    return this.span({ _type: 'While', test, body, orelse } as A.While, this.pos(kw), this.endTok());
  }

  private elseBlock(): A.stmt[] {
    if (!this.isKw('else')) return [];
    const e = this.next();
    this.colon(true);
    return this.block("'else' statement", e);
  }

  /** for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':' block [else_block] */
  private forStmt(async: Token | null): A.For | A.AsyncFor {
    const kw = this.next();
    const target = this.starTargets();
    if (!this.isKw('in')) throw this.invalid();
    this.next();
    const iter = this.starExpressions();
    this.colon();
    const body = this.block("'for' statement", kw);
    const orelse = this.elseBlock();
    return this.span({ _type: async ? 'AsyncFor' : 'For', target, iter, body, orelse, type_comment: null } as A.For,
      this.pos(async ?? kw), this.endTok());
  }

  /** with_stmt: ['async'] 'with' ( '(' ','.with_item+ ','? ')' | ','.with_item+ ) ':' block */
  private withStmt(async: Token | null): A.With | A.AsyncWith {
    const kw = this.next();
    let items: A.withitem[] | null = null;
    if (this.isOp('(')) {
      // Try the parenthesized form; fall back to an expression that starts with '('.
      const save = this.i;
      const saveLast = this.last;
      try {
        this.next();
        const its: A.withitem[] = [];
        do {
          if (this.isOp(')')) break;
          its.push(this.withItem());
        } while (this.eatOp(','));
        this.expectOp(')');
        if (this.isOp(':')) items = its;
        else if (this.peek().type === T.NEWLINE) throw this.colonError();
        else { this.i = save; this.last = saveLast; }
      } catch (e) {
        if (!(e instanceof PySyntaxError) || e.msg === "expected ':'") throw e;
        this.i = save;
        this.last = saveLast;
      }
    }
    if (!items) {
      items = [];
      do items.push(this.withItem()); while (this.eatOp(','));
    }
    this.colon();
    const body = this.block("'with' statement", kw);
    return this.span({ _type: async ? 'AsyncWith' : 'With', items, body, type_comment: null } as A.With,
      this.pos(async ?? kw), this.endTok());
  }

  /** with_item: expression ['as' star_target] */
  private withItem(): A.withitem {
    const context_expr = this.expression();
    let optional_vars: A.expr | null = null;
    if (this.eatKw('as')) optional_vars = this.starTarget();
    return { _type: 'withitem', context_expr, optional_vars };
  }

  /** try_stmt: 'try' ':' block (finally_block | except_block+ [else_block] [finally_block]) */
  private tryStmt(): A.Try | A.TryStar {
    const kw = this.next();
    this.colon(true);
    const body = this.block("'try' statement", kw);
    const handlers: A.ExceptHandler[] = [];
    let star: boolean | null = null;
    while (this.isKw('except')) {
      const ek = this.next();
      const isStar = this.eatOp('*');
      if (this.peek().type === T.NEWLINE) throw this.colonError();
      if (isStar && this.isOp(':')) throw this.errorAt('expected one or more exception types', this.peek());
      if (star !== null && star !== isStar) {
        // except* after except: CPython marks `except*`; except after except*: just `except`.
        const endT = isStar ? this.last : ek;
        throw this.error("cannot have both 'except' and 'except*' on the same 'try'", ek.lineno, ek.col, endT.end_lineno, endT.end_col);
      }
      star = isStar;
      let type: A.expr | null = null;
      let name: string | null = null;
      if (!this.isOp(':')) {
        const ts = this.peek();
        type = this.expression();
        if (this.isOp(',')) {
          // except A, B: -> tuple without parentheses.
          while (this.eatOp(',')) this.expression();
          if (this.eatKw('as')) this.name();
          if (this.isOp(':')) throw this.error('multiple exception types must be parenthesized', ts.lineno, ts.col, this.last.end_lineno, this.last.end_col);
          throw this.invalid();
        }
        if (this.eatKw('as')) name = this.name().value;
      } else if (isStar) {
        throw this.errorAt('expected one or more exception types', this.peek());
      }
      this.colon();
      const hbody = this.block(isStar ? "'except*' statement" : "'except' statement", ek);
      handlers.push(this.span({ _type: 'ExceptHandler', type, name, body: hbody } as A.ExceptHandler, this.pos(ek), this.endTok()));
    }
    let orelse: A.stmt[] = [];
    if (handlers.length) orelse = this.elseBlock();
    let finalbody: A.stmt[] = [];
    if (this.isKw('finally')) {
      const f = this.next();
      this.colon(true);
      finalbody = this.block("'finally' statement", f);
    }
    if (!handlers.length && !finalbody.length) throw this.errorAt("expected 'except' or 'finally' block", this.peek());
    const end = this.endTok();
    return this.span({ _type: star ? 'TryStar' : 'Try', body, handlers, orelse, finalbody } as A.Try, this.pos(kw), end);
  }

  /** decorators: ('@' named_expression NEWLINE)+, then a function or class definition. */
  private decorated(): A.stmt {
    const decos: A.expr[] = [];
    while (this.eatOp('@')) {
      decos.push(this.namedExpression());
      if (this.peek().type !== T.NEWLINE) throw this.invalid();
      this.next();
    }
    const t = this.peek();
    if (this.isKw('def')) return this.funcDef(decos, null);
    if (this.isKw('class')) return this.classDef(decos, null);
    if (this.isKw('async') && this.peekAt(1).value === 'def') {
      const a = this.next();
      return this.funcDef(decos, a);
    }
    throw this.invalid();
  }

  /** function_def_raw: ['async'] 'def' NAME '(' [params] ')' ['->' expression] ':' block */
  private funcDef(decorator_list: A.expr[], async: Token | null): A.FunctionDef | A.AsyncFunctionDef {
    const kw = this.next();
    const name = this.name().value;
    if (!this.isOp('(')) throw this.errorAt("expected '('", this.peek());
    this.next();
    const args = this.parameters(')', true);
    this.expectOp(')');
    const returns = this.eatOp('->') ? this.expression() : null;
    this.colon(true);
    const body = this.block('function definition', kw);
    return this.span({ _type: async ? 'AsyncFunctionDef' : 'FunctionDef', name, args, body, decorator_list, returns, type_comment: null } as A.FunctionDef,
      this.pos(async ?? kw), this.endTok());
  }

  /** class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block */
  private classDef(decorator_list: A.expr[], _a: Token | null): A.ClassDef {
    const kw = this.next();
    const name = this.name().value;
    let bases: A.expr[] = [];
    let keywords: A.keyword[] = [];
    if (this.eatOp('(')) {
      const open = this.last;
      [bases, keywords] = this.callArgs();
      this.expectClose(')', open);
    }
    this.colon();
    const body = this.block('class definition', kw);
    return this.span({ _type: 'ClassDef', name, bases, keywords, body, decorator_list } as A.ClassDef, this.pos(kw), this.endTok());
  }

  /**
   * parameters / lambda_parameters: posonly '/' , regular with defaults, '*' [vararg] kwonly, '**' kwarg.
   * `annotated` is false for lambda (no annotations allowed).
   */
  private parameters(close: string, annotated: boolean): A.arguments {
    const posonlyargs: A.arg[] = [];
    let args: A.arg[] = [];
    const defaults: A.expr[] = [];
    let vararg: A.arg | null = null;
    const kwonlyargs: A.arg[] = [];
    const kw_defaults: (A.expr | null)[] = [];
    let kwarg: A.arg | null = null;
    let star = false;
    let sawSlash = false;
    const param = (starred: boolean): A.arg => {
      const t = this.name();
      let annotation: A.expr | null = null;
      if (annotated && this.eatOp(':')) {
        annotation = starred && this.isOp('*') ? this.starExpression() : this.expression();
      }
      return this.fin({ _type: 'arg', arg: t.value, annotation, type_comment: null } as A.arg, this.pos(t));
    };
    while (!this.isOp(close)) {
      if (kwarg) throw this.errorAt('arguments cannot follow var-keyword argument', this.peek());
      if (this.isOp('/')) {
        const sl = this.next();
        if (this.isOp('*')) throw this.errorAt('expected comma between / and *', this.peek());
        if (sawSlash) throw this.errorAt("/ may appear only once", sl);
        if (star) throw this.errorAt('/ must be ahead of *', sl);
        if (!args.length) throw this.errorAt(this.isOp(',') ? 'at least one argument must precede /' : 'invalid syntax', sl);
        sawSlash = true;
        posonlyargs.push(...args);
        args = [];
      } else if (this.isOp('**')) {
        this.next();
        kwarg = param(false);
        if (this.isOp('=')) throw this.errorAt('var-keyword argument cannot have default value', this.peek());
      } else if (this.isOp('*')) {
        const st = this.next();
        if (star) throw this.errorAt('* argument may appear only once', st);
        star = true;
        if (this.isOp(',') || this.isOp(close)) {
          const after = this.peekAt(1);
          if (this.isOp(close) || (after.type === T.OP && (after.value === '**' || after.value === close))) {
            // def reports at the '*'; lambda (no location in CPython's rule) at the last token read.
            if (close === ':') throw this.errorAt('named arguments must follow bare *', this.isOp(close) ? this.peek() : after);
            throw this.errorAt('named arguments must follow bare *', st);
          }
        } else {
          vararg = param(true);
          if (this.isOp('=')) throw this.errorAt('var-positional argument cannot have default value', this.peek());
        }
      } else if (this.isOp('(')) {
        // `def f((a, b))`: CPython's invalid_parameters names the mistake when the group holds only names.
        const open = this.peek();
        let k = 1;
        let tk = this.peekAt(k);
        while (tk.type === T.NAME && !KEYWORDS.has(tk.value)) {
          tk = this.peekAt(++k);
          if (tk.type === T.OP && tk.value === ',') tk = this.peekAt(++k);
          else break;
        }
        if (k > 1 && tk.type === T.OP && tk.value === ')' && !star && !sawSlash && !defaults.length) {
          const what = close === ':' ? 'Lambda expression parameters' : 'Function parameters';
          throw this.error(`${what} cannot be parenthesized`, open.lineno, open.col, tk.end_lineno, tk.end_col);
        }
        throw this.errorAt('invalid syntax', open);
      } else {
        const a = param(false);
        let d: A.expr | null = null;
        if (this.isOp('=')) {
          const eq = this.next();
          if (this.isOp(',') || this.isOp(close)) throw this.errorAt('expected default value expression', eq);
          d = this.expression();
        }
        if (star) {
          kwonlyargs.push(a);
          kw_defaults.push(d);
        } else {
          if (d) defaults.push(d);
          else if (defaults.length && (this.isOp(',') || this.isOp(close))) {
            throw this.errorNode('non-default argument follows default argument', a);
          }
          args.push(a);
        }
      }
      if (!this.eatOp(',')) break;
    }
    return { _type: 'arguments', posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults };
  }

  // -- Expressions --

  /** expressions: expression (',' expression)* [','] */
  private expressions(): A.expr {
    const s = this.peek();
    const e = this.expression();
    if (!this.isOp(',')) return e;
    const elts = [e];
    while (this.eatOp(',')) {
      if (!this.startsExpression()) break;
      elts.push(this.expression());
    }
    return this.fin({ _type: 'Tuple', elts, ctx: LOAD } as A.Tuple, this.pos(s));
  }

  /** star_expressions: star_expression (',' star_expression)* [','] */
  private starExpressions(): A.expr {
    const s = this.peek();
    const e = this.starExpression();
    if (!this.isOp(',')) return e;
    const elts = [e];
    while (this.eatOp(',')) {
      if (!this.startsExpression()) break;
      elts.push(this.starExpression());
    }
    return this.fin({ _type: 'Tuple', elts, ctx: LOAD } as A.Tuple, this.pos(s));
  }

  /** Whether the current token can start an expression (to end a sequence after a trailing comma). */
  private startsExpression(): boolean {
    const t = this.peek();
    switch (t.type) {
      case T.NAME:
        return !KEYWORDS.has(t.value) || t.value === 'None' || t.value === 'True' || t.value === 'False' ||
          t.value === 'not' || t.value === 'lambda' || t.value === 'await' || t.value === 'yield';
      case T.NUMBER: case T.STRING: return true;
      case T.OP:
        return t.value === '(' || t.value === '[' || t.value === '{' || t.value === '-' || t.value === '+' ||
          t.value === '~' || t.value === '*' || t.value === '...' || t.value === '**';
      default: return false;
    }
  }

  /** star_expression: '*' bitwise_or | expression */
  private starExpression(): A.expr {
    if (this.isOp('*')) {
      const t = this.next();
      const value = this.bitwiseOr();
      return this.fin({ _type: 'Starred', value, ctx: LOAD } as A.Starred, this.pos(t));
    }
    return this.expression();
  }

  /** star_named_expression: '*' bitwise_or | named_expression */
  private starNamedExpression(): A.expr {
    if (this.isOp('*')) return this.starExpression();
    return this.namedExpression();
  }

  /**
   * named_expression: NAME ':=' expression | expression !':='
   * `checkAssign`: report `x = y` where an expression is expected as CPython's invalid_named_expression does.
   */
  private namedExpression(checkAssign = true): A.expr {
    const t = this.peek();
    if (t.type === T.NAME && !KEYWORDS.has(t.value)) {
      const n = this.peekAt(1);
      if (n.type === T.OP && n.value === ':=') {
        this.next();
        const target = this.fin({ _type: 'Name', id: t.value, ctx: STORE } as A.Name, this.pos(t));
        this.next();
        const value = this.expression();
        return this.fin({ _type: 'NamedExpr', target, value } as A.NamedExpr, this.pos(t));
      }
    }
    const e = this.expression();
    if (this.isOp(':=')) throw this.errorNode(`cannot use assignment expressions with ${exprName(e)}`, e);
    if (checkAssign && this.isOp('=')) this.invalidNamedAssign(e);
    return e;
  }

  /** `a = b` inside an expression: CPython suggests '==' (or ':=' for a name). Returns if no such error. */
  private invalidNamedAssign(e: A.expr, isBitwise = false): void {
    if (!(isBitwise || isBitwiseOr(e)) || e._type === 'List' || e._type === 'Tuple' || e._type === 'GeneratorExp' ||
      (e._type === 'Constant' && (e.value === true || e.value === false || e.value === null))) return;
    const save = this.i;
    const saveLast = this.last;
    const saveFar = this.far;
    let ok = false;
    try {
      this.next();
      this.probe(() => this.bitwiseOr());
      ok = !this.isOp('=') && !this.isOp(':=');
    } catch (err) {
      if (!(err instanceof PySyntaxError) || tokenizerErrors.has(err)) throw err;
    }
    const endT = this.last;
    this.i = save;
    this.last = saveLast;
    this.far = saveFar;
    if (!ok) return;
    if (e._type === 'Name') {
      throw this.error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e.lineno, e.col_offset, endT.end_lineno, endT.end_col);
    }
    throw this.errorNode(`cannot assign to ${exprName(e)} here. Maybe you meant '==' instead of '='?`, e);
  }

  /** expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
  expression(): A.expr {
    if (this.isKw('lambda')) return this.lambdef();
    this.enter();
    const st = this.pos(this.peek());
    const body = this.disjunction();
    if (this.isKw('if')) {
      this.next();
      const test = this.disjunction();
      if (!this.isKw('else')) {
        if (this.isOp(':')) throw this.invalid();
        throw this.errorRangeToLast('expected \'else\' after \'if\' expression', body);
      }
      this.next();
      const orelse = this.expression();
      this.depth--;
      return this.fin({ _type: 'IfExp', test, body, orelse } as A.IfExp, st);
    }
    this.depth--;
    return body;
  }

  private errorRangeToLast(msg: string, s: Located): PySyntaxError {
    return this.error(msg, s.lineno, s.col_offset, this.last.end_lineno, this.last.end_col);
  }

  /** lambdef: 'lambda' [lambda_params] ':' expression */
  private lambdef(): A.Lambda {
    this.enter();
    const kw = this.next();
    const args = this.parameters(':', false);
    if (!this.isOp(':')) throw this.invalid();
    this.next();
    const body = this.expression();
    this.depth--;
    return this.fin({ _type: 'Lambda', args, body } as A.Lambda, this.pos(kw));
  }

  /** disjunction: conjunction ('or' conjunction)+ | conjunction */
  private disjunction(): A.expr {
    return this.boolOp('or', 'Or', this.conjunction);
  }

  /** conjunction: inversion ('and' inversion)+ | inversion */
  private conjunction(): A.expr {
    return this.boolOp('and', 'And', this.inversion);
  }

  /** One BoolOp level: operands from `operand`, joined by keyword `kw`; a lone operand is returned as is. */
  private boolOp(kw: 'or' | 'and', name: 'Or' | 'And', operand: (this: Parser) => A.expr): A.expr {
    const st = this.pos(this.peek());
    const first = operand.call(this);
    if (!this.isKw(kw)) return first;
    const values = [first];
    while (this.eatKw(kw)) values.push(operand.call(this));
    return this.fin({ _type: 'BoolOp', op: op(name), values } as A.BoolOp, st);
  }

  /** inversion: 'not' inversion | comparison */
  private inversion(): A.expr {
    if (this.isKw('not')) {
      const t = this.next();
      this.enter();
      const operand = this.inversion();
      this.depth--;
      return this.fin({ _type: 'UnaryOp', op: op('Not'), operand } as A.UnaryOp, this.pos(t));
    }
    return this.comparison();
  }

  /** comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
  private comparison(): A.expr {
    const st = this.pos(this.peek());
    const left = this.bitwiseOr();
    let ops: A.cmpop[] | null = null;
    let comparators: A.expr[] | null = null;
    for (;;) {
      const t = this.peek();
      let o: A.cmpop['_type'] | undefined;
      if (t.type === T.OP) {
        if (t.value === '<>') throw this.errorAt('invalid syntax', t);
        o = CMPOPS[t.value];
        if (!o) break;
        this.next();
      } else if (t.type === T.NAME) {
        if (t.value === 'in') { this.next(); o = 'In'; } else if (t.value === 'not') {
          const n = this.peekAt(1);
          if (n.type !== T.NAME || n.value !== 'in') break;
          this.next(); this.next();
          o = 'NotIn';
        } else if (t.value === 'is') {
          this.next();
          o = this.eatKw('not') ? 'IsNot' : 'Is';
        } else break;
      } else break;
      (ops ??= []).push(op(o));
      (comparators ??= []).push(this.bitwiseOr());
    }
    if (!ops) return left;
    return this.fin({ _type: 'Compare', left, ops, comparators } as A.Compare, st);
  }

  /** bitwise_or | bitwise_xor | bitwise_and | shift_expr | sum | term, by precedence climbing. */
  private bitwiseOr(): A.expr {
    return this.binary(0);
  }

  private binary(minLevel: number): A.expr {
    // Precedence climbing over the left-associative levels (fewer calls than one function per level).
    const st = this.pos(this.peek());
    let left = this.factor();
    for (let chain = this.depth; ; chain++) {
      if (chain > MAX_AST_DEPTH) throw new PyParserRecursionError();
      const t = this.peek();
      if (t.type !== T.OP) return left;
      const info = BINOPS.get(t.value);
      if (info === undefined || info.level < minLevel) return left;
      const before = this.i;
      const beforeLast = this.last;
      this.next();
      let right: A.expr;
      if (this.probing) {
        // PEG semantics: a failed `left op right` falls back to `left`.
        try {
          right = this.binary(info.level + 1);
        } catch (err) {
          if (!(err instanceof PySyntaxError) || tokenizerErrors.has(err)) throw err;
          this.i = before;
          this.last = beforeLast;
          return left;
        }
      } else right = this.binary(info.level + 1);
      left = this.fin({ _type: 'BinOp', left, op: info.op, right } as A.BinOp, st);
    }
  }


  /** factor: '+' factor | '-' factor | '~' factor | power */
  private factor(): A.expr {
    const t = this.peek();
    if (t.type === T.OP && (t.value === '-' || t.value === '+' || t.value === '~')) {
      this.next();
      this.enter();
      const operand = this.factor();
      this.depth--;
      const o = t.value === '-' ? 'USub' : t.value === '+' ? 'UAdd' : 'Invert';
      return this.fin({ _type: 'UnaryOp', op: op(o), operand } as A.UnaryOp, this.pos(t));
    }
    return this.power();
  }

  /** power: await_primary '**' factor | await_primary */
  private power(): A.expr {
    const st = this.pos(this.peek());
    const left = this.awaitPrimary();
    if (!this.isOp('**')) return left;
    this.next();
    this.enter();
    const right = this.factor();
    this.depth--;
    return this.fin({ _type: 'BinOp', left, op: op('Pow'), right } as A.BinOp, st);
  }

  /** await_primary: 'await' primary | primary */
  private awaitPrimary(): A.expr {
    if (this.isKw('await')) {
      const t = this.next();
      const value = this.primary();
      return this.fin({ _type: 'Await', value } as A.Await, this.pos(t));
    }
    return this.primary();
  }

  /** primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']' | atom */
  private primary(): A.expr {
    const st = this.pos(this.peek());
    let e = this.atom();
    for (let chain = this.depth; ; chain++) {
      if (chain > MAX_AST_DEPTH) throw new PyParserRecursionError();
      const t = this.peek();
      if (t.type !== T.OP) return e;
      if (t.value === '.') {
        this.next();
        const attr = this.name().value;
        e = this.fin({ _type: 'Attribute', value: e, attr, ctx: LOAD } as A.Attribute, st);
      } else if (t.value === '(') {
        this.next();
        const [args, keywords] = this.callArgs(t);
        this.expectClose(')', t);
        e = this.fin({ _type: 'Call', func: e, args, keywords } as A.Call, st);
      } else if (t.value === '[') {
        this.next();
        const slice = this.slices();
        this.expectClose(']', t);
        e = this.fin({ _type: 'Subscript', value: e, slice, ctx: LOAD } as A.Subscript, st);
      } else return e;
    }
  }

  private expectClose(v: string, _open: Token): void {
    if (this.isOp(v)) { this.next(); return; }
    throw this.invalidInBrackets();
  }

  /** "invalid syntax. Perhaps you forgot a comma?" when two expressions sit side by side in brackets. */
  private invalidInBrackets(): PySyntaxError {
    const t = this.peek();
    if ((t.type === T.NAME && !KEYWORDS.has(t.value)) || t.type === T.NUMBER || t.type === T.STRING ||
      (t.type === T.NAME && (t.value === 'None' || t.value === 'True' || t.value === 'False' || t.value === 'not' || t.value === 'lambda')) ||
      (t.type === T.OP && (t.value === '(' || t.value === '[' || t.value === '{'))) {
      // Find the start of the previous expression: scan back over the last complete operand.
      const prevStart = this.prevExprStart();
      if (prevStart && prevStart === this.toks[this.i - 1] && prevStart.type === T.NAME &&
        (prevStart.value === 'print' || prevStart.value === 'exec') && !(t.type === T.OP && t.value === '(')) {
        this.legacyCall(prevStart);
      }
      if (prevStart) {
        const save = this.i;
        const saveLast = this.last;
        const saveFar = this.far;
        try {
          this.expression();
          const endT = this.last;
          // CPython's invalid_expression skips `NAME STRING` (print "x") and soft keywords.
          const after = this.toks[this.toks.indexOf(prevStart) + 1];
          const ok = !(prevStart.type === T.NAME && after && after.type === T.STRING) &&
            !(prevStart.type === T.NAME && (prevStart.value === 'match' || prevStart.value === 'case' || prevStart.value === '_'));
          this.i = save;
          this.last = saveLast;
          this.far = saveFar;
          if (ok) {
            return this.error('invalid syntax. Perhaps you forgot a comma?', prevStart.lineno, prevStart.col, endT.end_lineno, endT.end_col);
          }
        } catch (e) {
          if (!(e instanceof PySyntaxError) || tokenizerErrors.has(e)) throw e;
          this.i = save;
          this.last = saveLast;
          this.far = saveFar;
        }
      }
    }
    return this.invalid();
  }

  /** invalid_legacy_expression: `print x` where the rest parses as star_expressions. Returns if not. */
  private legacyCall(name: Token): void {
    const save = this.i;
    const saveLast = this.last;
    const saveFar = this.far;
    let end: Token | null = null;
    try {
      this.starExpressions();
      end = this.last;
    } catch (err) {
      if (!(err instanceof PySyntaxError) || tokenizerErrors.has(err)) throw err;
    }
    this.i = save;
    this.last = saveLast;
    this.far = saveFar;
    if (end) {
      throw this.error(`Missing parentheses in call to '${name.value}'. Did you mean ${name.value}(...)?`,
        name.lineno, name.col, end.end_lineno, end.end_col);
    }
  }

  /** The first token of the expression that ended just before the current token, if simple to find. */
  private prevExprStart(): Token | null {
    let j = this.i - 1;
    let depth = 0;
    for (; j >= 0; j--) {
      const t = this.toks[j];
      if (t.type === T.OP) {
        if (t.value === ')' || t.value === ']' || t.value === '}') { depth++; continue; }
        if (t.value === '(' || t.value === '[' || t.value === '{') {
          if (depth === 0) return this.toks[j + 1] ?? null;
          depth--;
          continue;
        }
        if (depth === 0 && (t.value === ',' || t.value === ':' || t.value === '=')) {
          const n = this.toks[j + 1];
          return n && n.type === T.OP && (n.value === '*' || n.value === '**') ? this.toks[j + 2] ?? null : n ?? null;
        }
      }
      if (t.type === T.NEWLINE || t.type === T.INDENT || t.type === T.DEDENT) return null;
    }
    return null;
  }

  /** slices: slice !',' | ','.(slice | starred_expression)+ [','] */
  private slices(): A.expr {
    const s = this.peek();
    const first = this.isOp('*') ? this.starExpression() : this.slice();
    if (!this.isOp(',') && first._type !== 'Starred') return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.isOp('*') ? this.starExpression() : this.slice());
    }
    return this.fin({ _type: 'Tuple', elts, ctx: LOAD } as A.Tuple, this.pos(s));
  }

  /** slice: [expression] ':' [expression] [':' [expression]] | named_expression */
  private slice(): A.expr {
    const s = this.peek();
    let lower: A.expr | null = null;
    if (!this.isOp(':')) {
      lower = this.namedExpression();
      if (!this.isOp(':')) return lower;
    }
    this.next();
    let upper: A.expr | null = null;
    let step: A.expr | null = null;
    if (!this.isOp(':') && !this.isOp(']') && !this.isOp(',')) upper = this.expression();
    if (this.eatOp(':')) {
      if (!this.isOp(']') && !this.isOp(',')) step = this.expression();
    }
    return this.fin({ _type: 'Slice', lower, upper, step } as A.Slice, this.pos(s));
  }

  /** arguments: positional, starred, keyword and '**' arguments of a call or class bases. */
  private callArgs(open?: Token): [A.expr[], A.keyword[]] {
    const args: A.expr[] = [];
    const keywords: A.keyword[] = [];
    let sawKw = false;
    let sawDoubleStar = false;
    while (!this.isOp(')')) {
      const t = this.peek();
      if (t.type === T.OP && t.value === '*') {
        if (sawDoubleStar) throw this.errorAt('iterable argument unpacking follows keyword argument unpacking', t);
        this.next();
        const value = this.expression();
        args.push(this.fin({ _type: 'Starred', value, ctx: LOAD } as A.Starred, this.pos(t)));
      } else if (t.type === T.OP && t.value === '**') {
        this.next();
        const value = this.expression();
        keywords.push(this.fin({ _type: 'keyword', arg: null, value } as A.keyword, this.pos(t)));
        sawDoubleStar = true;
      } else if (t.type === T.NAME && !KEYWORDS.has(t.value) && this.peekAt(1).type === T.OP && this.peekAt(1).value === '=') {
        this.next();
        const eq = this.next();
        const value = this.expression();
        if (this.isKw('for')) {
          throw this.error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", t.lineno, t.col, eq.end_lineno, eq.end_col);
        }
        keywords.push(this.fin({ _type: 'keyword', arg: t.value, value } as A.keyword, this.pos(t)));
        sawKw = true;
      } else {
        const e = this.namedExpression(false);
        if (this.isKw('for') || (this.isKw('async') && this.peekAt(1).value === 'for')) {
          if (!open) throw this.invalid();
          const generators = this.forIfClauses();
          const g = open
            ? this.span({ _type: 'GeneratorExp', elt: e, generators } as A.GeneratorExp, this.pos(open), { end_lineno: this.peek().end_lineno, end_col_offset: this.peek().end_col })
            : this.fin({ _type: 'GeneratorExp', elt: e, generators } as A.GeneratorExp, e);
          if (args.length || keywords.length || !this.isOp(')') || !open) {
            if (!open) throw this.invalid();
            throw this.error('Generator expression must be parenthesized', e.lineno, e.col_offset, this.last.end_lineno, this.last.end_col);
          }
          args.push(g);
          continue;
        }
        if (this.isOp('=')) {
          const eq = this.peek();
          if (e._type === 'Constant' && (e.value === true || e.value === false || e.value === null)) {
            throw this.error(`cannot assign to ${exprName(e)}`, e.lineno, e.col_offset, eq.end_lineno, eq.end_col);
          }
          throw this.error('expression cannot contain assignment, perhaps you meant "=="?', e.lineno, e.col_offset, eq.end_lineno, eq.end_col);
        }
        if (sawDoubleStar) throw this.errorHere('positional argument follows keyword argument unpacking');
        if (sawKw) throw this.errorHere('positional argument follows keyword argument');
        args.push(e);
      }
      if (!this.eatOp(',')) break;
    }
    return [args, keywords];
  }

  /** for_if_clauses: (['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+ */
  private forIfClauses(): A.comprehension[] {
    const gens: A.comprehension[] = [];
    for (;;) {
      let is_async = 0;
      if (this.isKw('async') && this.peekAt(1).value === 'for') { this.next(); is_async = 1; }
      if (!this.eatKw('for')) break;
      const target = this.starTargets();
      if (!this.isKw('in')) throw this.invalid();
      this.next();
      const iter = this.disjunction();
      const ifs: A.expr[] = [];
      while (this.eatKw('if')) ifs.push(this.disjunction());
      gens.push({ _type: 'comprehension', target, iter, ifs, is_async });
    }
    return gens;
  }

  /** star_targets: star_target !',' | star_target (',' star_target)* [','] */
  private starTargets(): A.expr {
    const s = this.peek();
    const first = this.starTarget();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isKw('in') || this.isOp('=') || !this.startsExpression()) break;
      elts.push(this.starTarget());
    }
    return this.fin({ _type: 'Tuple', elts, ctx: STORE } as A.Tuple, this.pos(s));
  }

  /** star_target: '*' (!'*' star_target) | target_with_star_atom */
  private starTarget(): A.expr {
    if (this.isOp('*')) {
      const t = this.next();
      const value = this.starTarget();
      return this.fin({ _type: 'Starred', value, ctx: STORE } as A.Starred, this.pos(t));
    }
    const e = this.primary();
    const bad = invalidTarget(e, 'store');
    if (bad) throw this.errorNode(`cannot assign to ${exprName(bad)}`, bad);
    return this.setCtx(e, STORE);
  }

  /** yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
  private yieldExpr(): A.expr {
    const t = this.next();
    if (this.eatKw('from')) {
      const value = this.expression();
      return this.fin({ _type: 'YieldFrom', value } as A.YieldFrom, this.pos(t));
    }
    const value = this.atExprEnd() || this.isOp('=') ? null : this.starExpressions();
    return this.fin({ _type: 'Yield', value } as A.Yield, this.pos(t));
  }

  /** atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple/group/genexp | list | dict/set | '...' */
  private atom(): A.expr {
    const t = this.peek();
    const s = this.pos(t);
    switch (t.type) {
      case T.NAME: {
        if (!KEYWORDS.has(t.value)) {
          this.next();
          return this.fin({ _type: 'Name', id: t.value, ctx: LOAD } as A.Name, s);
        }
        if (t.value === 'None' || t.value === 'True' || t.value === 'False') {
          this.next();
          const value = t.value === 'None' ? null : t.value === 'True';
          return this.fin({ _type: 'Constant', value, kind: null } as A.Constant, s);
        }
        throw this.invalid();
      }
      case T.NUMBER: {
        this.next();
        return this.fin({ _type: 'Constant', value: parseNumber(t.value), kind: null } as A.Constant, s);
      }
      case T.STRING: return this.strings();
      case T.OP:
        switch (t.value) {
          case '(': return this.parenAtom();
          case '[': return this.listAtom();
          case '{': return this.braceAtom();
          case '...':
            this.next();
            return this.fin({ _type: 'Constant', value: { _type: 'Ellipsis' }, kind: null } as A.Constant, s);
        }
    }
    throw this.invalid();
  }

  /** tuple | group | genexp */
  private parenAtom(): A.expr {
    const open = this.next();
    const s = this.pos(open);
    this.enter();
    if (this.eatOp(')')) {
      this.depth--;
      return this.fin({ _type: 'Tuple', elts: [] as A.expr[], ctx: LOAD } as A.Tuple, s);
    }
    if (this.isOp('**')) throw this.errorAt('cannot use double starred expression here', this.peek());
    if (this.isKw('yield')) {
      const y = this.yieldExpr();
      this.expectClose(')', open);
      this.depth--;
      return y;
    }
    const first = this.starNamedExpression();
    if (this.isKw('for') || (this.isKw('async') && this.peekAt(1).value === 'for')) {
      if (first._type === 'Starred') throw this.errorNode('iterable unpacking cannot be used in comprehension', first);
      const generators = this.forIfClauses();
      this.expectClose(')', open);
      this.depth--;
      return this.fin({ _type: 'GeneratorExp', elt: first, generators } as A.GeneratorExp, s);
    }
    if (this.eatOp(')')) {
      this.depth--;
      if (first._type === 'Starred') throw this.errorNode('cannot use starred expression here', first);
      return first;
    }
    if (!this.isOp(',')) throw this.invalidInBrackets();
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(')')) break;
      elts.push(this.starNamedExpression());
    }
    this.expectClose(')', open);
    this.depth--;
    return this.fin({ _type: 'Tuple', elts, ctx: LOAD } as A.Tuple, s);
  }

  /** CPython's invalid_comprehension: `[a, b for ...]`, ranging from the first element to the last token. */
  private comprehensionTargetError(first: A.expr): PySyntaxError {
    return this.error('did you forget parentheses around the comprehension target?', first.lineno, first.col_offset,
      this.last.end_lineno, this.last.end_col);
  }

  /** list | listcomp */
  private listAtom(): A.expr {
    const open = this.next();
    const s = this.pos(open);
    this.enter();
    const elts: A.expr[] = [];
    if (!this.isOp(']')) {
      const first = this.starNamedExpression();
      if (this.isKw('for') || (this.isKw('async') && this.peekAt(1).value === 'for')) {
        if (first._type === 'Starred') throw this.errorNode('iterable unpacking cannot be used in comprehension', first);
        const generators = this.forIfClauses();
        this.expectClose(']', open);
        this.depth--;
        return this.fin({ _type: 'ListComp', elt: first, generators } as A.ListComp, s);
      }
      elts.push(first);
      while (this.eatOp(',')) {
        if (this.isOp(']')) break;
        if (this.isKw('for')) throw this.comprehensionTargetError(first);
        elts.push(this.starNamedExpression());
      }
      if (this.isKw('for') && elts.length > 1) throw this.comprehensionTargetError(first);
    }
    this.expectClose(']', open);
    this.depth--;
    return this.fin({ _type: 'List', elts, ctx: LOAD } as A.List, s);
  }

  /** The value after `key:` in a dict display, with CPython's messages for a missing or starred value. */
  private dictValue(): A.expr {
    const colonTok = this.last;
    if (this.isOp('*')) {
      const st = this.peek();
      this.next();
      this.bitwiseOr();
      throw this.error('cannot use a starred expression in a dictionary value', st.lineno, st.col, this.last.end_lineno, this.last.end_col);
    }
    if (this.isOp('}') || this.isOp(',')) throw this.errorAt("expression expected after dictionary key and ':'", colonTok);
    return this.expression();
  }

  /** dict | set | dictcomp | setcomp */
  private braceAtom(): A.expr {
    const open = this.next();
    const s = this.pos(open);
    this.enter();
    if (this.eatOp('}')) {
      this.depth--;
      return this.fin({ _type: 'Dict', keys: [] as A.expr[], values: [] as A.expr[] } as A.Dict, s);
    }
    let firstKey: A.expr | null = null;
    let firstVal: A.expr;
    if (this.isOp('**')) {
      this.next();
      firstVal = this.bitwiseOr();
    } else {
      const keyTok = this.peek();
      const e = this.starNamedExpression();
      if (!this.isOp(':')) {
        // A set or set comprehension.
        if (this.isKw('for') || (this.isKw('async') && this.peekAt(1).value === 'for')) {
          if (e._type === 'Starred') throw this.errorNode('iterable unpacking cannot be used in comprehension', e);
          const generators = this.forIfClauses();
          this.expectClose('}', open);
          this.depth--;
          return this.fin({ _type: 'SetComp', elt: e, generators } as A.SetComp, s);
        }
        const elts = [e];
        while (this.eatOp(',')) {
          if (this.isOp('}')) break;
          if (this.isKw('for')) throw this.comprehensionTargetError(e);
          elts.push(this.starNamedExpression());
        }
        if (this.isKw('for') && elts.length > 1) throw this.comprehensionTargetError(e);
        this.expectClose('}', open);
        this.depth--;
        return this.fin({ _type: 'Set', elts } as A.Set, s);
      }
      if ((e._type === 'NamedExpr' && !(keyTok.type === T.OP && keyTok.value === '(')) || e._type === 'Starred') throw this.invalid();
      this.next();
      firstKey = e;
      firstVal = this.dictValue();
      if (this.isKw('for') || (this.isKw('async') && this.peekAt(1).value === 'for')) {
        const generators = this.forIfClauses();
        this.expectClose('}', open);
        this.depth--;
        return this.fin({ _type: 'DictComp', key: e, value: firstVal, generators } as A.DictComp, s);
      }
    }
    const keys: (A.expr | null)[] = [firstKey];
    const values: A.expr[] = [firstVal];
    while (this.eatOp(',')) {
      if (this.isOp('}')) break;
      if (this.eatOp('**')) {
        keys.push(null);
        values.push(this.bitwiseOr());
      } else {
        keys.push(this.expression());
        if (!this.isOp(':')) {
          if (this.isOp('}') || this.isOp(',')) {
            const k = keys[keys.length - 1]!;
            // CPython points at the key's last character, with no end.
            const e = this.error("':' expected after dictionary key", k.end_lineno, k.end_col_offset - 1, k.end_lineno, k.end_col_offset);
            throw new PySyntaxError(e.pyType, e.msg, e.filename, e.lineno, e.offset, e.end_lineno, 0, e.text);
          }
          throw this.invalidInBrackets();
        }
        this.next();
        values.push(this.dictValue());
      }
    }
    this.expectClose('}', open);
    this.depth--;
    return this.fin({ _type: 'Dict', keys, values } as A.Dict, s);
  }

  // -- Strings --

  /** strings: STRING+ (implicit concatenation; f-strings make a JoinedStr). */
  private strings(): A.expr {
    const first = this.peek();
    const toks: Token[] = [];
    while (this.peek().type === T.STRING) toks.push(this.next());
    const last = this.last;
    const pos = { lineno: first.lineno, col_offset: first.col, end_lineno: last.end_lineno, end_col_offset: last.end_col };
    let bytes: boolean | null = null;
    let anyF = false;
    for (const t of toks) {
      const p = stringPrefix(t.value);
      if (bytes !== null && bytes !== p.bytes) {
        throw this.errorHere('cannot mix bytes and nonbytes literals');
      }
      bytes = p.bytes;
      if (p.fstring) anyF = true;
    }
    if (bytes) {
      const parts: Uint8Array[] = [];
      for (const t of toks) {
        const p = stringPrefix(t.value);
        try {
          parts.push(decodeBytes(t.value.slice(p.open, t.value.length - p.close), p.raw));
        } catch (e) {
          if (e instanceof EscapeError) throw e.message.startsWith('bytes') ? this.errorAt(e.message, t) : this.errorHere(e.message);
          throw e;
        }
      }
      const total = parts.reduce((n, b) => n + b.length, 0);
      const value = new Uint8Array(total);
      let o = 0;
      for (const b of parts) { value.set(b, o); o += b.length; }
      return { _type: 'Constant', value, kind: null, ...pos } as A.Constant;
    }
    const kind = stringPrefix(toks[0].value).unicode ? 'u' : null;
    if (!anyF) {
      let value = '';
      for (const t of toks) value += this.decodeToken(t);
      return { _type: 'Constant', value, kind, ...pos } as A.Constant;
    }
    const b = new FStringBuilder(pos, kind);
    for (const t of toks) {
      const p = stringPrefix(t.value);
      if (!p.fstring) b.literal(this.decodeToken(t));
      else this.fstring(t, p.raw, p.open, t.value.length - p.close, b, 0);
    }
    return b.joined();
  }

  private decodeToken(t: Token): string {
    const p = stringPrefix(t.value);
    const body = t.value.slice(p.open, t.value.length - p.close);
    if (p.raw) return body;
    try {
      return decodeStr(body);
    } catch (e) {
      if (e instanceof EscapeError) throw this.errorHere(e.message);
      throw e;
    }
  }

  /**
   * Parses the f-string body t.value[from, to) into `b`; returns the index after the last consumed char.
   * At `level` > 0 this is a format spec, which ends at a top-level '}'.
   */
  private fstring(t: Token, raw: boolean, from: number, to: number, b: FStringBuilder, level: number): number {
    const s = t.value;
    let i = from;
    let lit = '';
    const flushLiteral = () => {
      if (lit) {
        try {
          b.literal(raw ? lit : decodeStr(lit, true));
        } catch (e) {
          if (e instanceof EscapeError) throw this.errorHere(e.message);
          throw e;
        }
        lit = '';
      }
    };
    while (i < to) {
      const c = s[i];
      if (c === '\\' && !raw && s[i + 1] === 'N' && s[i + 2] === '{') {
        const e = s.indexOf('}', i);
        const stop = e < 0 || e >= to ? to : e + 1;
        lit += s.slice(i, stop);
        i = stop;
        continue;
      }
      if (c === '\\' && !raw) {
        // A backslash escapes the next character, but never a brace (`f'\\{x}'` has a field).
        const n = s[i + 1] === '{' || s[i + 1] === '}' ? 1 : 2;
        lit += s.slice(i, i + n);
        i += n;
        continue;
      }
      if (c === '{') {
        if (level === 0 && s[i + 1] === '{') { lit += '{'; i += 2; continue; }
        flushLiteral();
        i = this.fstringExpr(t, raw, i, to, b, level);
        continue;
      }
      if (c === '}') {
        if (level > 0) break;
        if (s[i + 1] === '}') { lit += '}'; i += 2; continue; }
        throw this.errorHere("f-string: single '}' is not allowed");
      }
      lit += c;
      i++;
    }
    flushLiteral();
    return i;
  }

  /** Parses one `{expr[=][!c][:spec]}` replacement field starting at the '{' at index `i`. */
  private fstringExpr(t: Token, raw: boolean, i: number, to: number, b: FStringBuilder, level: number): number {
    const s = t.value;
    if (level >= 2) throw this.errorHere('f-string: expressions nested too deeply');
    const open = i;
    i++;
    const exprStart = i;
    let quote = '';
    let tripleQ = false;
    const stack: string[] = [];
    for (; i < to; i++) {
      const c = s[i];
      if (c === '\\') throw this.errorHere('f-string expression part cannot include a backslash');
      if (quote) {
        if (c === quote && (!tripleQ || (s[i + 1] === quote && s[i + 2] === quote))) {
          if (tripleQ) i += 2;
          quote = '';
        }
        continue;
      }
      if (c === "'" || c === '"') {
        quote = c;
        tripleQ = s[i + 1] === c && s[i + 2] === c;
        if (tripleQ) i += 2;
        continue;
      }
      if (c === '[' || c === '(' || c === '{') { stack.push(c); continue; }
      if (c === '#') throw this.errorHere("f-string expression part cannot include '#'");
      if (stack.length === 0 && (c === '!' || c === ':' || c === '}' || c === '=' || c === '<' || c === '>')) {
        const nx = s[i + 1];
        if ((c === '!' || c === '=' || c === '<' || c === '>') && nx === '=') { i++; continue; }
        if (c === '<' || c === '>') continue;
        break;
      }
      if (c === ']' || c === ')' || c === '}') {
        const o = stack.pop();
        if (!o) throw this.errorHere(`f-string: unmatched '${c}'`);
        const want = c === ']' ? '[' : c === ')' ? '(' : '{';
        if (o !== want) throw this.errorHere(`f-string: closing parenthesis '${c}' does not match opening parenthesis '${o}'`);
      }
    }
    if (quote) throw this.errorHere('f-string: unterminated string');
    if (stack.length) throw this.errorHere(`f-string: unmatched '${stack[stack.length - 1]}'`);
    if (i >= to) throw this.errorHere("f-string: expecting '}'");
    const exprText = s.slice(exprStart, i);
    if (/^[ \t\n\r\f\v]*$/.test(exprText)) {
      const c = s[i];
      if (c === '!' || c === ':' || c === '=') throw this.errorHere(`f-string: expression required before '${c}'`);
      throw this.errorHere('f-string: empty expression not allowed');
    }
    const value = this.fstringSubParse(t, open, exprText);
    let conversion = -1;
    let debugText: string | null = null;
    if (s[i] === '=') {
      i++;
      while (i < to && /\s/.test(s[i])) i++;
      debugText = s.slice(exprStart, i);
    }
    if (s[i] === '!') {
      i++;
      const cc = s[i];
      if (i >= to) throw this.errorHere("f-string: expecting '}'");
      if (cc !== 's' && cc !== 'r' && cc !== 'a') {
        throw this.errorHere("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
      conversion = cc.charCodeAt(0);
      i++;
    }
    let format_spec: A.JoinedStr | null = null;
    if (i < to && s[i] === ':') {
      i++;
      // CPython 3.11 gives a format spec the position of its own token, except for
      // literals before a replacement field and the fields themselves (whole string).
      const sb = new FStringBuilder(b.pos, null, { lineno: t.lineno, col_offset: t.col, end_lineno: t.end_lineno, end_col_offset: t.end_col });
      i = this.fstring(t, raw, i, to, sb, level + 1);
      format_spec = sb.joined();
    }
    if (i >= to || s[i] !== '}') throw this.errorHere("f-string: expecting '}'");
    i++;
    if (debugText !== null) {
      b.literal(debugText);
      if (conversion === -1 && !format_spec) conversion = 'r'.charCodeAt(0);
    }
    b.value(value, conversion, format_spec);
    return i;
  }

  /** Parses an f-string expression as CPython 3.11 does: "(" + text + ")" with shifted positions. */
  private fstringSubParse(t: Token, open: number, exprText: string): A.expr {
    const s = t.value;
    const before = s.slice(0, open);
    const lines = before.split('\n').length - 1;
    let cols = 0;
    const afterBrace = exprText.match(/^[ \t\f]*(.)?/);
    const newlineAfterBrace = !afterBrace || afterBrace[1] === undefined || afterBrace[1] === '\n';
    if (!newlineAfterBrace) {
      const nl = before.lastIndexOf('\n');
      cols = Buffer.byteLength(before.slice(nl + 1), 'utf8');
    }
    const origin: TokenizerOrigin = { lineno: t.lineno + lines, col: lines === 0 ? t.col + cols : cols };
    const sub = new Parser('(' + exprText + ')', this.filename, origin, this.root);
    try {
      return sub.parseFstringExpr();
    } catch (e) {
      if (e instanceof PySyntaxError && !e.msg.startsWith('f-string') && !sub.isTokenizerError(e)) {
        const err = new PySyntaxError(e.pyType, 'f-string: ' + e.msg, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text);
        fstringErrors.add(err);
        throw err;
      }
      throw e;
    }
  }

  // -- match statement (soft keyword) --

  /** match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT; null if not a match statement. */
  private matchStmt(): A.Match | null {
    const save = this.i;
    const saveLast = this.last;
    const kw = this.next();
    let subject: A.expr;
    try {
      // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
      const first = this.peek();
      const e = this.starNamedExpression();
      if (this.isOp(',')) {
        const elts = [e];
        while (this.eatOp(',')) {
          if (this.isOp(':')) break;
          elts.push(this.starNamedExpression());
        }
        subject = this.fin({ _type: 'Tuple', elts, ctx: LOAD } as A.Tuple, this.pos(first));
      } else subject = e;
      if (this.peek().type === T.NEWLINE) this.matchColon = this.colonError();
      if (!this.isOp(':')) throw this.invalid();
    } catch (err) {
      if (!(err instanceof PySyntaxError) || tokenizerErrors.has(err)) throw err;
      this.i = save;
      this.last = saveLast;
      return null;
    }
    this.next();
    if (this.peek().type !== T.NEWLINE) throw this.invalid();
    this.next();
    if (this.peek().type !== T.INDENT) {
      throw this.errorAt(`expected an indented block after 'match' statement on line ${kw.lineno}`, this.peek(), false, 'IndentationError');
    }
    this.next();
    const cases: A.match_case[] = [];
    while (this.peek().type !== T.DEDENT) {
      if (!this.isKw('case')) throw this.invalid();
      const ck = this.next();
      const pattern = this.patterns();
      const guard = this.eatKw('if') ? this.namedExpression() : null;
      this.colon(true);
      const body = this.block("'case' statement", ck);
      cases.push({ _type: 'match_case', pattern, guard, body });
    }
    this.next();
    return this.span({ _type: 'Match', subject, cases } as A.Match, this.pos(kw), this.endTok());
  }

  /** patterns: open_sequence_pattern | pattern */
  private patterns(): A.pattern {
    const s = this.peek();
    const first = this.maybeStarPattern();
    if (!this.isOp(',')) {
      if (first._type === 'MatchStar') throw this.invalid();
      return first;
    }
    const patterns = [first];
    while (this.eatOp(',')) {
      if (this.isOp(':') || this.isKw('if')) break;
      patterns.push(this.maybeStarPattern());
    }
    return this.fin({ _type: 'MatchSequence', patterns } as A.MatchSequence, this.pos(s));
  }

  private maybeStarPattern(): A.pattern {
    if (this.isOp('*')) {
      const t = this.next();
      const n = this.name().value;
      return this.fin({ _type: 'MatchStar', name: n === '_' ? null : n } as A.MatchStar, this.pos(t));
    }
    return this.pattern();
  }

  /** pattern: or_pattern ['as' NAME] */
  private pattern(): A.pattern {
    const s = this.peek();
    const p = this.orPattern();
    if (this.eatKw('as')) {
      if (!this.isName()) {
        const bad = this.expression();
        throw this.errorNode('invalid pattern target', bad);
      }
      const n = this.name();
      if (n.value === '_') throw this.errorAt("cannot use '_' as a target", n);
      return this.fin({ _type: 'MatchAs', pattern: p, name: n.value } as A.MatchAs, this.pos(s));
    }
    return p;
  }

  /** or_pattern: '|'.closed_pattern+ */
  private orPattern(): A.pattern {
    const s = this.peek();
    const first = this.closedPattern();
    if (!this.isOp('|')) return first;
    const patterns = [first];
    while (this.eatOp('|')) patterns.push(this.closedPattern());
    return this.fin({ _type: 'MatchOr', patterns } as A.MatchOr, this.pos(s));
  }

  /** closed_pattern: literal | capture | wildcard | value | group | sequence | mapping | class */
  private closedPattern(): A.pattern {
    const t = this.peek();
    const s = this.pos(t);
    if (t.type === T.OP) {
      if (t.value === '(' || t.value === '[') {
        this.next();
        const close = t.value === '(' ? ')' : ']';
        const patterns: A.pattern[] = [];
        let comma = false;
        while (!this.isOp(close)) {
          patterns.push(this.maybeStarPattern());
          if (!this.eatOp(',')) break;
          comma = true;
        }
        this.expectClose(close, t);
        if (close === ')' && patterns.length === 1 && !comma && patterns[0]._type !== 'MatchStar') {
          return patterns[0];
        }
        return this.fin({ _type: 'MatchSequence', patterns } as A.MatchSequence, s);
      }
      if (t.value === '{') return this.mappingPattern();
      if (t.value === '-') {
        const value = this.signedNumber();
        return this.fin({ _type: 'MatchValue', value } as A.MatchValue, s);
      }
    }
    if (t.type === T.NUMBER) {
      const value = this.signedNumber();
      return this.fin({ _type: 'MatchValue', value } as A.MatchValue, s);
    }
    if (t.type === T.STRING) {
      const value = this.strings();
      return this.fin({ _type: 'MatchValue', value } as A.MatchValue, s);
    }
    if (t.type === T.NAME) {
      if (t.value === 'None' || t.value === 'True' || t.value === 'False') {
        this.next();
        return this.fin({ _type: 'MatchSingleton', value: t.value === 'None' ? null : t.value === 'True' } as A.MatchSingleton, s);
      }
      const n = this.name();
      if (!this.isOp('.') && !this.isOp('(')) {
        return this.fin({ _type: 'MatchAs', pattern: null, name: n.value === '_' ? null : n.value } as A.MatchAs, s);
      }
      let e: A.expr = this.fin({ _type: 'Name', id: n.value, ctx: LOAD } as A.Name, s);
      while (this.eatOp('.')) {
        const attr = this.name().value;
        e = this.fin({ _type: 'Attribute', value: e, attr, ctx: LOAD } as A.Attribute, s);
      }
      if (this.isOp('(')) return this.classPattern(e, s);
      return this.fin({ _type: 'MatchValue', value: e } as A.MatchValue, s);
    }
    throw this.invalid();
  }

  /** signed_number ['+'|'-' imaginary]: literal numbers and complex literals in patterns. */
  private signedNumber(): A.expr {
    const t = this.peek();
    const s = this.pos(t);
    let e: A.expr;
    if (this.eatOp('-')) {
      const n = this.next();
      if (n.type !== T.NUMBER) throw this.invalid();
      const c = this.fin({ _type: 'Constant', value: parseNumber(n.value), kind: null } as A.Constant, this.pos(n));
      e = this.fin({ _type: 'UnaryOp', op: op('USub'), operand: c } as A.UnaryOp, s);
    } else {
      const n = this.next();
      e = this.fin({ _type: 'Constant', value: parseNumber(n.value), kind: null } as A.Constant, this.pos(n));
    }
    if (this.isOp('+') || this.isOp('-')) {
      const o = this.next();
      const n = this.next();
      if (n.type !== T.NUMBER) throw this.invalid();
      const right = this.fin({ _type: 'Constant', value: parseNumber(n.value), kind: null } as A.Constant, this.pos(n));
      e = this.fin({ _type: 'BinOp', left: e, op: op(o.value === '+' ? 'Add' : 'Sub'), right } as A.BinOp, s);
    }
    return e;
  }

  /** mapping_pattern: '{' (key_value_pattern | '**' NAME) (',' ...)* '}' */
  private mappingPattern(): A.pattern {
    const open = this.next();
    const s = this.pos(open);
    const keys: A.expr[] = [];
    const patterns: A.pattern[] = [];
    let rest: string | null = null;
    while (!this.isOp('}')) {
      if (rest !== null) throw this.invalid();
      if (this.eatOp('**')) {
        const r = this.name();
        if (r.value === '_') throw this.errorAt('invalid syntax', r);
        rest = r.value;
      } else {
        const kt = this.peek();
        let key: A.expr;
        if (kt.type === T.NUMBER || (kt.type === T.OP && kt.value === '-')) key = this.signedNumber();
        else if (kt.type === T.STRING) key = this.strings();
        else if (kt.type === T.NAME && (kt.value === 'None' || kt.value === 'True' || kt.value === 'False')) key = this.atom();
        else {
          const n = this.name();
          key = this.fin({ _type: 'Name', id: n.value, ctx: LOAD } as A.Name, this.pos(n));
          if (!this.isOp('.')) throw this.invalid();
          while (this.eatOp('.')) {
            const attr = this.name().value;
            key = this.fin({ _type: 'Attribute', value: key, attr, ctx: LOAD } as A.Attribute, this.pos(n));
          }
        }
        this.expectOp(':');
        keys.push(key);
        patterns.push(this.pattern());
      }
      if (!this.eatOp(',')) break;
    }
    this.expectClose('}', open);
    return this.fin({ _type: 'MatchMapping', keys, patterns, rest } as A.MatchMapping, s);
  }

  /** class_pattern: name_or_attr '(' [patterns] [keyword_patterns] ')' */
  private classPattern(cls: A.expr, s: Pos): A.pattern {
    const open = this.next();
    const patterns: A.pattern[] = [];
    const kwd_attrs: string[] = [];
    const kwd_patterns: A.pattern[] = [];
    while (!this.isOp(')')) {
      const t = this.peek();
      if (t.type === T.NAME && this.peekAt(1).type === T.OP && this.peekAt(1).value === '=') {
        this.next(); this.next();
        kwd_attrs.push(t.value);
        kwd_patterns.push(this.pattern());
      } else {
        const p = this.pattern();
        if (kwd_attrs.length) throw this.error('positional patterns follow keyword patterns', p.lineno, p.col_offset, p.end_lineno, p.end_col_offset);
        patterns.push(p);
      }
      if (!this.eatOp(',')) break;
    }
    this.expectClose(')', open);
    return this.fin({ _type: 'MatchClass', cls, patterns, kwd_attrs, kwd_patterns } as A.MatchClass, s);
  }
}

/** Accumulates the parts of a JoinedStr, merging adjacent literals like CPython. */
class FStringBuilder {
  private parts: A.expr[] = [];
  private lit = '';
  private hasLit = false;
  /** `pos` is the whole string's span; `own` (default `pos`) is used for the JoinedStr and its last literal. */
  constructor(readonly pos: A.Located, private readonly kind: string | null, private readonly own: A.Located = pos) {}

  literal(s: string): void {
    this.lit += s;
    this.hasLit = true;
  }

  private flush(pos: A.Located = this.pos): void {
    if (this.hasLit && this.lit !== '') {
      this.parts.push({ _type: 'Constant', value: this.lit, kind: this.kind, ...pos } as A.Constant);
    }
    this.lit = '';
    this.hasLit = false;
  }

  value(value: A.expr, conversion: number, format_spec: A.JoinedStr | null): void {
    this.flush();
    this.parts.push({ _type: 'FormattedValue', value, conversion, format_spec, ...this.pos } as A.FormattedValue);
  }

  joined(): A.JoinedStr {
    this.flush(this.own);
    return { _type: 'JoinedStr', values: this.parts, ...this.own } as A.JoinedStr;
  }
}

/**
 * For exec input from a real file, CPython re-reads the error line from the file (newline-terminated)
 * instead of using its tokenizer buffer, except for errors its tokenizer raises itself.
 */
function fileText(e: PySyntaxError, source: string, filename: string, mode: ParseMode): PySyntaxError {
  if (mode !== 'exec' || filename.startsWith('<') || fstringErrors.has(e) || tokenizerErrors.get(e) === 'exc') return e;
  const lines = source.split('\n');
  const line = lines[e.lineno - 1];
  if (line === undefined) return e;
  return new PySyntaxError(e.pyType, e.msg, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset, line + '\n');
}

/** Statements that hold a block (they need a blank line to end at the interactive prompt). */
const COMPOUND = new Set(['If', 'For', 'AsyncFor', 'While', 'With', 'AsyncWith', 'Try', 'TryStar', 'FunctionDef',
  'AsyncFunctionDef', 'ClassDef', 'Match']);

/**
 * What python3's `codeop.compile_command(source, filename, 'single')` decides for a REPL buffer
 * (lines joined by newlines): `null` when the input is incomplete and the prompt should continue
 * with `... `, the parsed statement when it is complete; throws {@link PySyntaxError} when it is wrong.
 *
 * @example
 * compileCommand('if x:')          // null
 * compileCommand('if x:\n  y')     // null (a block ends with an empty line)
 * compileCommand('if x:\n  y\n')   // Interactive
 */
export function compileCommand(source: string, filename = '<input>'): A.Interactive | null {
  if (source.includes('\r')) source = source.replace(/\r\n?/g, '\n');
  // Only blank lines and comments: CPython compiles `pass`.
  if (source.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('#'))) source = 'pass';
  const p = new Parser(source, filename, null, null);
  p.execMode = false;
  let tree: A.Interactive;
  try {
    tree = p.parseInteractive();
  } catch (e) {
    if (e instanceof PySyntaxError) {
      const err = p.overrideWithTokenizerError(e);
      const kind = tokenizerErrors.get(err);
      // Open brackets, triple-quoted strings and continuation lines at the end ask for more, as
      // does a grammar rule still waiting for tokens at the end of the input.
      if (kind === 'eof' || err.msg.startsWith('unterminated triple-quoted string literal') ||
        err.msg === 'unexpected EOF while parsing' || (!kind && p.reachedEnd())) return null;
      throw err;
    }
    if (e instanceof RangeError && /call stack/.test(e.message)) throw new PyParserRecursionError();
    throw e;
  }
  // A compound statement is complete only once an empty line follows it.
  if (tree.body.length && COMPOUND.has(tree.body[0]._type) && !source.endsWith('\n')) return null;
  return tree;
}

/** CPython's SyntaxError.text for parser errors: the source line, newline-terminated. */
function withNewline(line: string): string {
  return line.endsWith('\n') ? line : line + '\n';
}

/** Constant value of a NUMBER token: int -> bigint, float -> number, imaginary -> complex. */
function parseNumber(text: string): A.ConstantValue {
  const s = text.includes('_') ? text.replace(/_/g, '') : text;
  const last = s.charCodeAt(s.length - 1) | 0x20;
  if (last === 106) return { _type: 'complex', real: 0, imag: Number(s.slice(0, -1)) };
  const c1 = s.charCodeAt(1) | 0x20;
  if (s.length > 1 && s[0] === '0' && (c1 === 120 || c1 === 111 || c1 === 98)) return BigInt(s);
  if (/[.eE]/.test(s)) return Number(s);
  return BigInt(s);
}

/** CPython's _PyPegen_get_expr_name: how error messages name an expression. */
function exprName(e: A.expr): string {
  switch (e._type) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v === null) return 'None';
      if (v === true) return 'True';
      if (v === false) return 'False';
      if (typeof v === 'object' && (v as { _type?: string })._type === 'Ellipsis') return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    default: return 'expression';
  }
}

/** CPython's _PyPegen_get_invalid_target: the first sub-expression that cannot be a target, or null. */
function invalidTarget(e: A.expr, kind: 'store' | 'del'): A.expr | null {
  switch (e._type) {
    case 'Name': case 'Attribute': case 'Subscript': return null;
    case 'Starred':
      if (kind === 'del') return e;
      return invalidTarget(e.value, kind);
    case 'List': case 'Tuple':
      for (const x of e.elts) {
        const b = invalidTarget(x, kind);
        if (b) return b;
      }
      return null;
    case 'Compare':
      // `x in y = 1` reads as a for-target mistake in CPython; report the comparison.
      return e;
    default: return e;
  }
}

/** Whether an expression is at the bitwise_or level or tighter (no comparison/not/and/or/if/lambda). */
function isBitwiseOr(e: A.expr): boolean {
  switch (e._type) {
    case 'Compare': case 'BoolOp': case 'IfExp': case 'Lambda': case 'NamedExpr': case 'Starred':
    case 'List': case 'Tuple': case 'GeneratorExp': case 'Yield': case 'YieldFrom': return false;
    case 'UnaryOp': return e.op._type !== 'Not';
    default: return true;
  }
}


/**
 * Parses Python 3.11 source into CPython's AST (plain objects, see ./ast.ts).
 * `mode` is compile()'s: 'exec' gives a Module, 'eval' an Expression, 'single' an Interactive.
 * Throws {@link PySyntaxError} with CPython's message and location on bad input.
 *
 * @example
 * const mod = parse('print(1 + 2)\n', 'x.py');  // mod.body[0]._type === 'Expr'
 */
export function parse(source: string, filename?: string, mode?: 'exec'): A.Module;
export function parse(source: string, filename: string, mode: 'eval'): A.Expression;
export function parse(source: string, filename: string, mode: 'single'): A.Interactive;
export function parse(source: string, filename?: string, mode?: ParseMode): A.Module | A.Expression | A.Interactive;
export function parse(source: string, filename = '<unknown>', mode: ParseMode = 'exec'): A.Module | A.Expression | A.Interactive {
  if (source.includes('\r')) source = source.replace(/\r\n?/g, '\n');
  if (source.includes('\0')) {
    throw new PySyntaxError('SyntaxError', 'source code string cannot contain null bytes', filename, 0, 0, 0, 0, null);
  }
  const p = new Parser(source, filename, null, null);
  p.execMode = mode === 'exec';
  try {
    if (mode === 'eval') return p.parseEval();
    if (mode === 'single') return p.parseInteractive();
    return p.parseModule();
  } catch (e) {
    if (e instanceof PySyntaxError) throw fileText(p.overrideWithTokenizerError(e), source, filename, mode);
    // A JS stack overflow is the same condition as CPython's parser/AST recursion limit.
    if (e instanceof RangeError && /call stack/.test(e.message)) throw new PyParserRecursionError();
    throw e;
  }
}
