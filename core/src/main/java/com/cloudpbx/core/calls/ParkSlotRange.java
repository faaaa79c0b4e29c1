package com.cloudpbx.core.calls;

import com.cloudpbx.core.shared.DomainException;

/** The park slots of every tenant: a numbered range, 701-750 unless configured otherwise. */
public record ParkSlotRange(int first, int last) {

    public ParkSlotRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("park slots need 1 <= first <= last");
        }
    }

    public boolean contains(String slot) {
        if (slot == null || !slot.matches("^[1-9]\\d{0,7}$")) {
            return false;
        }
        long value = Long.parseLong(slot);
        return value >= first && value <= last;
    }

    public String require(String slot, String field) {
        if (!contains(slot)) {
            throw DomainException.invalid(field, "must be a park slot between " + first + " and " + last);
        }
        return slot;
    }
}
