package dev.codemode.samples.tasks;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Changes to a task; every field left out stays as it is.
 *
 * @param title a new title
 * @param notes new notes
 * @param priority a new priority
 * @param status a new status
 * @param due a new due day
 * @param tags the new set of tags, replacing the old ones
 */
public record TaskChanges(
    Optional<@Size(min = 1, max = 200) String> title,
    Optional<String> notes,
    Optional<Priority> priority,
    Optional<Status> status,
    Optional<LocalDate> due,
    Optional<List<String>> tags) {}
