package dev.codemode.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/**
 * Problems found while validating one connector, held back until the connector is known not to be
 * deferred to a later round, then reported together; or one problem of the processor's own work
 * ({@link #singleError}), reported at once. Every problem names an element, and where it helps the
 * annotation and the attribute, so the compiler points at the offending source. This is the only
 * class of the processor that prints to the {@link Messager}.
 */
final class Diagnostics {

  private record Entry(
      Diagnostic.Kind kind,
      String message,
      Element element,
      @Nullable AnnotationMirror annotation,
      @Nullable AnnotationValue value) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Diagnostics holding one error, to report at once. */
  static Diagnostics singleError(Element element, String message) {
    Diagnostics diagnostics = new Diagnostics();
    diagnostics.error(element, message);
    return diagnostics;
  }

  void error(Element element, String message) {
    entries.add(new Entry(Diagnostic.Kind.ERROR, message, element, null, null));
  }

  void error(
      Element element,
      @Nullable AnnotationMirror annotation,
      @Nullable AnnotationValue value,
      String message) {
    entries.add(new Entry(Diagnostic.Kind.ERROR, message, element, annotation, value));
  }

  void warning(Element element, String message) {
    entries.add(new Entry(Diagnostic.Kind.WARNING, message, element, null, null));
  }

  boolean hasErrors() {
    return entries.stream().anyMatch(entry -> entry.kind() == Diagnostic.Kind.ERROR);
  }

  /** Prints everything collected, in the order found. */
  void reportTo(Messager messager) {
    for (Entry entry : entries) {
      if (entry.value() != null) {
        messager.printMessage(
            entry.kind(), entry.message(), entry.element(), entry.annotation(), entry.value());
      } else if (entry.annotation() != null) {
        messager.printMessage(entry.kind(), entry.message(), entry.element(), entry.annotation());
      } else {
        messager.printMessage(entry.kind(), entry.message(), entry.element());
      }
    }
    entries.clear();
  }
}
