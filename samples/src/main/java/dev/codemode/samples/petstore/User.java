package dev.codemode.samples.petstore;

import org.jspecify.annotations.Nullable;

/** The spec's {@code User} schema. The server never sends a password back. */
public record User(
    @Nullable Long id,
    @Nullable String username,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    @Nullable String password,
    @Nullable String phone,
    @Nullable Integer userStatus) {

  /** This user with another id. */
  User withId(long newId) {
    return new User(newId, username, firstName, lastName, email, password, phone, userStatus);
  }

  /** This user as sent to clients: without the password. */
  User withoutPassword() {
    return new User(id, username, firstName, lastName, email, null, phone, userStatus);
  }
}
