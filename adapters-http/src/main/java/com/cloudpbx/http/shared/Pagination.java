package com.cloudpbx.http.shared;

import com.cloudpbx.core.shared.Page;
import io.micronaut.serde.annotation.Serdeable;

/** {@code pagination: {page, limit, total, pages}} of paginated lists. */
@Serdeable
public record Pagination(int page, int limit, long total, int pages) {

    public static Pagination of(Page<?> page) {
        return new Pagination(page.request().page(), page.request().limit(), page.total(), page.pages());
    }
}
