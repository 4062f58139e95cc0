export { libraryPath } from './native.js';
export { version } from './version.js';
export { parse, compileCommand, PySyntaxError, PyParserRecursionError, type ParseMode } from './parser.js';
export { formatSyntaxError, type SyntaxErrorType } from './errors/syntax.js';
export { dump, type DumpOptions } from './ast-dump.js';
export { walk, iterChildNodes } from './ast.js';
/** The AST node types (CPython's `ast` classes as plain objects, discriminated by `_type`). */
export type * as ast from './ast.js';
export type { AST, Module, Expression, Interactive } from './ast.js';
export { compile, run, Interpreter, type RunResult, type InterpreterOptions, type CompiledModule } from './api.js';
export type { PyModule, PyType } from './runtime/core.js';
export type { PyDict, HashTable } from './runtime/dict.js';
