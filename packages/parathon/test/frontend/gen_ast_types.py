# Generates src/ast.ts from python3's own `ast` module (the ASDL signature in each class's __doc__).
# Command: python3 test/frontend/gen_ast_types.py > src/ast.ts
import ast, re, sys

CATS = ['mod', 'stmt', 'expr', 'expr_context', 'boolop', 'operator', 'unaryop', 'cmpop',
        'excepthandler', 'pattern', 'type_ignore']
PRODUCTS = ['comprehension', 'arguments', 'arg', 'keyword', 'alias', 'withitem', 'match_case']
PRIM = {'identifier': 'string', 'string': 'string', 'int': 'number', 'constant': 'ConstantValue'}

# Lists whose elements may be None in CPython (`**d` in a Dict, a keyword-only arg without default).
NULLABLE_ELEMS = {('Dict', 'keys'), ('arguments', 'kw_defaults')}

def ts_type(t, owner='', field=''):
    if (owner, field) in NULLABLE_ELEMS:
        return '(expr | null)[]'
    base = t.rstrip('*?')
    ts = PRIM.get(base, base)
    if t.endswith('*'):
        return ts + '[]'
    if t.endswith('?'):
        return ts + ' | null'
    return ts

def sig(cls):
    doc = cls.__doc__.strip().split('\n')[0] if cls.__doc__ else cls.__name__
    m = re.match(r'(\w+)(?:\((.*)\))?', doc)
    fields = []
    if m.group(2):
        for part in m.group(2).split(','):
            t, n = part.strip().split(' ')
            fields.append((n, t))
    return fields

out = []
w = out.append
w('// CPython 3.11 AST node types, one interface per node class, discriminated on `_type`.')
w('// Generated from python3\'s own `ast` module by test/frontend/gen_ast_types.py; do not edit by hand.')
w('// Field names and order are CPython\'s; lists are arrays, absent optionals are null.')
w('')
w('/** A CPython `complex` constant (the parser only ever produces pure imaginary literals). */')
w('export interface ComplexValue { _type: \'complex\'; real: number; imag: number }')
w('/** The `...` constant. */')
w('export interface EllipsisValue { _type: \'Ellipsis\' }')
w('/** `Constant.value`: str -> string, int -> bigint, float -> number, bytes -> Uint8Array, None -> null. */')
w('export type ConstantValue = string | bigint | number | boolean | null | Uint8Array | ComplexValue | EllipsisValue;')
w('')
w('/** Source position attributes (CPython\'s `_attributes`); columns count UTF-8 bytes. */')
w('export interface Located { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number }')
w('')
members = {c: [] for c in CATS}
allnames = []
for cat in CATS:
    base = getattr(ast, cat)
    for sub in base.__subclasses__():
        name = sub.__name__
        if name in ('slice', 'Index', 'ExtSlice', 'Suite', 'Param', 'AugLoad', 'AugStore', 'Num', 'Str', 'Bytes', 'NameConstant', 'Ellipsis'):
            continue
        members[cat].append(name)
        fields = sig(sub)
        located = bool(sub._attributes)
        ext = ' extends Located' if located else ''
        w(f'/** `{sub.__doc__.strip().splitlines()[0].strip()}` */')
        body = [f"_type: '{name}'"] + [f'{n}: {ts_type(t, name, n)}' for n, t in fields]
        w(f'export interface {name}{ext} {{ ' + '; '.join(body) + ' }')
        allnames.append(name)
for name in PRODUCTS:
    cls = getattr(ast, name)
    fields = sig(cls)
    ext = ' extends Located' if cls._attributes else ''
    w(f'/** `{cls.__doc__.strip().splitlines()[0].strip()}` */')
    body = [f"_type: '{name}'"] + [f'{n}: {ts_type(t, name, n)}' for n, t in fields]
    w(f'export interface {name}{ext} {{ ' + '; '.join(body) + ' }')
    allnames.append(name)
w('')
for cat in CATS:
    w(f'/** Every node of the ASDL category `{cat}`. */')
    w(f'export type {cat} = ' + ' | '.join(members[cat]) + ';')
w('')
w('/** Every AST node. */')
w('export type AST = ' + ' | '.join(allnames) + ';')
w('/** The `_type` tag of every AST node. */')
w("export type NodeType = AST['_type'];")
w('')
w('/** Field names of each node class in CPython order (`_fields`), used by dump(). */')
w('export const FIELDS: Readonly<Record<NodeType, readonly string[]>> = {')
for name in allnames:
    f = getattr(ast, name)._fields
    w(f'  {name}: [' + ', '.join(f"'{x}'" for x in f) + '],')
w('};')
w('')
w('/** Node classes that carry position attributes (`_attributes` non-empty). */')
w('export const LOCATED: ReadonlySet<NodeType> = new Set<NodeType>([')
for name in allnames:
    if getattr(ast, name)._attributes:
        w(f"  '{name}',")
w(']);')
w('')
w('/** Optional (`?`) fields per node class: dump() omits them when null, like ast.dump. */')
w('export const OPTIONAL: Readonly<Partial<Record<NodeType, readonly string[]>>> = {')
for name in allnames:
    opt = [n for n, t in sig(getattr(ast, name)) if t.endswith('?')]
    if opt:
        w(f'  {name}: [' + ', '.join(f"'{x}'" for x in opt) + '],')
w('};')
w('')
w('/** Whether a value is an AST node (a plain object whose `_type` names a node class). */')
w('export function isNode(v: unknown): v is AST {')
w("  return typeof v === 'object' && v !== null && typeof (v as { _type?: unknown })._type === 'string' &&")
w('    (v as { _type: string })._type in FIELDS;')
w('}')
w('')
w('/** The direct child nodes of `node` in field order, like python3\'s `ast.iter_child_nodes`. */')
w('export function* iterChildNodes(node: AST): Generator<AST> {')
w('  const obj = node as unknown as Record<string, unknown>;')
w('  for (const name of FIELDS[node._type]) {')
w('    const v = obj[name];')
w('    if (Array.isArray(v)) {')
w('      for (const x of v) if (isNode(x)) yield x;')
w('    } else if (isNode(v)) yield v;')
w('  }')
w('}')
w('')
w('/** `node` and all its descendants, breadth first, like python3\'s `ast.walk`. */')
w('export function* walk(node: AST): Generator<AST> {')
w('  const todo: AST[] = [node];')
w('  for (let i = 0; i < todo.length; i++) {')
w('    yield todo[i];')
w('    for (const c of iterChildNodes(todo[i])) todo.push(c);')
w('  }')
w('}')
print('\n'.join(out))
