package dev.codemode.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * JSON numbers in the notation and words of the model code that sent them: {@code 1e+300} as
 * JavaScript writes it (Java writes {@code 1.0E300}), and why a number does not fit a Java integer
 * type, with the range that does.
 */
public final class JsonNumbers {

  private JsonNumbers() {}

  /**
   * The text of a number node as JavaScript's {@code String(number)} writes it: {@code 12}, {@code
   * 1.5}, {@code 0.000001}, {@code 1e-7}, {@code 1e+300}. An integer beyond a double's range (a
   * {@code BigInteger} node) keeps all its digits; anything but a number is its JSON text.
   */
  public static String text(JsonNode number) {
    if (!number.isNumber()) {
      return number.toString();
    }
    if (number.isIntegralNumber()) {
      return number.bigIntegerValue().toString();
    }
    if (number.isDouble() || number.isFloat()) {
      double value = number.doubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
      }
      // Double.toString's digits are the shortest that read back as the same double, as in JavaScript.
      return javaScript(new BigDecimal(
          number.isFloat() ? Float.toString(number.floatValue()) : Double.toString(value)));
    }
    return javaScript(number.decimalValue());
  }

  /** ECMAScript's Number::toString layout of {@code value}'s significant digits. */
  private static String javaScript(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    String digits = stripped.unscaledValue().abs().toString();
    int k = digits.length();
    // value = 0.digits × 10^n
    int n = k - stripped.scale();
    String sign = stripped.signum() < 0 ? "-" : "";
    if (k <= n && n <= 21) {
      return sign + digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return sign + digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return sign + "0." + "0".repeat(-n) + digits;
    }
    int exponent = n - 1;
    String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
  }

  /**
   * Why {@code value} does not fit {@code type} when {@code type} is a Java integer type ({@code
   * int}, {@code long}, {@code short}, {@code byte}, their boxes, or {@code BigInteger}) and {@code
   * value} is a number that is not a whole number in its range: {@code 1e+300 is not a whole number
   * between -2,147,483,648 and 2,147,483,647}. Null when it fits, when {@code value} is not a
   * number, or when {@code type} is not an integer type.
   */
  public static @Nullable String integerProblem(JsonNode value, @Nullable Class<?> type) {
    if (type == null || !value.isNumber()) {
      return null;
    }
    long min;
    long max;
    if (type == int.class || type == Integer.class) {
      min = Integer.MIN_VALUE;
      max = Integer.MAX_VALUE;
    } else if (type == long.class || type == Long.class) {
      min = Long.MIN_VALUE;
      max = Long.MAX_VALUE;
    } else if (type == short.class || type == Short.class) {
      min = Short.MIN_VALUE;
      max = Short.MAX_VALUE;
    } else if (type == byte.class || type == Byte.class) {
      min = Byte.MIN_VALUE;
      max = Byte.MAX_VALUE;
    } else if (type == BigInteger.class) {
      return isWhole(value) ? null : text(value) + " is not a whole number";
    } else {
      return null;
    }
    if (isWhole(value) && fits(value, min, max)) {
      return null;
    }
    return String.format(Locale.ROOT, "%s is not a whole number between %,d and %,d", text(value), min, max);
  }

  private static boolean isWhole(JsonNode number) {
    if (number.isIntegralNumber()) {
      return true;
    }
    if (number.isDouble() || number.isFloat()) {
      double value = number.doubleValue();
      return !Double.isInfinite(value) && value == Math.rint(value);
    }
    return number.decimalValue().stripTrailingZeros().scale() <= 0;
  }

  private static boolean fits(JsonNode number, long min, long max) {
    BigDecimal value = number.isIntegralNumber() ? new BigDecimal(number.bigIntegerValue()) : number.decimalValue();
    return value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
  }
}
