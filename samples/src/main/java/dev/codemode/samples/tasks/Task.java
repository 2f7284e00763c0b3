package dev.codemode.samples.tasks;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A task in the user's list.
 *
 * @param id the task's identifier
 * @param title what has to be done, in a few words
 * @param notes longer notes, absent when there are none
 * @param priority how urgent it is
 * @param status where it stands
 * @param due the day it is due, absent when it has no deadline
 * @param tags labels for grouping, lower-case
 * @param created when the task was created
 */
public record Task(
    UUID id,
    String title,
    @Nullable String notes,
    Priority priority,
    Status status,
    @Nullable LocalDate due,
    List<String> tags,
    Instant created) {

  /** This task with the given changes; tags are normalized like new ones. */
  Task with(TaskChanges changes) {
    return new Task(
        id,
        changes.title().orElse(title),
        changes.notes().orElse(notes),
        changes.priority().orElse(priority),
        changes.status().orElse(status),
        changes.due().orElse(due),
        changes.tags().map(Task::normalizeTags).orElse(tags),
        created);
  }

  /** This task with another status. */
  Task withStatus(Status newStatus) {
    return new Task(id, title, notes, priority, newStatus, due, tags, created);
  }

  /** Tags trimmed, lower-case and without repeats; none for {@code null}. */
  static List<String> normalizeTags(@Nullable List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    return tags.stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT)).distinct().toList();
  }
}
