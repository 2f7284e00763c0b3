package dev.codemode.samples.tasks;

import dev.codemode.core.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** A JSON file that holds the task list, so several processes can share it. */
public final class TaskFile {

  private final Path path;

  /** The list kept in {@code path}. */
  public TaskFile(Path path) {
    this.path = path;
  }

  /** The file named by a system property or an environment variable, if either is set. */
  static @Nullable TaskFile configured(String property, String environmentVariable) {
    String location = System.getProperty(property);
    if (location == null || location.isBlank()) {
      location = System.getenv(environmentVariable);
    }
    return location == null || location.isBlank() ? null : new TaskFile(Path.of(location));
  }

  /** The tasks in the file; none when it does not exist yet. */
  List<Task> load() {
    if (!Files.exists(path)) {
      return List.of();
    }
    try {
      JsonNode json = JsonCodec.defaults().parse(Files.readString(path, StandardCharsets.UTF_8));
      JsonCodec codec = JsonCodec.defaults();
      return codec.decode(json, codec.type(new TypeReference<List<Task>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the task list " + path, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("The task list " + path + " is not a JSON array of tasks: " + e.getMessage()
          + ". Fix or delete the file.", e);
    }
  }

  /** Replaces the file's content with {@code tasks}, atomically. */
  synchronized void save(Collection<Task> tasks) {
    List<Task> sorted = new ArrayList<>(tasks);
    sorted.sort(Comparator.comparing(Task::created).thenComparing(task -> task.id().toString()));
    try {
      Path parent = path.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, ".tasks", ".json");
      Files.writeString(temporary, JsonCodec.defaults().toPrettyJson(JsonCodec.defaults().encode(sorted)),
          StandardCharsets.UTF_8);
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the task list " + path, e);
    }
  }
}
