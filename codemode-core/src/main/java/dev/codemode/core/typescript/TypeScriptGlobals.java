package dev.codemode.core.typescript;

import dev.codemode.core.ToolNames;
import java.util.HashSet;
import java.util.Set;

/**
 * Names a generated type alias must not take, because the declaration file is a global script:
 * a global of TypeScript's {@code lib.es2022} (a type alias named {@code Error} or {@code Record}
 * would clash with it or shadow it), a TypeScript keyword or predefined type name, or a type the
 * sandbox's own declarations define.
 */
final class TypeScriptGlobals {

  /**
   * Every name declared at the top level of {@code lib.es2022.d.ts} and the lib files it
   * references (interfaces, type aliases, classes, namespaces, variables, functions), taken from
   * {@code typescript@7.0.2}; {@code TypeScriptGlobalsTest} checks it against the installed
   * package.
   */
  static final Set<String> LIB_ES2022 =
      Set.of(
          "AggregateError", "AggregateErrorConstructor", "Array", "ArrayBuffer",
          "ArrayBufferConstructor", "ArrayBufferLike", "ArrayBufferTypes", "ArrayBufferView",
          "ArrayConstructor", "ArrayIterator", "ArrayLike", "AsyncGenerator",
          "AsyncGeneratorFunction", "AsyncGeneratorFunctionConstructor", "AsyncIterable",
          "AsyncIterableIterator", "AsyncIterator", "AsyncIteratorObject", "Atomics", "Awaited",
          "BigInt", "BigInt64Array", "BigInt64ArrayConstructor", "BigIntConstructor",
          "BigIntToLocaleStringOptions", "BigUint64Array", "BigUint64ArrayConstructor", "Boolean",
          "BooleanConstructor", "BuiltinIteratorReturn", "CallableFunction", "Capitalize",
          "ClassAccessorDecoratorContext", "ClassAccessorDecoratorResult",
          "ClassAccessorDecoratorTarget", "ClassDecorator", "ClassDecoratorContext",
          "ClassFieldDecoratorContext", "ClassGetterDecoratorContext",
          "ClassMemberDecoratorContext", "ClassMethodDecoratorContext",
          "ClassSetterDecoratorContext", "ConcatArray", "ConstructorParameters", "DataView",
          "DataViewConstructor", "Date", "DateConstructor", "DecoratorContext",
          "DecoratorMetadata", "DecoratorMetadataObject", "Error", "ErrorConstructor",
          "ErrorOptions", "EvalError", "EvalErrorConstructor", "Exclude", "Extract",
          "FinalizationRegistry", "FinalizationRegistryConstructor", "FlatArray", "Float32Array",
          "Float32ArrayConstructor", "Float64Array", "Float64ArrayConstructor", "Function",
          "FunctionConstructor", "Generator", "GeneratorFunction", "GeneratorFunctionConstructor",
          "IArguments", "ImportAssertions", "ImportAttributes", "ImportCallOptions", "ImportMeta",
          "Infinity", "InstanceType", "Int16Array", "Int16ArrayConstructor", "Int32Array",
          "Int32ArrayConstructor", "Int8Array", "Int8ArrayConstructor", "Intl", "Iterable",
          "IterableIterator", "Iterator", "IteratorObject", "IteratorResult",
          "IteratorReturnResult", "IteratorYieldResult", "JSON", "Lowercase", "Map",
          "MapConstructor", "MapIterator", "Math", "MethodDecorator", "NaN", "NewableFunction",
          "NoInfer", "NonNullable", "Number", "NumberConstructor", "Object", "ObjectConstructor",
          "Omit", "OmitThisParameter", "ParameterDecorator", "Parameters", "Partial", "Pick",
          "Promise", "PromiseConstructor", "PromiseConstructorLike", "PromiseFulfilledResult",
          "PromiseLike", "PromiseRejectedResult", "PromiseSettledResult", "PropertyDecorator",
          "PropertyDescriptor", "PropertyDescriptorMap", "PropertyKey", "Proxy",
          "ProxyConstructor", "ProxyHandler", "RangeError", "RangeErrorConstructor", "Readonly",
          "ReadonlyArray", "ReadonlyMap", "ReadonlySet", "Record", "ReferenceError",
          "ReferenceErrorConstructor", "Reflect", "RegExp", "RegExpConstructor", "RegExpExecArray",
          "RegExpIndicesArray", "RegExpMatchArray", "RegExpStringIterator", "Required",
          "ReturnType", "Set", "SetConstructor", "SetIterator", "SharedArrayBuffer",
          "SharedArrayBufferConstructor", "String", "StringConstructor", "StringIterator",
          "Symbol", "SymbolConstructor", "SyntaxError", "SyntaxErrorConstructor",
          "TemplateStringsArray", "ThisParameterType", "ThisType", "TypeError",
          "TypeErrorConstructor", "TypedPropertyDescriptor", "URIError", "URIErrorConstructor",
          "Uint16Array", "Uint16ArrayConstructor", "Uint32Array", "Uint32ArrayConstructor",
          "Uint8Array", "Uint8ArrayConstructor", "Uint8ClampedArray",
          "Uint8ClampedArrayConstructor", "Uncapitalize", "Uppercase", "WeakKey", "WeakKeyTypes",
          "WeakMap", "WeakMapConstructor", "WeakRef", "WeakRefConstructor", "WeakSet",
          "WeakSetConstructor", "decodeURI", "decodeURIComponent", "encodeURI",
          "encodeURIComponent", "escape", "eval", "isFinite", "isNaN", "parseFloat", "parseInt",
          "unescape");

  /** TypeScript's predefined type names and type-level keywords. */
  static final Set<String> TYPE_KEYWORDS =
      Set.of(
          "any", "unknown", "never", "number", "bigint", "boolean", "string", "symbol", "void",
          "object", "undefined", "null", "true", "false", "this", "keyof", "typeof", "unique",
          "infer", "is", "asserts", "readonly", "type", "namespace", "module", "declare",
          "global", "of", "as", "satisfies");

  /** Types declared by the sandbox globals file ({@code tools/typescript/sandbox-globals.d.ts}). */
  static final Set<String> SANDBOX_TYPES = Set.of("Console");

  /** All names a generated type alias must not take. */
  static final Set<String> FORBIDDEN_TYPE_NAMES = forbiddenTypeNames();

  private TypeScriptGlobals() {}

  private static Set<String> forbiddenTypeNames() {
    Set<String> names = new HashSet<>(LIB_ES2022);
    names.addAll(TYPE_KEYWORDS);
    names.addAll(ToolNames.RESERVED_WORDS);
    names.addAll(SANDBOX_TYPES);
    return Set.copyOf(names);
  }
}
