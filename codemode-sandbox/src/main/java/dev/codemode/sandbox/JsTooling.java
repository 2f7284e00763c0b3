package dev.codemode.sandbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.graalvm.polyglot.PolyglotException;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * Long-lived contexts that run acorn, the normalizer and Sucrase on model code. Loading acorn costs
 * tens of milliseconds per context and its first parse a few hundred, so contexts are kept and
 * reused; a context is single-threaded, so each is lent to one caller at a time. Sucrase is loaded
 * into a context the first time that context strips types.
 */
final class JsTooling implements AutoCloseable {

  static final String ACORN_PATH = "META-INF/resources/webjars/acorn/8.18.0/dist/acorn.js";

  /**
   * JavaScript frames the parser may nest. Code nested deeper than this allows is refused as a
   * syntax error; the frames fit the stack of the threads parsing runs on with room to spare, so
   * the engine never overflows its own stack while parsing.
   */
  static final int MAX_FRAMES = 3_000;

  /** The Java stack of a thread that parses: see {@link ExecutionLimits#threadStackBytes()}. */
  static final long STACK_BYTES = 64L << 20;

  /** One tooling context and the functions it exposes. */
  static final class Tools {
    private final Context context;
    private final Value normalizer;
    private final Source sucrase;
    private @Nullable Value stripTypes;

    private Tools(Context context, Value normalizer, Source sucrase) {
      this.context = context;
      this.normalizer = normalizer;
      this.sucrase = sucrase;
    }

    /** Stops what this context runs now; the context stays usable. */
    void interrupt() {
      try {
        context.interrupt(Duration.ofSeconds(5));
      } catch (TimeoutException | RuntimeException e) {
        // it finished first, or could not be interrupted in time: either way it is not waiting on us
      }
    }

    /** The normalizer's JSON answer for {@code code}. */
    String normalize(String code) {
      return normalizer.invokeMember("normalize", code).asString();
    }

    /** The JSON answer of Sucrase's TypeScript transform for {@code code}. */
    String stripTypes(String code) {
      if (stripTypes == null) {
        context.eval(sucrase);
        stripTypes = normalizer.getMember("stripTypes");
      }
      return stripTypes.execute(code).asString();
    }
  }

  /** Where a caller learns how to interrupt the tooling work done for it. */
  interface Interruptions {
    /** No one will interrupt. */
    Interruptions NONE = new Interruptions() {
      @Override
      public void enter(Runnable interrupt) {}

      @Override
      public void leave() {}
    };

    /** Work started; {@code interrupt} stops it. */
    void enter(Runnable interrupt);

    /** The work is over. */
    void leave();
  }

  private final Engine engine;
  private final int maxContexts;
  private final Source acorn;
  private final Source normalizerSource;
  private final Source sucrase;
  private final BlockingQueue<Tools> idle = new LinkedBlockingQueue<>();
  private final AtomicInteger created = new AtomicInteger();
  private volatile boolean closed;
  /** Where parsing runs for callers whose thread has a smaller stack; started when first needed. */
  private volatile @Nullable ExecutorService deepStack;

  JsTooling(Engine engine, int maxContexts) {
    this.engine = engine;
    this.maxContexts = Math.max(1, maxContexts);
    this.acorn = Sandbox.classPathResource(ACORN_PATH, "acorn.js");
    this.normalizerSource = Sandbox.resource("normalizer.js");
    this.sucrase = Sandbox.resource("sucrase.js");
  }

  /**
   * Runs {@code work} with a tooling context lent to this thread. While it runs, {@code
   * interruptions} holds an action that interrupts it from another thread (a watchdog's).
   */
  <T> T with(Function<Tools, T> work, Interruptions interruptions) {
    if (!Threads.DeepStackThread.current(STACK_BYTES)) {
      try {
        return CompletableFuture.supplyAsync(() -> with(work, interruptions), deepStack()).join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw e;
      }
    }
    Tools tools = borrow();
    interruptions.enter(() -> tools.interrupt());
    boolean reusable = false;
    try {
      T answer = work.apply(tools);
      reusable = true;
      return answer;
    } catch (PolyglotException e) {
      // An interrupt leaves the context usable; the frame limit cancels it for good.
      reusable = !e.isCancelled() && !e.isResourceExhausted();
      if (e.isResourceExhausted()) {
        throw new CodeSyntaxException(String.format(
            "The code is nested too deeply to parse (more than about %,d levels of brackets,"
                + " calls or blocks inside each other). Write flatter code.", MAX_FRAMES / 10), 1, 1, "");
      }
      throw e;
    } finally {
      interruptions.leave();
      if (closed || !reusable) {
        tools.context.close(!reusable);
        if (!reusable) {
          created.decrementAndGet();
        }
      } else {
        idle.add(tools);
      }
    }
  }

  private ExecutorService deepStack() {
    ExecutorService pool = deepStack;
    if (pool == null) {
      synchronized (this) {
        pool = deepStack;
        if (pool == null) {
          pool = Threads.cachedPool("codemode-parser", STACK_BYTES);
          deepStack = pool;
        }
      }
    }
    return pool;
  }

  private Tools borrow() {
    if (closed) {
      throw new IllegalStateException("the code normalizer is closed");
    }
    Tools tools = idle.poll();
    if (tools != null) {
      return tools;
    }
    while (true) {
      int count = created.get();
      if (count >= maxContexts) {
        try {
          return idle.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a tooling context", e);
        }
      }
      if (created.compareAndSet(count, count + 1)) {
        return newTools();
      }
    }
  }

  /** A new tooling context; when that fails, its slot in the pool is given back. */
  private Tools newTools() {
    Context context = null;
    try {
      context = Sandbox.contextBuilder(engine)
          .option("sandbox.MaxStackFrames", Integer.toString(MAX_FRAMES))
          .build();
      context.eval(acorn);
      Value normalizer = context.eval(normalizerSource);
      return new Tools(context, normalizer, sucrase);
    } catch (RuntimeException | Error e) {
      created.decrementAndGet();
      if (context != null) {
        context.close();
      }
      throw e;
    }
  }

  @Override
  public void close() {
    closed = true;
    ExecutorService pool = deepStack;
    if (pool != null) {
      pool.shutdownNow();
    }
    Tools tools;
    while ((tools = idle.poll()) != null) {
      tools.context.close();
    }
  }
}
