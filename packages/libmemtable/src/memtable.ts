// The process's allocation index, from TS: lookups, registration, typed allocation, statistics.
import { check, MemtableError, MemtableErrorCode } from './errors.js';
import * as C from './native.js';

/** One live allocation: any pointer into it maps back to this. */
export interface AllocationInfo {
  /** Address of the first byte. */
  base: bigint;
  /** Bytes requested. */
  size: number;
  /** Return address of the allocating call (0n when unknown); see {@link Memtable.symbolize}. */
  site: bigint;
  /** The client's opaque type reference (0n when unknown). */
  type: bigint;
}

/** Statistics over the live allocations. */
export interface MemtableStats {
  /** Live allocations. */
  liveCount: number;
  /** Sum of their sizes in bytes. */
  liveBytes: number;
  /** Distinct allocation sites among them. */
  sites: number;
  /** Bytes the index has mapped for itself (tables, leaves, records). */
  indexBytes: number;
}

/** Live allocations of one allocation site. */
export interface SiteTotal {
  /** Return address of the allocating call. */
  site: bigint;
  /** Live allocations from it. */
  count: number;
  /** Their total size in bytes. */
  bytes: number;
}

/** An address as koffi takes it: numbers below 2^53 cross without a BigInt conversion. */
export type Address = bigint | number;

const INFO_WORDS = 4;
const SITE_WORDS = 3;

/**
 * The allocation index of this process. There is one per process: under `memtable-run` (or any
 * `LD_PRELOAD` of libmemtable-preload.so) it also holds every malloc-family allocation; otherwise it
 * holds what was registered or allocated through this API.
 *
 * @example
 * ```ts
 * const mt = new Memtable();
 * const p = mt.allocTyped(64, 42n);
 * mt.lookup(p + 10n); // { base: p, size: 64, site: ..., type: 42n }
 * mt.free(p);
 * ```
 */
export class Memtable {
  /** Reused out-buffer for lookups: one koffi call and no allocation on a miss. */
  readonly #info = new BigUint64Array(INFO_WORDS);

  /** The allocation containing `address` (interior pointers included), or undefined. */
  lookup(address: Address): AllocationInfo | undefined {
    const info = this.#info;
    if (check(C.memtable_lookup(address, info), 'memtable_lookup') !== 0) return undefined;
    return { base: info[0]!, size: Number(info[1]!), site: info[2]!, type: info[3]! };
  }

  /**
   * Record `[base, base + size)` as a live allocation. `base` must be 8-byte aligned and the range
   * must not overlap a live allocation; throws {@link MemtableError} otherwise.
   */
  register(base: Address, size: number, type: Address = 0n, site: Address = 0n): void {
    check(C.memtable_register(base, size, type, site), 'memtable_register');
  }

  /** Forget the allocation starting at `base`; false when none starts there. */
  unregister(base: Address): boolean {
    return check(C.memtable_unregister(base), 'memtable_unregister') === 0;
  }

  /** Set the type of the allocation starting at `base`; throws when none starts there. */
  setType(base: Address, type: Address): void {
    if (check(C.memtable_set_type(base, type), 'memtable_set_type') !== 0)
      throw new MemtableError(MemtableErrorCode.INVAL, `memtable_set_type: no allocation starts at 0x${base.toString(16)}`);
  }

  /**
   * Allocate `size` bytes recorded with `type`; returns the address. Free it with {@link Memtable.free}.
   * `site` names the code the allocation belongs to (say, a generated function's address); without
   * it the site is the caller of the C function, which from TS is koffi's trampoline.
   */
  allocTyped(size: number, type: Address, site?: Address): bigint {
    const p = site === undefined ? C.memtable_alloc_typed(size, type) : C.memtable_alloc_typed_at(size, type, site);
    if (!p) throw new MemtableError(MemtableErrorCode.NOMEM, 'memtable_alloc_typed');
    return BigInt(p);
  }

  /** Free a block from {@link Memtable.allocTyped}; throws when `address` is not one. */
  free(address: Address): void {
    if (C.memtable_free(address) !== 0)
      throw new MemtableError(MemtableErrorCode.INVAL, `memtable_free: 0x${address.toString(16)} is not a live allocation`);
  }

  /** Statistics over the live allocations (a walk of the index). */
  stats(): MemtableStats {
    const s = new BigUint64Array(4);
    check(C.memtable_stats(s), 'memtable_stats');
    return { liveCount: Number(s[0]), liveBytes: Number(s[1]), sites: Number(s[2]), indexBytes: Number(s[3]) };
  }

  /** Per-site totals, largest byte total first, at most `limit` of them. */
  siteTotals(limit = 20): SiteTotal[] {
    const buf = new BigUint64Array(Math.max(limit, 1) * SITE_WORDS);
    const n: [number] = [0];
    check(C.memtable_site_totals(buf, limit, n), 'memtable_site_totals');
    const out: SiteTotal[] = [];
    for (let i = 0; i < Math.min(n[0], limit); i++)
      out.push({ site: buf[i * SITE_WORDS]!, count: Number(buf[i * SITE_WORDS + 1]), bytes: Number(buf[i * SITE_WORDS + 2]) });
    return out;
  }

  /** A snapshot of up to `limit` live allocations (in leaf and address order). */
  allocations(limit = 1 << 16): AllocationInfo[] {
    const buf = new BigUint64Array(Math.max(limit, 1) * INFO_WORDS);
    const n: [number] = [0];
    check(C.memtable_snapshot(buf, limit, n), 'memtable_snapshot');
    const out: AllocationInfo[] = [];
    for (let i = 0, w = 0; i < n[0]; i++, w += INFO_WORDS)
      out.push({ base: buf[w]!, size: Number(buf[w + 1]), site: buf[w + 2]!, type: buf[w + 3]! });
    return out;
  }

  /** Whether libmemtable-preload.so interposes malloc in this process (every malloc is then indexed). */
  get preloadActive(): boolean {
    return C.memtable_preload_active() === 1;
  }

  /** A code address as dladdr sees it: `object!symbol+0xoff` or `object+0xoff`; undefined if unmapped. */
  symbolize(address: Address): string | undefined {
    const buf = new Uint8Array(1024);
    if (C.memtable_symbolize(address, buf, buf.length) !== 0) return undefined;
    return new TextDecoder().decode(buf.subarray(0, buf.indexOf(0)));
  }
}
