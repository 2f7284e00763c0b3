package dev.codemode.openapi.build;

import dev.codemode.openapi.BodyEncoding;
import java.util.Locale;
import java.util.Set;

/**
 * Media types: how a body of each type is encoded, and which of an operation's types is used.
 *
 * <p>Request bodies, most preferred first: {@code application/json}, other JSON ({@code
 * application/*+json}, {@code text/json}), {@code multipart/form-data} and other multipart types,
 * {@code application/x-www-form-urlencoded}, {@code text/plain}, other text ({@code text/*}, XML,
 * YAML), then anything else as bytes ({@code application/octet-stream}, {@code image/png}, {@code
 * *}{@code /*}). Responses: JSON first, then text, then bytes. Ties keep spec order.
 */
final class MediaTypes {

  private static final Set<String> TEXTUAL =
      Set.of(
          "application/xml", "application/javascript", "application/yaml", "application/x-yaml",
          "application/x-ndjson", "application/jsonl", "application/graphql");

  private MediaTypes() {}

  /** The type without parameters, lower case: {@code application/json; charset=utf-8} → {@code application/json}. */
  static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    String type = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  static boolean isJson(String mediaType) {
    String essence = essence(mediaType);
    return essence.equals("application/json") || essence.endsWith("+json")
        || essence.equals("text/json");
  }

  static boolean isText(String mediaType) {
    String essence = essence(mediaType);
    return essence.startsWith("text/") || essence.endsWith("+xml") || TEXTUAL.contains(essence);
  }

  /** How a body of this type is encoded. */
  static BodyEncoding encoding(String mediaType) {
    String essence = essence(mediaType);
    if (isJson(essence)) {
      return BodyEncoding.JSON;
    }
    if (essence.equals("application/x-www-form-urlencoded")) {
      return BodyEncoding.FORM;
    }
    if (essence.startsWith("multipart/")) {
      return BodyEncoding.MULTIPART;
    }
    return isText(essence) ? BodyEncoding.TEXT : BodyEncoding.BINARY;
  }

  /** The preferred of the request body types (spec order breaks ties). */
  static String preferredRequest(Iterable<String> mediaTypes) {
    return preferred(mediaTypes, true);
  }

  /** The preferred of the response types (spec order breaks ties). */
  static String preferredResponse(Iterable<String> mediaTypes) {
    return preferred(mediaTypes, false);
  }

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
    return best;
  }

  private static int requestRank(String mediaType) {
    String essence = essence(mediaType);
    if (essence.equals("application/json")) {
      return 0;
    }
    if (isJson(essence)) {
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
    return isText(essence) ? 6 : 7;
  }

  private static int responseRank(String mediaType) {
    String essence = essence(mediaType);
    if (essence.equals("application/json")) {
      return 0;
    }
    if (isJson(essence)) {
      return 1;
    }
    if (essence.equals("text/plain")) {
      return 2;
    }
    return isText(essence) ? 3 : 4;
  }
}
