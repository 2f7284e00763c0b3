package dev.codemode.samples.tasks;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of results.
 *
 * @param items the results on this page
 * @param total how many results there are in all
 * @param nextOffset the offset of the next page, absent on the last page
 * @param <T> the type of the results
 */
public record Page<T>(List<T> items, int total, @Nullable Integer nextOffset) {}
