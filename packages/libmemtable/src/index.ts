export { libraryPath, preloadPath } from './native.js';
export { version } from './version.js';
export { Memtable, type AllocationInfo, type MemtableStats, type SiteTotal, type Address } from './memtable.js';
export { MemtableError, MemtableErrorCode } from './errors.js';
export {
  runUnderPreload,
  readReports,
  formatReports,
  symbolizeSources,
  type RunOptions,
  type RunResult,
  type ProcessReport,
  type ReportSite,
  type SourceSite,
} from './runner.js';
