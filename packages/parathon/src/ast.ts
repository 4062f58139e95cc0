// CPython 3.11 AST node types, one interface per node class, discriminated on `_type`.
// Generated from python3's own `ast` module by test/frontend/gen_ast_types.py; do not edit by hand.
// Field names and order are CPython's; lists are arrays, absent optionals are null.

/** A CPython `complex` constant (the parser only ever produces pure imaginary literals). */
export interface ComplexValue { _type: 'complex'; real: number; imag: number }
/** The `...` constant. */
export interface EllipsisValue { _type: 'Ellipsis' }
/** `Constant.value`: str -> string, int -> bigint, float -> number, bytes -> Uint8Array, None -> null. */
export type ConstantValue = string | bigint | number | boolean | null | Uint8Array | ComplexValue | EllipsisValue;

/** Source position attributes (CPython's `_attributes`); columns count UTF-8 bytes. */
export interface Located { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number }

/** `Module(stmt* body, type_ignore* type_ignores)` */
export interface Module { _type: 'Module'; body: stmt[]; type_ignores: type_ignore[] }
/** `Interactive(stmt* body)` */
export interface Interactive { _type: 'Interactive'; body: stmt[] }
/** `Expression(expr body)` */
export interface Expression { _type: 'Expression'; body: expr }
/** `FunctionType(expr* argtypes, expr returns)` */
export interface FunctionType { _type: 'FunctionType'; argtypes: expr[]; returns: expr }
/** `FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)` */
export interface FunctionDef extends Located { _type: 'FunctionDef'; name: string; args: arguments; body: stmt[]; decorator_list: expr[]; returns: expr | null; type_comment: string | null }
/** `AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)` */
export interface AsyncFunctionDef extends Located { _type: 'AsyncFunctionDef'; name: string; args: arguments; body: stmt[]; decorator_list: expr[]; returns: expr | null; type_comment: string | null }
/** `ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)` */
export interface ClassDef extends Located { _type: 'ClassDef'; name: string; bases: expr[]; keywords: keyword[]; body: stmt[]; decorator_list: expr[] }
/** `Return(expr? value)` */
export interface Return extends Located { _type: 'Return'; value: expr | null }
/** `Delete(expr* targets)` */
export interface Delete extends Located { _type: 'Delete'; targets: expr[] }
/** `Assign(expr* targets, expr value, string? type_comment)` */
export interface Assign extends Located { _type: 'Assign'; targets: expr[]; value: expr; type_comment: string | null }
/** `AugAssign(expr target, operator op, expr value)` */
export interface AugAssign extends Located { _type: 'AugAssign'; target: expr; op: operator; value: expr }
/** `AnnAssign(expr target, expr annotation, expr? value, int simple)` */
export interface AnnAssign extends Located { _type: 'AnnAssign'; target: expr; annotation: expr; value: expr | null; simple: number }
/** `For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)` */
export interface For extends Located { _type: 'For'; target: expr; iter: expr; body: stmt[]; orelse: stmt[]; type_comment: string | null }
/** `AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)` */
export interface AsyncFor extends Located { _type: 'AsyncFor'; target: expr; iter: expr; body: stmt[]; orelse: stmt[]; type_comment: string | null }
/** `While(expr test, stmt* body, stmt* orelse)` */
export interface While extends Located { _type: 'While'; test: expr; body: stmt[]; orelse: stmt[] }
/** `If(expr test, stmt* body, stmt* orelse)` */
export interface If extends Located { _type: 'If'; test: expr; body: stmt[]; orelse: stmt[] }
/** `With(withitem* items, stmt* body, string? type_comment)` */
export interface With extends Located { _type: 'With'; items: withitem[]; body: stmt[]; type_comment: string | null }
/** `AsyncWith(withitem* items, stmt* body, string? type_comment)` */
export interface AsyncWith extends Located { _type: 'AsyncWith'; items: withitem[]; body: stmt[]; type_comment: string | null }
/** `Match(expr subject, match_case* cases)` */
export interface Match extends Located { _type: 'Match'; subject: expr; cases: match_case[] }
/** `Raise(expr? exc, expr? cause)` */
export interface Raise extends Located { _type: 'Raise'; exc: expr | null; cause: expr | null }
/** `Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)` */
export interface Try extends Located { _type: 'Try'; body: stmt[]; handlers: excepthandler[]; orelse: stmt[]; finalbody: stmt[] }
/** `TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)` */
export interface TryStar extends Located { _type: 'TryStar'; body: stmt[]; handlers: excepthandler[]; orelse: stmt[]; finalbody: stmt[] }
/** `Assert(expr test, expr? msg)` */
export interface Assert extends Located { _type: 'Assert'; test: expr; msg: expr | null }
/** `Import(alias* names)` */
export interface Import extends Located { _type: 'Import'; names: alias[] }
/** `ImportFrom(identifier? module, alias* names, int? level)` */
export interface ImportFrom extends Located { _type: 'ImportFrom'; module: string | null; names: alias[]; level: number | null }
/** `Global(identifier* names)` */
export interface Global extends Located { _type: 'Global'; names: string[] }
/** `Nonlocal(identifier* names)` */
export interface Nonlocal extends Located { _type: 'Nonlocal'; names: string[] }
/** `Expr(expr value)` */
export interface Expr extends Located { _type: 'Expr'; value: expr }
/** `Pass` */
export interface Pass extends Located { _type: 'Pass' }
/** `Break` */
export interface Break extends Located { _type: 'Break' }
/** `Continue` */
export interface Continue extends Located { _type: 'Continue' }
/** `BoolOp(boolop op, expr* values)` */
export interface BoolOp extends Located { _type: 'BoolOp'; op: boolop; values: expr[] }
/** `NamedExpr(expr target, expr value)` */
export interface NamedExpr extends Located { _type: 'NamedExpr'; target: expr; value: expr }
/** `BinOp(expr left, operator op, expr right)` */
export interface BinOp extends Located { _type: 'BinOp'; left: expr; op: operator; right: expr }
/** `UnaryOp(unaryop op, expr operand)` */
export interface UnaryOp extends Located { _type: 'UnaryOp'; op: unaryop; operand: expr }
/** `Lambda(arguments args, expr body)` */
export interface Lambda extends Located { _type: 'Lambda'; args: arguments; body: expr }
/** `IfExp(expr test, expr body, expr orelse)` */
export interface IfExp extends Located { _type: 'IfExp'; test: expr; body: expr; orelse: expr }
/** `Dict(expr* keys, expr* values)` */
export interface Dict extends Located { _type: 'Dict'; keys: (expr | null)[]; values: expr[] }
/** `Set(expr* elts)` */
export interface Set extends Located { _type: 'Set'; elts: expr[] }
/** `ListComp(expr elt, comprehension* generators)` */
export interface ListComp extends Located { _type: 'ListComp'; elt: expr; generators: comprehension[] }
/** `SetComp(expr elt, comprehension* generators)` */
export interface SetComp extends Located { _type: 'SetComp'; elt: expr; generators: comprehension[] }
/** `DictComp(expr key, expr value, comprehension* generators)` */
export interface DictComp extends Located { _type: 'DictComp'; key: expr; value: expr; generators: comprehension[] }
/** `GeneratorExp(expr elt, comprehension* generators)` */
export interface GeneratorExp extends Located { _type: 'GeneratorExp'; elt: expr; generators: comprehension[] }
/** `Await(expr value)` */
export interface Await extends Located { _type: 'Await'; value: expr }
/** `Yield(expr? value)` */
export interface Yield extends Located { _type: 'Yield'; value: expr | null }
/** `YieldFrom(expr value)` */
export interface YieldFrom extends Located { _type: 'YieldFrom'; value: expr }
/** `Compare(expr left, cmpop* ops, expr* comparators)` */
export interface Compare extends Located { _type: 'Compare'; left: expr; ops: cmpop[]; comparators: expr[] }
/** `Call(expr func, expr* args, keyword* keywords)` */
export interface Call extends Located { _type: 'Call'; func: expr; args: expr[]; keywords: keyword[] }
/** `FormattedValue(expr value, int conversion, expr? format_spec)` */
export interface FormattedValue extends Located { _type: 'FormattedValue'; value: expr; conversion: number; format_spec: expr | null }
/** `JoinedStr(expr* values)` */
export interface JoinedStr extends Located { _type: 'JoinedStr'; values: expr[] }
/** `Constant(constant value, string? kind)` */
export interface Constant extends Located { _type: 'Constant'; value: ConstantValue; kind: string | null }
/** `Attribute(expr value, identifier attr, expr_context ctx)` */
export interface Attribute extends Located { _type: 'Attribute'; value: expr; attr: string; ctx: expr_context }
/** `Subscript(expr value, expr slice, expr_context ctx)` */
export interface Subscript extends Located { _type: 'Subscript'; value: expr; slice: expr; ctx: expr_context }
/** `Starred(expr value, expr_context ctx)` */
export interface Starred extends Located { _type: 'Starred'; value: expr; ctx: expr_context }
/** `Name(identifier id, expr_context ctx)` */
export interface Name extends Located { _type: 'Name'; id: string; ctx: expr_context }
/** `List(expr* elts, expr_context ctx)` */
export interface List extends Located { _type: 'List'; elts: expr[]; ctx: expr_context }
/** `Tuple(expr* elts, expr_context ctx)` */
export interface Tuple extends Located { _type: 'Tuple'; elts: expr[]; ctx: expr_context }
/** `Slice(expr? lower, expr? upper, expr? step)` */
export interface Slice extends Located { _type: 'Slice'; lower: expr | null; upper: expr | null; step: expr | null }
/** `Load` */
export interface Load { _type: 'Load' }
/** `Store` */
export interface Store { _type: 'Store' }
/** `Del` */
export interface Del { _type: 'Del' }
/** `And` */
export interface And { _type: 'And' }
/** `Or` */
export interface Or { _type: 'Or' }
/** `Add` */
export interface Add { _type: 'Add' }
/** `Sub` */
export interface Sub { _type: 'Sub' }
/** `Mult` */
export interface Mult { _type: 'Mult' }
/** `MatMult` */
export interface MatMult { _type: 'MatMult' }
/** `Div` */
export interface Div { _type: 'Div' }
/** `Mod` */
export interface Mod { _type: 'Mod' }
/** `Pow` */
export interface Pow { _type: 'Pow' }
/** `LShift` */
export interface LShift { _type: 'LShift' }
/** `RShift` */
export interface RShift { _type: 'RShift' }
/** `BitOr` */
export interface BitOr { _type: 'BitOr' }
/** `BitXor` */
export interface BitXor { _type: 'BitXor' }
/** `BitAnd` */
export interface BitAnd { _type: 'BitAnd' }
/** `FloorDiv` */
export interface FloorDiv { _type: 'FloorDiv' }
/** `Invert` */
export interface Invert { _type: 'Invert' }
/** `Not` */
export interface Not { _type: 'Not' }
/** `UAdd` */
export interface UAdd { _type: 'UAdd' }
/** `USub` */
export interface USub { _type: 'USub' }
/** `Eq` */
export interface Eq { _type: 'Eq' }
/** `NotEq` */
export interface NotEq { _type: 'NotEq' }
/** `Lt` */
export interface Lt { _type: 'Lt' }
/** `LtE` */
export interface LtE { _type: 'LtE' }
/** `Gt` */
export interface Gt { _type: 'Gt' }
/** `GtE` */
export interface GtE { _type: 'GtE' }
/** `Is` */
export interface Is { _type: 'Is' }
/** `IsNot` */
export interface IsNot { _type: 'IsNot' }
/** `In` */
export interface In { _type: 'In' }
/** `NotIn` */
export interface NotIn { _type: 'NotIn' }
/** `ExceptHandler(expr? type, identifier? name, stmt* body)` */
export interface ExceptHandler extends Located { _type: 'ExceptHandler'; type: expr | null; name: string | null; body: stmt[] }
/** `MatchValue(expr value)` */
export interface MatchValue extends Located { _type: 'MatchValue'; value: expr }
/** `MatchSingleton(constant value)` */
export interface MatchSingleton extends Located { _type: 'MatchSingleton'; value: ConstantValue }
/** `MatchSequence(pattern* patterns)` */
export interface MatchSequence extends Located { _type: 'MatchSequence'; patterns: pattern[] }
/** `MatchMapping(expr* keys, pattern* patterns, identifier? rest)` */
export interface MatchMapping extends Located { _type: 'MatchMapping'; keys: expr[]; patterns: pattern[]; rest: string | null }
/** `MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)` */
export interface MatchClass extends Located { _type: 'MatchClass'; cls: expr; patterns: pattern[]; kwd_attrs: string[]; kwd_patterns: pattern[] }
/** `MatchStar(identifier? name)` */
export interface MatchStar extends Located { _type: 'MatchStar'; name: string | null }
/** `MatchAs(pattern? pattern, identifier? name)` */
export interface MatchAs extends Located { _type: 'MatchAs'; pattern: pattern | null; name: string | null }
/** `MatchOr(pattern* patterns)` */
export interface MatchOr extends Located { _type: 'MatchOr'; patterns: pattern[] }
/** `TypeIgnore(int lineno, string tag)` */
export interface TypeIgnore { _type: 'TypeIgnore'; lineno: number; tag: string }
/** `comprehension(expr target, expr iter, expr* ifs, int is_async)` */
export interface comprehension { _type: 'comprehension'; target: expr; iter: expr; ifs: expr[]; is_async: number }
/** `arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)` */
export interface arguments { _type: 'arguments'; posonlyargs: arg[]; args: arg[]; vararg: arg | null; kwonlyargs: arg[]; kw_defaults: (expr | null)[]; kwarg: arg | null; defaults: expr[] }
/** `arg(identifier arg, expr? annotation, string? type_comment)` */
export interface arg extends Located { _type: 'arg'; arg: string; annotation: expr | null; type_comment: string | null }
/** `keyword(identifier? arg, expr value)` */
export interface keyword extends Located { _type: 'keyword'; arg: string | null; value: expr }
/** `alias(identifier name, identifier? asname)` */
export interface alias extends Located { _type: 'alias'; name: string; asname: string | null }
/** `withitem(expr context_expr, expr? optional_vars)` */
export interface withitem { _type: 'withitem'; context_expr: expr; optional_vars: expr | null }
/** `match_case(pattern pattern, expr? guard, stmt* body)` */
export interface match_case { _type: 'match_case'; pattern: pattern; guard: expr | null; body: stmt[] }

/** Every node of the ASDL category `mod`. */
export type mod = Module | Interactive | Expression | FunctionType;
/** Every node of the ASDL category `stmt`. */
export type stmt = FunctionDef | AsyncFunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign | For | AsyncFor | While | If | With | AsyncWith | Match | Raise | Try | TryStar | Assert | Import | ImportFrom | Global | Nonlocal | Expr | Pass | Break | Continue;
/** Every node of the ASDL category `expr`. */
export type expr = BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | Set | ListComp | SetComp | DictComp | GeneratorExp | Await | Yield | YieldFrom | Compare | Call | FormattedValue | JoinedStr | Constant | Attribute | Subscript | Starred | Name | List | Tuple | Slice;
/** Every node of the ASDL category `expr_context`. */
export type expr_context = Load | Store | Del;
/** Every node of the ASDL category `boolop`. */
export type boolop = And | Or;
/** Every node of the ASDL category `operator`. */
export type operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv;
/** Every node of the ASDL category `unaryop`. */
export type unaryop = Invert | Not | UAdd | USub;
/** Every node of the ASDL category `cmpop`. */
export type cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn;
/** Every node of the ASDL category `excepthandler`. */
export type excepthandler = ExceptHandler;
/** Every node of the ASDL category `pattern`. */
export type pattern = MatchValue | MatchSingleton | MatchSequence | MatchMapping | MatchClass | MatchStar | MatchAs | MatchOr;
/** Every node of the ASDL category `type_ignore`. */
export type type_ignore = TypeIgnore;

/** Every AST node. */
export type AST = Module | Interactive | Expression | FunctionType | FunctionDef | AsyncFunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign | For | AsyncFor | While | If | With | AsyncWith | Match | Raise | Try | TryStar | Assert | Import | ImportFrom | Global | Nonlocal | Expr | Pass | Break | Continue | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | Set | ListComp | SetComp | DictComp | GeneratorExp | Await | Yield | YieldFrom | Compare | Call | FormattedValue | JoinedStr | Constant | Attribute | Subscript | Starred | Name | List | Tuple | Slice | Load | Store | Del | And | Or | Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv | Invert | Not | UAdd | USub | Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn | ExceptHandler | MatchValue | MatchSingleton | MatchSequence | MatchMapping | MatchClass | MatchStar | MatchAs | MatchOr | TypeIgnore | comprehension | arguments | arg | keyword | alias | withitem | match_case;
/** The `_type` tag of every AST node. */
export type NodeType = AST['_type'];

/** Field names of each node class in CPython order (`_fields`), used by dump(). */
export const FIELDS: Readonly<Record<NodeType, readonly string[]>> = {
  Module: ['body', 'type_ignores'],
  Interactive: ['body'],
  Expression: ['body'],
  FunctionType: ['argtypes', 'returns'],
  FunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns', 'type_comment'],
  AsyncFunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns', 'type_comment'],
  ClassDef: ['name', 'bases', 'keywords', 'body', 'decorator_list'],
  Return: ['value'],
  Delete: ['targets'],
  Assign: ['targets', 'value', 'type_comment'],
  AugAssign: ['target', 'op', 'value'],
  AnnAssign: ['target', 'annotation', 'value', 'simple'],
  For: ['target', 'iter', 'body', 'orelse', 'type_comment'],
  AsyncFor: ['target', 'iter', 'body', 'orelse', 'type_comment'],
  While: ['test', 'body', 'orelse'],
  If: ['test', 'body', 'orelse'],
  With: ['items', 'body', 'type_comment'],
  AsyncWith: ['items', 'body', 'type_comment'],
  Match: ['subject', 'cases'],
  Raise: ['exc', 'cause'],
  Try: ['body', 'handlers', 'orelse', 'finalbody'],
  TryStar: ['body', 'handlers', 'orelse', 'finalbody'],
  Assert: ['test', 'msg'],
  Import: ['names'],
  ImportFrom: ['module', 'names', 'level'],
  Global: ['names'],
  Nonlocal: ['names'],
  Expr: ['value'],
  Pass: [],
  Break: [],
  Continue: [],
  BoolOp: ['op', 'values'],
  NamedExpr: ['target', 'value'],
  BinOp: ['left', 'op', 'right'],
  UnaryOp: ['op', 'operand'],
  Lambda: ['args', 'body'],
  IfExp: ['test', 'body', 'orelse'],
  Dict: ['keys', 'values'],
  Set: ['elts'],
  ListComp: ['elt', 'generators'],
  SetComp: ['elt', 'generators'],
  DictComp: ['key', 'value', 'generators'],
  GeneratorExp: ['elt', 'generators'],
  Await: ['value'],
  Yield: ['value'],
  YieldFrom: ['value'],
  Compare: ['left', 'ops', 'comparators'],
  Call: ['func', 'args', 'keywords'],
  FormattedValue: ['value', 'conversion', 'format_spec'],
  JoinedStr: ['values'],
  Constant: ['value', 'kind'],
  Attribute: ['value', 'attr', 'ctx'],
  Subscript: ['value', 'slice', 'ctx'],
  Starred: ['value', 'ctx'],
  Name: ['id', 'ctx'],
  List: ['elts', 'ctx'],
  Tuple: ['elts', 'ctx'],
  Slice: ['lower', 'upper', 'step'],
  Load: [],
  Store: [],
  Del: [],
  And: [],
  Or: [],
  Add: [],
  Sub: [],
  Mult: [],
  MatMult: [],
  Div: [],
  Mod: [],
  Pow: [],
  LShift: [],
  RShift: [],
  BitOr: [],
  BitXor: [],
  BitAnd: [],
  FloorDiv: [],
  Invert: [],
  Not: [],
  UAdd: [],
  USub: [],
  Eq: [],
  NotEq: [],
  Lt: [],
  LtE: [],
  Gt: [],
  GtE: [],
  Is: [],
  IsNot: [],
  In: [],
  NotIn: [],
  ExceptHandler: ['type', 'name', 'body'],
  MatchValue: ['value'],
  MatchSingleton: ['value'],
  MatchSequence: ['patterns'],
  MatchMapping: ['keys', 'patterns', 'rest'],
  MatchClass: ['cls', 'patterns', 'kwd_attrs', 'kwd_patterns'],
  MatchStar: ['name'],
  MatchAs: ['pattern', 'name'],
  MatchOr: ['patterns'],
  TypeIgnore: ['lineno', 'tag'],
  comprehension: ['target', 'iter', 'ifs', 'is_async'],
  arguments: ['posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults'],
  arg: ['arg', 'annotation', 'type_comment'],
  keyword: ['arg', 'value'],
  alias: ['name', 'asname'],
  withitem: ['context_expr', 'optional_vars'],
  match_case: ['pattern', 'guard', 'body'],
};

/** Node classes that carry position attributes (`_attributes` non-empty). */
export const LOCATED: ReadonlySet<NodeType> = new Set<NodeType>([
  'FunctionDef',
  'AsyncFunctionDef',
  'ClassDef',
  'Return',
  'Delete',
  'Assign',
  'AugAssign',
  'AnnAssign',
  'For',
  'AsyncFor',
  'While',
  'If',
  'With',
  'AsyncWith',
  'Match',
  'Raise',
  'Try',
  'TryStar',
  'Assert',
  'Import',
  'ImportFrom',
  'Global',
  'Nonlocal',
  'Expr',
  'Pass',
  'Break',
  'Continue',
  'BoolOp',
  'NamedExpr',
  'BinOp',
  'UnaryOp',
  'Lambda',
  'IfExp',
  'Dict',
  'Set',
  'ListComp',
  'SetComp',
  'DictComp',
  'GeneratorExp',
  'Await',
  'Yield',
  'YieldFrom',
  'Compare',
  'Call',
  'FormattedValue',
  'JoinedStr',
  'Constant',
  'Attribute',
  'Subscript',
  'Starred',
  'Name',
  'List',
  'Tuple',
  'Slice',
  'ExceptHandler',
  'MatchValue',
  'MatchSingleton',
  'MatchSequence',
  'MatchMapping',
  'MatchClass',
  'MatchStar',
  'MatchAs',
  'MatchOr',
  'arg',
  'keyword',
  'alias',
]);

/** Optional (`?`) fields per node class: dump() omits them when null, like ast.dump. */
export const OPTIONAL: Readonly<Partial<Record<NodeType, readonly string[]>>> = {
  FunctionDef: ['returns', 'type_comment'],
  AsyncFunctionDef: ['returns', 'type_comment'],
  Return: ['value'],
  Assign: ['type_comment'],
  AnnAssign: ['value'],
  For: ['type_comment'],
  AsyncFor: ['type_comment'],
  With: ['type_comment'],
  AsyncWith: ['type_comment'],
  Raise: ['exc', 'cause'],
  Assert: ['msg'],
  ImportFrom: ['module', 'level'],
  Yield: ['value'],
  FormattedValue: ['format_spec'],
  Constant: ['kind'],
  Slice: ['lower', 'upper', 'step'],
  ExceptHandler: ['type', 'name'],
  MatchMapping: ['rest'],
  MatchStar: ['name'],
  MatchAs: ['pattern', 'name'],
  arguments: ['vararg', 'kwarg'],
  arg: ['annotation', 'type_comment'],
  keyword: ['arg'],
  alias: ['asname'],
  withitem: ['optional_vars'],
  match_case: ['guard'],
};

/** Whether a value is an AST node (a plain object whose `_type` names a node class). */
export function isNode(v: unknown): v is AST {
  return typeof v === 'object' && v !== null && typeof (v as { _type?: unknown })._type === 'string' &&
    (v as { _type: string })._type in FIELDS;
}

/** The direct child nodes of `node` in field order, like python3's `ast.iter_child_nodes`. */
export function* iterChildNodes(node: AST): Generator<AST> {
  const obj = node as unknown as Record<string, unknown>;
  for (const name of FIELDS[node._type]) {
    const v = obj[name];
    if (Array.isArray(v)) {
      for (const x of v) if (isNode(x)) yield x;
    } else if (isNode(v)) yield v;
  }
}

/** `node` and all its descendants, breadth first, like python3's `ast.walk`. */
export function* walk(node: AST): Generator<AST> {
  const todo: AST[] = [node];
  for (let i = 0; i < todo.length; i++) {
    yield todo[i];
    for (const c of iterChildNodes(todo[i])) todo.push(c);
  }
}
