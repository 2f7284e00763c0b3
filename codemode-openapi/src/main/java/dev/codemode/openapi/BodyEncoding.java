package dev.codemode.openapi;

/** How the {@code body} property of a tool's input becomes the HTTP request body. */
public enum BodyEncoding {
  /** JSON text ({@code application/json} and {@code +json} media types). */
  JSON,
  /** {@code application/x-www-form-urlencoded}: the body object's properties as form fields. */
  FORM,
  /**
   * {@code multipart/form-data}: one part per property of the body object; binary properties
   * (base64 in JSON, {@code Uint8Array} in the sandbox) are sent as file parts.
   */
  MULTIPART,
  /** A string sent as is ({@code text/*} and other textual media types). */
  TEXT,
  /** Bytes sent as is ({@code application/octet-stream} and other binary media types). */
  BINARY
}
