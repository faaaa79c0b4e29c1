package com.cloudpbx.http.errors;

import java.util.Optional;

/** Walks an exception's cause chain; guards against cycles, which some wrappers create. */
final class Causes {

    private static final int MAX_DEPTH = 16;

    private Causes() {
    }

    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            Throwable next = current.getCause();
            current = next == current ? null : next;
        }
        return Optional.empty();
    }
}
