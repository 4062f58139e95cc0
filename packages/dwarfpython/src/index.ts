export { libraryPath } from './native.js';
export { version } from './version.js';
