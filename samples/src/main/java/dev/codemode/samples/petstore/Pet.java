package dev.codemode.samples.petstore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The spec's {@code Pet} schema. {@code name} and {@code photoUrls} are required; {@code status}
 * is one of {@link #STATUSES} when present.
 */
public record Pet(
    @Nullable Long id,
    @Nullable Category category,
    @Nullable String name,
    @Nullable List<String> photoUrls,
    @Nullable List<Tag> tags,
    @Nullable String status) {

  /** The values the spec allows for {@code status}, in the spec's order. */
  public static final List<String> STATUSES = List.of("available", "pending", "sold");

  private static final Set<String> STATUS_SET = Set.copyOf(STATUSES);

  /**
   * Copies the lists, so that a stored pet cannot change under its readers. Null elements are
   * kept, for the server to refuse with a clear message.
   */
  public Pet {
    photoUrls = photoUrls == null ? null : Collections.unmodifiableList(new ArrayList<>(photoUrls));
    tags = tags == null ? null : Collections.unmodifiableList(new ArrayList<>(tags));
  }

  /** Whether {@code status} is one of {@link #STATUSES}. */
  public static boolean isStatus(@Nullable String status) {
    return status != null && STATUS_SET.contains(status);
  }

  /** This pet with another id. */
  public Pet withId(long newId) {
    return new Pet(newId, category, name, photoUrls, tags, status);
  }

  /** This pet with another name and status, the two fields of the form update. */
  public Pet withNameAndStatus(@Nullable String newName, @Nullable String newStatus) {
    return new Pet(id, category, newName, photoUrls, tags, newStatus);
  }

  /** Whether one of this pet's tags has one of the given names. */
  public boolean hasAnyTag(Set<String> names) {
    return tags != null && tags.stream().anyMatch(tag -> tag != null && names.contains(tag.name()));
  }
}
