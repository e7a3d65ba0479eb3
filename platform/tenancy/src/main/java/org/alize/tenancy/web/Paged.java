package org.alize.tenancy.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** One page of a list, as every list endpoint of the platform answers. */
public record Paged<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    /** The largest page any list endpoint serves: a request's work stays bounded whatever the history. */
    public static final int MAX_SIZE = 200;
    /** The furthest page number a request may ask for (2 million items at the largest size). */
    public static final int MAX_PAGE = 10_000;

    public <V> Paged<V> map(Function<T, V> view) {
        return new Paged<>(items.stream().map(view).toList(), page, size, totalItems, totalPages);
    }

    public static <S, T> Paged<T> of(List<S> items, int page, int size, long total, Function<S, T> view) {
        return new Paged<>(items.stream().map(view).toList(), page, size, total, (total + size - 1) / size);
    }

    /** One page of what {@code query} finds (in its sort order), read as one page from the database, not the whole list. */
    public static <S, T> Paged<T> query(MongoTemplate mongo, Query query, Class<S> type, int page, int size,
            Function<S, T> view) {
        long total = mongo.count(Query.of(query).limit(0).skip(0), type);
        List<S> items = mongo.find(Query.of(query).skip((long) page * size).limit(size), type);
        return of(items, page, size, total, view);
    }
}
