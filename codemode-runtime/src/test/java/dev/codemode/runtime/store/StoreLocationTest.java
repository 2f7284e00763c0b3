package dev.codemode.runtime.store;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the store makes of the locations users write. */
class StoreLocationTest {

  @Test
  void aPathIsASqliteFile() {
    StoreLocation location = StoreLocation.parse("data/codemode.db");
    assertThat(location.dialect()).isEqualTo(Dialect.SQLITE);
    assertThat(location.file()).isEqualTo(Path.of("data/codemode.db").toAbsolutePath());
    assertThat(location.jdbcUrl()).isEqualTo("jdbc:sqlite:" + Path.of("data/codemode.db").toAbsolutePath());
  }

  @Test
  void aJdbcSqliteUrlIsItsFile() {
    assertThat(StoreLocation.parse("jdbc:sqlite:/var/lib/codemode/store.db?foo=bar").file())
        .isEqualTo(Path.of("/var/lib/codemode/store.db"));
    assertThat(StoreLocation.parse("jdbc:sqlite:file:/tmp/x.db").file()).isEqualTo(Path.of("/tmp/x.db"));
  }

  @Test
  void aPostgresUrlIsKeptAndItsPasswordHiddenInMessages() {
    StoreLocation location = StoreLocation.parse("jdbc:postgresql://db:5432/codemode?user=app&password=s3cret&ssl=true");
    assertThat(location.dialect()).isEqualTo(Dialect.POSTGRES);
    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/codemode?user=app&password=s3cret&ssl=true");
    assertThat(location.display()).isEqualTo("jdbc:postgresql://db:5432/codemode?user=app&password=***&ssl=true");
  }

  @Test
  void refusesUnknownSchemesAndSaysWhatWorks() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StoreLocation.parse("jdbc:mysql://db/codemode?password=hunter2"));
    assertThat(e).hasMessageThat().startsWith(
        "Unsupported store location 'jdbc:mysql://db/codemode?password=***': the scheme 'jdbc:mysql:' is not one the"
            + " store knows. Give a file path");
    assertThat(e).hasMessageThat().contains("jdbc:postgresql://host:port/database");
    e = assertThrows(IllegalArgumentException.class, () -> StoreLocation.parse("postgresql://db/codemode"));
    assertThat(e).hasMessageThat().contains("the scheme 'postgresql:'");
  }

  @Test
  void refusesNothingAndMemory() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> StoreLocation.parse(" ")))
        .hasMessageThat().startsWith("No store location was given.");
    assertThat(assertThrows(IllegalArgumentException.class, () -> StoreLocation.parse("jdbc:sqlite::memory:")))
        .hasMessageThat().contains("in-memory SQLite database is lost when the process ends");
  }
}
