export { libraryPath } from './native.js';
export { version } from './version.js';
export { ErrorCode, DwarfpythonError } from './errors.js';
export { DwarfInterpreter } from './interp.js';
export { NativeLibrary, CTypeObj } from './library.js';
export { findLibrary } from './find.js';
export { CRef, CPtr, type Block } from './cdata.js';
export type { CInfo, Shape } from './ctypes.js';
export { runFile, runSource, type RunOutcome } from './run.js';
