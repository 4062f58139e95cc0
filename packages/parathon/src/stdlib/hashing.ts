// hashlib and base64 over node:crypto and Buffer.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { createHash, getHashes } from 'node:crypto';
import { PyType, PyBytes, type_, object_, mkExc, ValueError_, TypeError_ } from '../runtime/core.js';
import { def } from '../builtins/types.js';
import { encode } from '../builtins/containers.js';

const bytesOf = (x: any): Uint8Array => {
  if (x instanceof PyBytes) return x.b;
  if (typeof x === 'string') throw mkExc(TypeError_, 'Strings must be encoded before hashing');
  throw mkExc(TypeError_, "object supporting the buffer API required");
};

/** Fill hashlib: md5, sha1, sha224, sha256, sha384, sha512, sha3_*, blake2b/s and new(). */
export function hashlibModule(d: any): void {
  const t = new PyType(type_, 'HASH', [object_], null, 'hash');
  t.module = '_hashlib';
  class Hash {
    $c = t;
    parts: Uint8Array[] = [];
    constructor(public alg: string, public pyName: string) {}
    digest(): Buffer {
      const h = createHash(this.alg);
      for (const p of this.parts) h.update(p);
      return h.digest();
    }
  }
  def(t, 'update', (h: Hash, b: any) => (h.parts.push(bytesOf(b).slice()), null));
  def(t, 'digest', (h: Hash) => new PyBytes(new Uint8Array(h.digest())));
  def(t, 'hexdigest', (h: Hash) => h.digest().toString('hex'));
  def(t, 'copy', (h: Hash) => {
    const c = new Hash(h.alg, h.pyName);
    c.parts = h.parts.slice();
    return c;
  });
  def(t, '__repr__', (h: Hash) => `<${h.pyName} _hashlib.HASH object>`);
  (t as any).$gattr = (h: Hash, n: string) => (n === 'name' ? h.pyName : n === 'digest_size' ? h.digest().length : n === 'block_size' ? (/512|384/.test(h.alg) ? 128 : 64) : undefined);
  const algs: Record<string, string> = {
    md5: 'md5', sha1: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512',
    sha3_256: 'sha3-256', sha3_512: 'sha3-512', blake2b: 'blake2b512', blake2s: 'blake2s256',
  };
  const have = new Set(getHashes());
  const make = (py: string, data?: any): Hash => {
    const alg = algs[py];
    if (!alg || !have.has(alg)) throw mkExc(ValueError_, `unsupported hash type ${py}`);
    const h = new Hash(alg, py);
    if (data !== undefined) h.parts.push(bytesOf(data).slice());
    return h;
  };
  for (const py of Object.keys(algs)) {
    d[py] = Object.assign((data?: any) => make(py, data), { $s: true, $name: py });
  }
  d.new = Object.assign((name: string, data?: any) => make(String(name).toLowerCase().replace('-', '_'), data), { $s: true, $name: 'new' });
  d.algorithms_available = Object.keys(algs);
  d.algorithms_guaranteed = Object.keys(algs);
}

/** Fill base64: b64/b32-free subset (standard, urlsafe, b16) over Buffer. */
export function base64Module(d: any): void {
  const toBuf = (x: any): Buffer => Buffer.from(typeof x === 'string' ? encode(x, 'ascii') : bytesOf(x));
  const out = (b: Buffer): PyBytes => new PyBytes(new Uint8Array(b));
  const fn = (name: string, f: (x: any) => PyBytes): void => {
    d[name] = Object.assign(f, { $s: true, $name: name });
  };
  fn('b64encode', (x) => out(Buffer.from(toBuf(x).toString('base64'), 'ascii')));
  fn('b64decode', (x) => {
    const s = toBuf(x).toString('ascii').replace(/\s/g, '');
    if (s.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(s)) throw mkExc(ValueError_, 'Incorrect padding');
    return out(Buffer.from(s, 'base64'));
  });
  fn('urlsafe_b64encode', (x) => out(Buffer.from(toBuf(x).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'), 'ascii')));
  fn('urlsafe_b64decode', (x) => out(Buffer.from(toBuf(x).toString('ascii').replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
  fn('standard_b64encode', d.b64encode);
  fn('standard_b64decode', d.b64decode);
  fn('b16encode', (x) => out(Buffer.from(toBuf(x).toString('hex').toUpperCase(), 'ascii')));
  fn('b16decode', (x) => out(Buffer.from(toBuf(x).toString('ascii'), 'hex')));
}
