package com.cloudpbx.core.shared;

import java.util.List;
import java.util.function.Function;

/** One page of results and the size of the whole list. */
public record Page<T>(List<T> items, PageRequest request, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) ((total + request.limit() - 1) / request.limit());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), request, total);
    }
}
