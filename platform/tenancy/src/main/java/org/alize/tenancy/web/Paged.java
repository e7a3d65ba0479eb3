package org.alize.tenancy.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint of the platform answers. */
public record Paged<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public <V> Paged<V> map(Function<T, V> view) {
        return new Paged<>(items.stream().map(view).toList(), page, size, totalItems, totalPages);
    }

    public static <S, T> Paged<T> of(List<S> items, int page, int size, long total, Function<S, T> view) {
        return new Paged<>(items.stream().map(view).toList(), page, size, total, (total + size - 1) / size);
    }
}
