package dev.codemode.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The streams a command reads and prints to. */
record Terminal(InputStream in, PrintStream out, PrintStream err) {}
