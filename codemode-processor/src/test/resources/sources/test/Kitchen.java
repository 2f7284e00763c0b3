package test;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.codemode.annotations.Connector;
import dev.codemode.annotations.Param;
import dev.codemode.annotations.Revert;
import dev.codemode.annotations.Tool;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;

/**
 * Every Java type the processor maps, for the schema tests. Each tool returns what it received, so
 * the same types are checked as inputs and as outputs.
 */
@Connector
public class Kitchen {

  /** Marks a value that may be absent. */
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
  @java.lang.annotation.Target({
    java.lang.annotation.ElementType.PARAMETER,
    java.lang.annotation.ElementType.METHOD,
    java.lang.annotation.ElementType.FIELD,
    java.lang.annotation.ElementType.RECORD_COMPONENT
  })
  public @interface Nullable {}

  /**
   * Scalars.
   *
   * @param flag a primitive boolean
   * @param boxed a boxed boolean
   * @param letter one character
   */
  public record Scalars(
      boolean flag,
      Boolean boxed,
      byte tiny,
      short small,
      int count,
      long big,
      float ratio,
      double amount,
      char letter,
      String text,
      BigDecimal price,
      BigInteger huge) {}

  /** Dates, times and zones. */
  public record Times(
      Instant instant,
      OffsetDateTime offsetDateTime,
      ZonedDateTime zonedDateTime,
      LocalDate date,
      LocalDateTime localDateTime,
      LocalTime localTime,
      OffsetTime offsetTime,
      Duration duration,
      Period period,
      Year year,
      YearMonth yearMonth,
      MonthDay monthDay,
      ZoneId zone,
      DayOfWeek day) {}

  /** Identifiers, bytes and free-form values. */
  public record Misc(UUID id, URI link, byte[] bytes, JsonNode anything, Object whatever) {}

  /** Collections and maps. */
  public record Containers(
      List<String> list,
      Set<Integer> set,
      Collection<Double> collection,
      String[] array,
      int[] numbers,
      Map<String, Long> byName,
      Map<Priority, String> byPriority,
      Map<Integer, String> byNumber,
      List<Optional<String>> gaps,
      List<List<Integer>> grid) {}

  /** How urgent something is. */
  public enum Priority {
    LOW,
    HIGH
  }

  /** Renamed constants. */
  public enum Level {
    @JsonProperty("lo")
    LOW,
    @JsonProperty("hi")
    HIGH
  }

  /** Numeric values through {@code @JsonValue}. */
  public enum Code {
    OK(200),
    MISSING(404),
    NEGATIVE(-1);

    private final int value;

    Code(int value) {
      this.value = value;
    }

    @JsonValue
    public int value() {
      return value;
    }
  }

  /** Enums of three kinds. */
  public record Enums(Priority priority, Level level, Code code) {}

  /**
   * One page of results.
   *
   * @param items the results on this page
   * @param next where the next page starts, absent on the last page
   * @param <T> the result type
   */
  public record Page<T>(List<T> items, @Nullable String next) {}

  /**
   * A tree node.
   *
   * @param name the node's name
   * @param children nodes below it
   */
  public record Node(String name, List<Node> children) {}

  /** A shape, told apart by {@code kind}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({@JsonSubTypes.Type(Circle.class), @JsonSubTypes.Type(value = Square.class, name = "square")})
  public sealed interface Shape permits Circle, Square {}

  /** A circle. */
  @JsonTypeName("circle")
  public record Circle(double radius) implements Shape {}

  /** A square. */
  public record Square(double side) implements Shape {}

  /** A classic bean with a getter, a setter, an is-getter and an ignored property. */
  public static class Profile {
    private String name;
    private boolean active;
    /** The e-mail address of the person. */
    private String email;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public boolean isActive() {
      return active;
    }

    public void setActive(boolean active) {
      this.active = active;
    }

    @JsonProperty("mail")
    public String getEmail() {
      return email;
    }

    @JsonProperty("mail")
    public void setEmail(String email) {
      this.email = email;
    }

    @JsonIgnore
    public String getSecret() {
      return "hidden";
    }
  }

  /** Checked input. */
  public record Signup(
      @NotNull @Size(min = 1, max = 80) String title,
      @Min(1) @Max(5) int stars,
      @Pattern(regexp = "[a-z]+") String slug,
      @Email String email,
      @Size(max = 3) List<String> tags,
      @NotBlank String text,
      @Positive int count,
      @DecimalMin("0.5") double ratio,
      @Nullable String note,
      Optional<String> nickname,
      OptionalInt age) {}

  /** Echoes scalars. */
  @Tool
  public Scalars scalars(Scalars value) {
    return value;
  }

  /** Echoes dates and times. */
  @Tool
  public Times times(Times value) {
    return value;
  }

  /** Echoes identifiers and free-form values. */
  @Tool
  public Misc misc(Misc value) {
    return value;
  }

  /** Echoes collections. */
  @Tool
  public Containers containers(Containers value) {
    return value;
  }

  /** Echoes enums. */
  @Tool
  public Enums enums(Enums value) {
    return value;
  }

  /**
   * Wraps names in a tree.
   *
   * @param names one child per name
   * @return the root with the names as children
   */
  @Tool
  public Page<Node> generics(Page<String> names) {
    List<Node> children = new ArrayList<>();
    for (String name : names.items()) {
      children.add(new Node(name, List.of()));
    }
    return new Page<>(List.of(new Node("root", children)), names.next());
  }

  /** Echoes a shape. */
  @Tool
  public Shape shapes(Shape shape) {
    return shape;
  }

  /** Echoes a bean. */
  @Tool
  public Profile beans(Profile profile) {
    return profile;
  }

  /** Echoes checked input. */
  @Tool
  public Signup validated(Signup signup) {
    return signup;
  }

  /**
   * Direct parameters: required, optional and renamed.
   *
   * @param query what to look for
   * @param limit at most this many
   * @param cursor where to continue
   */
  @Tool
  public String parameters(
      @Size(min = 2) String query,
      @Param(name = "max", description = "Upper bound on results") int limit,
      Optional<String> cursor,
      @Nullable Priority priority) {
    return query + ":" + limit + ":" + cursor.orElse("-") + ":" + priority;
  }

  /** Finishes later. */
  @Tool
  public CompletionStage<Node> later(String name) {
    return CompletableFuture.supplyAsync(() -> new Node(name, List.of()));
  }

  /** Returns nothing, later. */
  @Tool
  public CompletableFuture<Void> fire() {
    return CompletableFuture.completedFuture(null);
  }

  /** Returns nothing. */
  @Tool
  public void nothing() {}

  /** Maybe returns a value. */
  @Tool
  public Optional<String> maybe(boolean give) {
    return give ? Optional.of("given") : Optional.empty();
  }

  /** Creates a node, which {@link #forget} undoes. */
  @Tool(requiresApproval = true)
  public Node plant(String name) {
    planted.add(name);
    return new Node(name, List.of());
  }

  /** Undoes {@link #plant}. */
  @Revert("plant")
  public void forget(String name, Node result) {
    planted.remove(result.name());
  }

  /** What {@link #plant} created and {@link #forget} has not removed. */
  public final List<String> planted = new ArrayList<>();
}
