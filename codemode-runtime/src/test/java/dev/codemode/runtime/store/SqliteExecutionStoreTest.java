package dev.codemode.runtime.store;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a SQLite file, and what only SQLite has: files, WAL, two processes on one file. */
class SqliteExecutionStoreTest extends JdbcStoreContract {

  @TempDir Path folder;
  private final AtomicInteger databases = new AtomicInteger();

  @Override
  protected String newDatabase() {
    // A folder that does not exist yet: opening creates it.
    return folder.resolve("store-" + databases.incrementAndGet()).resolve("codemode.db").toString();
  }

  @Override
  Connection connect(String location) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + location);
  }

  @Test
  void createsTheFileAndItsMissingFoldersInWalMode() throws Exception {
    Path file = folder.resolve("a/b/c/store.db");
    open(file.toString(), 1_000_000).createExecution(execution("exec_1", RUNTIME, ExecutionStatus.RUNNING));
    assertThat(Files.isRegularFile(file)).isTrue();
    try (Connection connection = connect(file.toString());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void opensAJdbcSqliteUrlAsTheSameFile() {
    running("exec_1");
    ExecutionStore byUrl = open("jdbc:sqlite:" + database, 1_000_000);
    assertThat(byUrl.execution("exec_1")).isPresent();
    assertThat(byUrl.toString()).contains(database);
  }

  @Test
  void refusesAFileThatIsNotASqliteDatabaseAndLeavesItAlone() throws IOException {
    Path notes = folder.resolve("notes.txt");
    Files.writeString(notes, "my notes, not a database\n");
    ExecutionStoreException e = assertThrows(ExecutionStoreException.class, () -> open(notes.toString(), 1_000_000));
    assertThat(e).hasMessageThat().isEqualTo("The execution store file " + notes + " exists but is not a SQLite"
        + " database, so it was left untouched. Point the store at the database file it created, or at a path where"
        + " it may create a new one.");
    assertThat(Files.readString(notes)).isEqualTo("my notes, not a database\n");
    assertThat(Files.exists(folder.resolve("notes.txt-wal"))).isFalse();
  }

  @Test
  void refusesAFolder() {
    ExecutionStoreException e = assertThrows(ExecutionStoreException.class, () -> open(folder.toString(), 1_000_000));
    assertThat(e).hasMessageThat().contains("is a folder, not a file");
    assertThat(e).hasMessageThat().contains(folder.resolve("codemode.db").toString());
  }

  @Test
  void twoProcessesOnOneFileNeverBothWin() throws Exception {
    int calls = 200;
    JournalRace.prepare(store, calls, clock);
    JournalRace.warmUp(store, "first");
    Path errors = folder.resolve("second-process.err");
    Process second = new ProcessBuilder(secondJvm(JournalRace.class.getName(), database, String.valueOf(calls), "second"))
        .redirectError(errors.toFile())
        .start();
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8));
      assertThat(output.readLine()).isEqualTo("ready");
      Writer go = new OutputStreamWriter(second.getOutputStream(), StandardCharsets.UTF_8);
      go.write("go\n");
      go.flush();
      List<String> first = JournalRace.race(store, calls, "first");
      List<String> other = new ArrayList<>();
      for (String line = output.readLine(); line != null && !line.equals("done"); line = output.readLine()) {
        other.add(line);
      }
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isEqualTo(0);
      assertThat(Files.readString(errors)).doesNotContain("SQLITE_BUSY");
      // Both really raced: each won some of the seqs.
      assertThat(first).isNotEmpty();
      assertThat(other).isNotEmpty();
      assertEachWonOnce(Map.of("first", first, "second", other), calls);
    } finally {
      second.destroyForcibly();
    }
  }

  /** The command that runs {@code mainClass} in a new JVM with this JVM's classpath. */
  static List<String> secondJvm(String mainClass, String... arguments) {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1"));
    if (Runtime.version().feature() >= 24) {
      command.add("--enable-native-access=ALL-UNNAMED"); // sqlite-jdbc loads its native library
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(arguments));
    return command;
  }
}
