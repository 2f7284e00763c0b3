package dev.codemode.runtime.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a store lives: a SQLite file or a PostgreSQL URL, parsed from what the user wrote.
 *
 * @param dialect the database kind
 * @param jdbcUrl the URL the driver opens
 * @param file the SQLite file, or null for PostgreSQL
 * @param display the location as the user wrote it, without any password, for messages
 */
record StoreLocation(Dialect dialect, String jdbcUrl, @Nullable Path file, String display) {

  private static final String SQLITE_PREFIX = "jdbc:sqlite:";
  private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
  private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");
  private static final String HOW =
      "Give a file path (a SQLite file, created when missing), a jdbc:sqlite: URL, or a"
          + " jdbc:postgresql://host:port/database URL (user and password may be in its query).";

  /**
   * Parses {@code location}.
   *
   * @throws IllegalArgumentException when it is empty, in memory, or of an unknown scheme
   */
  static StoreLocation parse(@Nullable String location) {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("No store location was given. " + HOW);
    }
    String trimmed = location.strip();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith(POSTGRES_PREFIX)) {
      String display = PASSWORD.matcher(trimmed).replaceAll("$1***");
      return new StoreLocation(Dialect.POSTGRES, trimmed, null, display);
    }
    if (lower.startsWith(SQLITE_PREFIX)) {
      String path = trimmed.substring(SQLITE_PREFIX.length());
      int query = path.indexOf('?');
      if (query >= 0) {
        path = path.substring(0, query);
      }
      if (path.startsWith("file:")) {
        path = path.substring("file:".length());
      }
      return sqliteFile(path, trimmed);
    }
    if (lower.startsWith("jdbc:") || URL_SCHEME.matcher(trimmed).matches()) {
      String scheme = trimmed.substring(0, trimmed.indexOf(':', lower.startsWith("jdbc:") ? 5 : 0) + 1);
      throw new IllegalArgumentException(
          "Unsupported store location '" + PASSWORD.matcher(trimmed).replaceAll("$1***") + "': the scheme '"
              + scheme + "' is not one the store knows. " + HOW);
    }
    return sqliteFile(trimmed, trimmed);
  }

  private static StoreLocation sqliteFile(String path, String display) {
    if (path.isBlank() || path.startsWith(":memory:") || path.contains("mode=memory")) {
      throw new IllegalArgumentException(
          "The store location '" + display + "' is not a file: an in-memory SQLite database is lost when the"
              + " process ends, which defeats a durable store. " + HOW);
    }
    Path file = Path.of(path).toAbsolutePath().normalize();
    return new StoreLocation(Dialect.SQLITE, SQLITE_PREFIX + file, file, file.toString());
  }
}
