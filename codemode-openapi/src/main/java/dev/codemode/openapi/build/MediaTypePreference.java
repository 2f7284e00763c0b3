package dev.codemode.openapi.build;

import dev.codemode.openapi.BodyEncoding;
import dev.codemode.openapi.MediaTypes;
import org.jspecify.annotations.Nullable;

/**
 * Media types: how a body of each type is encoded, and which of an operation's types is used. What
 * counts as JSON and as text is {@link MediaTypes}', the rules the connector decodes by.
 *
 * <p>Request bodies, most preferred first: {@code application/json}, other JSON ({@code
 * application/*+json}, {@code text/json}), {@code multipart/form-data} and other multipart types,
 * {@code application/x-www-form-urlencoded}, {@code text/plain}, other text ({@code text/*}, XML,
 * YAML), then anything else as bytes ({@code application/octet-stream}, {@code image/png}, {@code
 * *}{@code /*}). Responses: JSON first, then text, then bytes. Ties keep spec order.
 */
final class MediaTypePreference {

  private MediaTypePreference() {}

  /** How a body of this type is encoded. */
  static BodyEncoding encoding(String mediaType) {
    String essence = MediaTypes.base(mediaType);
    if (MediaTypes.isJson(essence)) {
      return BodyEncoding.JSON;
    }
    if (essence.equals("application/x-www-form-urlencoded")) {
      return BodyEncoding.FORM;
    }
    if (essence.startsWith("multipart/")) {
      return BodyEncoding.MULTIPART;
    }
    return MediaTypes.isText(essence) ? BodyEncoding.TEXT : BodyEncoding.BINARY;
  }

  /** The preferred of the request body types (spec order breaks ties). */
  static String preferredRequest(Iterable<String> mediaTypes) {
    return preferred(mediaTypes, true);
  }

  /** The preferred of the response types (spec order breaks ties). */
  static String preferredResponse(Iterable<String> mediaTypes) {
    return preferred(mediaTypes, false);
  }

  /**
   * The best ranked of {@code mediaTypes}, which are the keys of a non-empty {@code content}
   * object.
   *
   * @throws IllegalArgumentException when there are none
   */
  private static String preferred(Iterable<String> mediaTypes, boolean request) {
    String best = null;
    int bestRank = Integer.MAX_VALUE;
    for (String mediaType : mediaTypes) {
      int rank = request ? requestRank(mediaType) : responseRank(mediaType);
      if (rank < bestRank) {
        best = mediaType;
        bestRank = rank;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no media type to choose from");
    }
    return best;
  }

  private static int requestRank(String mediaType) {
    String essence = MediaTypes.base(mediaType);
    if (essence.equals("application/json")) {
      return 0;
    }
    if (MediaTypes.isJson(essence)) {
      return 1;
    }
    if (essence.equals("multipart/form-data")) {
      return 2;
    }
    if (essence.startsWith("multipart/")) {
      return 3;
    }
    if (essence.equals("application/x-www-form-urlencoded")) {
      return 4;
    }
    if (essence.equals("text/plain")) {
      return 5;
    }
    return MediaTypes.isText(essence) ? 6 : 7;
  }

  private static int responseRank(String mediaType) {
    String essence = MediaTypes.base(mediaType);
    if (essence.equals("application/json")) {
      return 0;
    }
    if (MediaTypes.isJson(essence)) {
      return 1;
    }
    if (essence.equals("text/plain")) {
      return 2;
    }
    return MediaTypes.isText(essence) ? 3 : 4;
  }
}
