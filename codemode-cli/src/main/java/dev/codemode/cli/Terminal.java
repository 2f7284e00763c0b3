package dev.codemode.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command reads and prints to, and whether the process must end hard once the
 * command is done: when model code could not be stopped, its thread still runs, and an orderly
 * exit would wait for it (closing the engine waits for every thread in it).
 */
record Terminal(InputStream in, PrintStream out, PrintStream err, AtomicBoolean endHard) {

  Terminal(InputStream in, PrintStream out, PrintStream err) {
    this(in, out, err, new AtomicBoolean());
  }
}
