package dev.codemode.samples.petstore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The server's data: pets, orders and users in memory. Every method holds the store's lock, so a
 * read never sees half an update and ids are never handed out twice; the values are immutable
 * records, safe to use after the lock is released.
 */
final class PetstoreStore {

  private final Object lock = new Object();
  private final TreeMap<Long, Pet> pets = new TreeMap<>();
  private final TreeMap<Long, Order> orders = new TreeMap<>();
  private final Map<String, User> users = new LinkedHashMap<>();
  private long nextPetId = 1;
  private long nextOrderId = 1;
  private long nextUserId = 1;

  /**
   * A store with six pets (every status, four categories, shared tags), the user {@code user1}
   * (password {@code secret}) and no orders.
   */
  static PetstoreStore seeded() {
    PetstoreStore store = new PetstoreStore();
    Category dogs = new Category(1L, "Dogs");
    Category cats = new Category(2L, "Cats");
    Category birds = new Category(3L, "Birds");
    Category fish = new Category(4L, "Fish");
    Tag friendly = new Tag(1L, "friendly");
    Tag large = new Tag(2L, "large");
    Tag small = new Tag(3L, "small");
    Tag puppy = new Tag(4L, "puppy");
    store.addPet(pet(dogs, "Rex", "available", friendly, large));
    store.addPet(pet(cats, "Whiskers", "available", friendly));
    store.addPet(pet(birds, "Tweety", "pending", small));
    store.addPet(pet(fish, "Nemo", "sold", small));
    store.addPet(pet(dogs, "Bella", "available", puppy, friendly));
    store.addPet(pet(cats, "Shadow", "pending"));
    store.addUser(new User(null, "user1", "Ada", "Lovelace", "ada@example.com", "secret", "555-0100", 1));
    return store;
  }

  private static Pet pet(Category category, String name, String status, Tag... tags) {
    String photo = "https://example.com/photos/" + name.toLowerCase(Locale.ROOT) + ".jpg";
    return new Pet(null, category, name, List.of(photo), List.of(tags), status);
  }

  /** Stores a pet under a new id, whatever id it carries, and returns it as stored. */
  Pet addPet(Pet pet) {
    synchronized (lock) {
      Pet stored = pet.withId(nextPetId++);
      pets.put(stored.id(), stored);
      return stored;
    }
  }

  /** Replaces the pet with the same id; empty when there is none. */
  Optional<Pet> replacePet(Pet pet) {
    synchronized (lock) {
      if (pet.id() == null || !pets.containsKey(pet.id())) {
        return Optional.empty();
      }
      pets.put(pet.id(), pet);
      return Optional.of(pet);
    }
  }

  /** Sets the name and status of a pet, each only when given; empty when there is no such pet. */
  Optional<Pet> updatePet(long id, @Nullable String name, @Nullable String status) {
    synchronized (lock) {
      Pet pet = pets.get(id);
      if (pet == null) {
        return Optional.empty();
      }
      Pet updated =
          pet.withNameAndStatus(name == null ? pet.name() : name, status == null ? pet.status() : status);
      pets.put(id, updated);
      return Optional.of(updated);
    }
  }

  Optional<Pet> pet(long id) {
    synchronized (lock) {
      return Optional.ofNullable(pets.get(id));
    }
  }

  /** Removes a pet; empty when there was none. */
  Optional<Pet> removePet(long id) {
    synchronized (lock) {
      return Optional.ofNullable(pets.remove(id));
    }
  }

  /** The pets whose status is one of {@code statuses}, by id. */
  List<Pet> petsWithStatus(Set<String> statuses) {
    return petsWhere(pet -> statuses.contains(pet.status()));
  }

  /** The pets with at least one of the tags named in {@code tagNames}, by id. */
  List<Pet> petsWithAnyTag(Set<String> tagNames) {
    return petsWhere(pet -> pet.hasAnyTag(tagNames));
  }

  private List<Pet> petsWhere(Predicate<Pet> test) {
    synchronized (lock) {
      return pets.values().stream().filter(test).toList();
    }
  }

  /** How many pets have each status: every status of the spec, zero included; others after them. */
  Map<String, Integer> inventory() {
    synchronized (lock) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      Pet.STATUSES.forEach(status -> counts.put(status, 0));
      for (Pet pet : pets.values()) {
        if (pet.status() != null) {
          counts.merge(pet.status(), 1, Integer::sum);
        }
      }
      return counts;
    }
  }

  /** Stores an order under a new id, with the spec's defaults for what it leaves out. */
  Order placeOrder(Order order) {
    synchronized (lock) {
      Order stored = order.placed(nextOrderId++);
      orders.put(stored.id(), stored);
      return stored;
    }
  }

  Optional<Order> order(long id) {
    synchronized (lock) {
      return Optional.ofNullable(orders.get(id));
    }
  }

  Optional<Order> removeOrder(long id) {
    synchronized (lock) {
      return Optional.ofNullable(orders.remove(id));
    }
  }

  /** Stores a user under a new id; false (and nothing stored) when the username is taken. */
  boolean addUser(User user) {
    synchronized (lock) {
      if (users.containsKey(user.username())) {
        return false;
      }
      users.put(user.username(), user.withId(nextUserId++));
      return true;
    }
  }

  /** Stores several users, all or none: the usernames that are taken, if any (then none stored). */
  List<String> addUsers(List<User> newUsers) {
    synchronized (lock) {
      List<String> taken = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (User user : newUsers) {
        if (users.containsKey(user.username()) || !seen.add(user.username())) {
          taken.add(user.username());
        }
      }
      if (taken.isEmpty()) {
        newUsers.forEach(this::addUser);
      }
      return taken;
    }
  }

  Optional<User> user(String username) {
    synchronized (lock) {
      return Optional.ofNullable(users.get(username));
    }
  }

  /**
   * Replaces a user, keeping its id; the new value may rename it. Empty when there is none.
   *
   * @throws IllegalStateException if the new username belongs to another user
   */
  Optional<User> replaceUser(String username, User user) {
    synchronized (lock) {
      User old = users.get(username);
      if (old == null) {
        return Optional.empty();
      }
      String newName = Objects.requireNonNull(user.username(), "the new value's username");
      if (!newName.equals(username) && users.containsKey(newName)) {
        throw new IllegalStateException("username '" + newName + "' is taken");
      }
      users.remove(username);
      User stored = user.withId(Objects.requireNonNull(old.id(), "a stored user's id"));
      users.put(stored.username(), stored);
      return Optional.of(stored);
    }
  }

  Optional<User> removeUser(String username) {
    synchronized (lock) {
      return Optional.ofNullable(users.remove(username));
    }
  }
}
