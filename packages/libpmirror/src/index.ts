export { libraryPath } from './native.js';
export { version } from './version.js';
export { ErrorCode, PmirrorError } from './errors.js';
export { Elf, type Section, type Segment, type SymbolAt, type SymbolInfo } from './elf.js';
export { Type, type TypeKind, type Encoding, type Member, type Param, type Enumerator } from './types.js';
export {
  DebugInfo,
  Func,
  Variable,
  type SourceLine,
  type AddressInfo,
  type InlinedCall,
  type Macro,
  type Registers,
  type Location,
  type LocationBase,
  type MemoryLocation,
  type RegisterLocation,
  type ValueLocation,
  type ImplicitLocation,
  type OptimizedOutLocation,
  type UnavailableLocation,
  type PiecesLocation,
  type EntityAt,
  type LineAddress,
  type EnumeratorInfo,
  type InlinedInstance,
  type Local,
  DWARF_REGISTERS,
  type FunctionEntry,
  type DebugStats,
} from './debuginfo.js';
export { Mirror, type LoadedObject, type AddressQuery, type ScopeInfo } from './mirror.js';
