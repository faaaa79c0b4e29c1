package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.DomainException;

/** Whole-number fields of routing resources: a default when not sent, a 400 naming the range otherwise. */
final class Ranges {

    private Ranges() {
    }

    static int within(Integer value, int fallback, int min, int max, String field) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw DomainException.invalid(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** For updates: a present null is refused rather than reset, so a typo never clears a setting silently. */
    static int changed(com.cloudpbx.core.shared.Change<Integer> change, int current, int min, int max, String field) {
        if (!change.present()) {
            return current;
        }
        if (change.value() == null) {
            throw DomainException.invalid(field, "must not be null");
        }
        return within(change.value(), current, min, max, field);
    }
}
