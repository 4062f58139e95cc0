export { libraryPath } from './native.js';
export { version } from './version.js';
export { DlextError, ErrorCode } from './errors.js';
export { DebugInfo, DW, type Location, type SourceInfo } from './debug.js';
export { DynamicLibrary, type EntryDebugInfo, type LibraryOptions, type SymbolKind } from './library.js';
