package com.cloudpbx.core.shared;

/** A 1-based page of a list; limit defaults to 50 and is capped at 500. */
public record PageRequest(int page, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (page < 1) {
            throw DomainException.invalid("page", "must be 1 or more");
        }
        if (limit < 1) {
            throw DomainException.invalid("limit", "must be 1 or more");
        }
        limit = Math.min(limit, MAX_LIMIT);
    }

    public static PageRequest of(Integer page, Integer limit) {
        return new PageRequest(page == null ? 1 : page, limit == null ? DEFAULT_LIMIT : limit);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
