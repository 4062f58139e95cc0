export { libraryPath } from './native.js';
export { version } from './version.js';
export { parse, PySyntaxError } from './parser.js';
export { dump } from './ast-dump.js';
export { compile, run, Interpreter, type RunResult, type InterpreterOptions, type CompiledModule } from './api.js';
