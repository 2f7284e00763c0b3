package dev.codemode.samples.tasks;

import dev.codemode.annotations.Connector;
import dev.codemode.annotations.Param;
import dev.codemode.annotations.Revert;
import dev.codemode.annotations.Tool;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The user's task list: create, find, change and remove tasks. Removing a task needs the user's
 * approval.
 */
@Connector
public class TasksConnector {

  /** The system property that makes the no-arg constructor keep tasks in a file. */
  public static final String FILE_PROPERTY = "codemode.samples.tasksFile";

  private final Map<UUID, Task> tasks = new ConcurrentHashMap<>();
  private final Clock clock;
  private final @Nullable TaskFile file;

  /**
   * A connector with the system clock. Tasks live in memory, or in the JSON file named by the
   * system property {@value #FILE_PROPERTY} (or the environment variable CODEMODE_TASKS_FILE), so
   * that several processes (the CLI's run and approve) see the same list.
   */
  public TasksConnector() {
    this(Clock.systemUTC(), TaskFile.configured(FILE_PROPERTY, "CODEMODE_TASKS_FILE"));
  }

  /** A connector with an empty list in memory and the given clock, for tests. */
  public TasksConnector(Clock clock) {
    this(clock, null);
  }

  /** A connector whose tasks are kept in {@code file} (null: in memory). */
  public TasksConnector(Clock clock, @Nullable TaskFile file) {
    this.clock = clock;
    this.file = file;
    if (file != null) {
      for (Task task : file.load()) {
        tasks.put(task.id(), task);
      }
    }
  }

  private void saved() {
    if (file != null) {
      file.save(tasks.values());
    }
  }

  /**
   * Creates a task.
   *
   * @param title what has to be done, in a few words
   * @param notes longer notes
   * @param priority how urgent it is; NORMAL when left out
   * @param due the day it is due
   * @param tags labels for grouping
   * @return the new task, status OPEN
   */
  @Tool
  public Task create(
      @NotBlank @Size(max = 200) String title,
      Optional<String> notes,
      Optional<Priority> priority,
      Optional<LocalDate> due,
      @Nullable List<String> tags) {
    Task task =
        new Task(
            UUID.randomUUID(),
            title.strip(),
            notes.orElse(null),
            priority.orElse(Priority.NORMAL),
            Status.OPEN,
            due.orElse(null),
            Task.normalizeTags(tags),
            clock.instant());
    tasks.put(task.id(), task);
    saved();
    return task;
  }

  /** Undoes {@link #create}: removes the task it created. */
  @Revert("create")
  public void undoCreate(Task result) {
    tasks.remove(result.id());
    saved();
  }

  /**
   * Lists tasks, most urgent first, then by due day.
   *
   * @param status only tasks with this status
   * @param tag only tasks with this tag
   * @param dueBefore only tasks due on or before this day
   * @param offset how many matching tasks to skip
   * @param limit at most this many tasks
   * @return one page of matching tasks
   */
  @Tool
  public Page<Task> list(
      Optional<Status> status,
      Optional<String> tag,
      Optional<LocalDate> dueBefore,
      @Min(0) Optional<Integer> offset,
      @Min(1) @Max(100) Optional<Integer> limit) {
    List<Task> matching = new ArrayList<>();
    for (Task task : tasks.values()) {
      boolean keep =
          status.map(wanted -> task.status() == wanted).orElse(true)
              && tag.map(wanted -> task.tags().contains(wanted.toLowerCase(Locale.ROOT)))
                  .orElse(true)
              && dueBefore
                  .map(day -> task.due() != null && !task.due().isAfter(day))
                  .orElse(true);
      if (keep) {
        matching.add(task);
      }
    }
    matching.sort(
        Comparator.comparing(Task::priority, Comparator.reverseOrder())
            .thenComparing(Task::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::created));
    int from = Math.min(offset.orElse(0), matching.size());
    int to = Math.min(from + limit.orElse(20), matching.size());
    Integer next = to < matching.size() ? to : null;
    return new Page<>(List.copyOf(matching.subList(from, to)), matching.size(), next);
  }

  /**
   * Finds one task.
   *
   * @param id the task's identifier
   * @return the task
   * @throws NoSuchElementException when there is no such task
   */
  @Tool
  public Task get(UUID id) {
    return find(id);
  }

  /**
   * Changes a task; fields not given stay as they are.
   *
   * @param id the task's identifier
   * @param changes what to change
   * @return the task after the change
   */
  @Tool
  public Task update(UUID id, TaskChanges changes) {
    Task changed = find(id).with(changes);
    tasks.put(id, changed);
    saved();
    return changed;
  }

  /**
   * Marks a task as done.
   *
   * @param id the task's identifier
   * @return the task, status DONE
   */
  @Tool
  public Task complete(UUID id) {
    Task done = find(id).withStatus(Status.DONE);
    tasks.put(id, done);
    saved();
    return done;
  }

  /**
   * Deletes a task for good. A person must approve each deletion.
   *
   * @param id the task's identifier
   * @return the deleted task
   */
  @Tool(requiresApproval = true)
  public Task remove(@Param(description = "the identifier of the task to delete") UUID id) {
    Task task = find(id);
    tasks.remove(id);
    saved();
    return task;
  }

  /** Undoes {@link #remove}: puts the deleted task back. */
  @Revert("remove")
  public void restore(Task result) {
    tasks.put(result.id(), result);
    saved();
  }

  /**
   * Counts tasks by status.
   *
   * @return the number of tasks in each status
   */
  @Tool
  public Map<Status, Integer> summary() {
    Map<Status, Integer> counts = new java.util.EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, 0);
    }
    tasks.values().forEach(task -> counts.merge(task.status(), 1, Integer::sum));
    return counts;
  }

  private Task find(UUID id) {
    Task task = tasks.get(id);
    if (task == null) {
      throw new NoSuchElementException("There is no task with id " + id);
    }
    return task;
  }
}
