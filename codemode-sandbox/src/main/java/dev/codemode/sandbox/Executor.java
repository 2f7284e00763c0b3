package dev.codemode.sandbox;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Runs one piece of model-written code once, in a fresh sandbox, against tool providers.
 *
 * <p>The code is one function, normalized from whatever the model wrote (see {@link
 * CodeNormalizer}). Each provider becomes one global of the sandbox, named after it, whose methods
 * take one object and return a Promise. The result of the function comes back as JSON.
 *
 * <p>Implementations never throw for anything the code does: syntax errors, exceptions, failed
 * tools, timeouts and exceeded limits all come back as {@link ExecuteResult#error()}. They are
 * thread-safe: many executions may run at once.
 */
public interface Executor extends AutoCloseable {

  /**
   * Runs {@code code} and waits for its outcome.
   *
   * @param code the model's code: JavaScript or TypeScript, possibly in a Markdown fence
   * @param providers the tool providers, one sandbox global each, with distinct names
   * @throws IllegalArgumentException when two providers have the same name (a programming error of
   *     the caller, not of the model)
   */
  ExecuteResult execute(String code, List<? extends ToolProvider> providers);

  /**
   * Runs {@code code} without holding the calling thread: the returned stage completes with the
   * outcome. While the code waits for tools, no thread is held for it.
   *
   * @see #execute(String, List)
   */
  CompletionStage<ExecuteResult> executeAsync(String code, List<? extends ToolProvider> providers);

  /**
   * Normalizes {@code code} as {@link #execute} would before running it, without running it: the
   * one function expression the sandbox evaluates.
   *
   * @throws CodeSyntaxException when it does not parse as JavaScript or TypeScript
   */
  NormalizedCode normalize(String code);

  /** Releases the engine and threads of this executor; executions still running are stopped. */
  @Override
  void close();
}
