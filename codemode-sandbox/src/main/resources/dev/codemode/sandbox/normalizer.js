// The code normalizer of codemode-sandbox, evaluated in a long-lived tooling context after acorn
// (global `acorn`) and, when TypeScript must be stripped, Sucrase (global `sucrase`).
//
// normalize(code) turns what a model wrote into one function expression and returns JSON:
//   {ok: true, code, form, segments: [[outStart, inStart, length], ...]}
//   {ok: false, message, pos}
// `segments` say which ranges of the output were copied from which offsets of the input, so that
// the host can map positions in the output back to the model's code.
// Forms: "function" (the code is a function expression; the host calls it without arguments),
// "return" (statements wrapped, the last expression returned), "body" (statements wrapped as they
// are).
//
// stripTypes(code) returns JSON {ok: true, code} with TypeScript types removed, or {ok: false,
// message}.
(function () {
  'use strict';

  const SCRIPT = {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowHashBang: true,
  };
  const MODULE = {
    ecmaVersion: 'latest',
    sourceType: 'module',
    allowReturnOutsideFunction: true,
    allowHashBang: true,
  };

  const PARENTHESIZED = Object.assign({}, SCRIPT, { preserveParens: true });

  function Out() {
    this.text = '';
    this.segments = [];
  }
  Out.prototype.add = function (text) {
    this.text += text;
    return this;
  };
  Out.prototype.copy = function (source, start, end) {
    if (end > start) {
      this.segments.push([this.text.length, start, end - start]);
      this.text += source.slice(start, end);
    }
    return this;
  };

  function result(out, form) {
    return JSON.stringify({ ok: true, code: out.text, form, segments: out.segments });
  }

  function isFunctionNode(node) {
    return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
  }

  // The code is one function: keep it as it is written, without a trailing semicolon.
  function functionAsIs(code, node) {
    return result(new Out().copy(code, node.start, node.end), 'function');
  }

  function wrapped(code, lastExpression, lastStatement) {
    const out = new Out().add('async () => {\n');
    if (lastExpression === null) {
      out.copy(code, 0, code.length).add('\n}');
      return result(out, 'body');
    }
    out.copy(code, 0, lastStatement.start)
      .add('return (')
      .copy(code, lastExpression.start, lastExpression.end)
      .add(');')
      .copy(code, lastStatement.end, code.length)
      .add('\n}');
    return result(out, 'return');
  }

  function fromExpression(code, expression, statement) {
    if (isFunctionNode(expression)) {
      return functionAsIs(code, expression);
    }
    return wrapped(code, expression, statement);
  }

  function parseProgram(code) {
    try {
      return acorn.parse(code, SCRIPT);
    } catch (scriptError) {
      try {
        return acorn.parse(code, MODULE);
      } catch (moduleError) {
        throw scriptError;
      }
    }
  }

  // `async function () {}` and `function () {}` alone are function expressions that do not parse
  // as a statement.
  function anonymousFunction(code) {
    try {
      const node = acorn.parseExpressionAt('(' + code + '\n)', 0, PARENTHESIZED);
      if (node.type === 'ParenthesizedExpression' && node.end === code.length + 3
          && node.expression.type === 'FunctionExpression') {
        return result(new Out().copy(code, node.expression.start - 1, node.expression.end - 1), 'function');
      }
    } catch (e) {
      // not a function expression either
    }
    return null;
  }

  function failure(error) {
    const message = String(error.message).replace(/ \(\d+:\d+\)$/, '');
    return JSON.stringify({ ok: false, message, pos: typeof error.pos === 'number' ? error.pos : 0 });
  }

  function normalize(code) {
    let program;
    try {
      program = parseProgram(code);
    } catch (error) {
      return anonymousFunction(code) || failure(error);
    }
    const body = program.body;
    for (const statement of body) {
      if (statement.type === 'ImportDeclaration') {
        return JSON.stringify({
          ok: false,
          pos: statement.start,
          message: 'import is not available in the sandbox: the tool namespaces, console and the '
            + 'JavaScript built-ins are globals already',
        });
      }
      if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') {
        return JSON.stringify({
          ok: false,
          pos: statement.start,
          message: 'export is not needed: write one async function, or statements whose last '
            + 'expression is the result',
        });
      }
    }
    if (body.length === 0) {
      return wrapped(code, null, null);
    }
    if (body.length === 1) {
      const only = body[0];
      if (only.type === 'ExpressionStatement' && isFunctionNode(only.expression)) {
        return functionAsIs(code, only.expression);
      }
      if (only.type === 'FunctionDeclaration') {
        return functionAsIs(code, only);
      }
      if (only.type === 'ExportDefaultDeclaration') {
        const declaration = only.declaration;
        if (declaration.type === 'FunctionDeclaration') {
          return functionAsIs(code, declaration);
        }
        if (declaration.type === 'ClassDeclaration') {
          const out = new Out().add('async () => {\nreturn (')
            .copy(code, declaration.start, declaration.end).add(');\n}');
          return result(out, 'return');
        }
        if (isFunctionNode(declaration)) {
          return functionAsIs(code, declaration);
        }
        const out = new Out().add('async () => {\nreturn (')
          .copy(code, declaration.start, declaration.end).add(');\n}');
        return result(out, 'return');
      }
    }
    const last = body[body.length - 1];
    if (last.type === 'ExpressionStatement') {
      return wrapped(code, last.expression, last);
    }
    return wrapped(code, null, null);
  }

  function stripTypes(code) {
    try {
      const output = sucrase.transform(code, {
        transforms: ['typescript'],
        disableESTransforms: true,
        keepUnusedImports: true,
      });
      return JSON.stringify({ ok: true, code: output.code });
    } catch (error) {
      return JSON.stringify({ ok: false, message: String(error && error.message) });
    }
  }

  return { normalize, stripTypes };
})()
