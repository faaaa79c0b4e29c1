package com.cloudpbx.core.shared;

import java.util.function.Function;

/**
 * One field of a partial update: absent (leave as is) or present with a value, which may be
 * null where the field can be cleared.
 */
public record Change<T>(boolean present, T value) {

    private static final Change<?> ABSENT = new Change<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Change<T> absent() {
        return (Change<T>) ABSENT;
    }

    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }

    public T orElse(T current) {
        return present ? value : current;
    }

    public <R> Change<R> map(Function<T, R> mapper) {
        return present ? new Change<>(true, value == null ? null : mapper.apply(value)) : absent();
    }
}
