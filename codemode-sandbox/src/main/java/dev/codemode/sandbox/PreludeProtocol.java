package dev.codemode.sandbox;

import java.util.List;

/**
 * The codes the host and {@code prelude.js} exchange, with the same names on both sides.
 *
 * <p>The prelude declares each of these as a {@code const} of the same name and value in the block
 * that starts with {@code // ---- protocol}, and receives the bridge functions in the order of
 * {@link #BRIDGE}; {@code PreludeProtocolTest} reads prelude.js and fails when the two disagree.
 */
final class PreludeProtocol {

  private PreludeProtocol() {}

  // ---- what callTool returns to the prelude (besides a plain result's JSON text) -----------------

  /** The call finished with {@code undefined}. */
  static final int UNDEFINED_REPLY = 0;
  /** The call finished with JSON that carries tags (binary data, big integers): the text is in callPayload(). */
  static final int TAGGED_REPLY = -1;
  /** The call failed: the error's JSON text is in callPayload(). */
  static final int ERROR_REPLY = -2;
  // A positive number is the id of a call still running, settled later with settle(id, kind, payload).

  // ---- the kinds of settle(id, kind, payload) -----------------------------------------------------

  /** A plain JSON result. */
  static final String SETTLE_RESULT = "R";
  /** A JSON result with tags. */
  static final String SETTLE_TAGGED = "T";
  /** {@code undefined}. */
  static final String SETTLE_UNDEFINED = "U";
  /** An error as JSON ({@code name}, {@code message}, {@code tool}). */
  static final String SETTLE_ERROR = "E";

  // ---- done(kind, payload) and timer(id, delay) ---------------------------------------------------

  /** The code's function returned: the payload is the result's JSON, or null for {@code undefined}. */
  static final int DONE_RESULT = 0;
  /** The code's function threw: the payload is the error's JSON. */
  static final int DONE_ERROR = 1;
  /** {@code timer(id, CANCEL_TIMER)} cancels timer {@code id}. */
  static final int CANCEL_TIMER = -1;

  /** The bridge functions the prelude's function takes, in order. */
  static final List<String> BRIDGE = List.of(
      "callTool", "callPayload", "bindTool", "toolNames", "log", "timer", "done", "namespaceNames");

  /** The members of the object the prelude returns to the host. */
  static final List<String> API = List.of("run", "settle", "fire", "isCallable", "extend");

  /** The prelude's members the host calls. */
  static final String RUN = "run";
  static final String SETTLE = "settle";
  static final String FIRE = "fire";
  static final String EXTEND = "extend";
}
