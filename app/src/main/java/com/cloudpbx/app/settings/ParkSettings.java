package com.cloudpbx.app.settings;

import com.cloudpbx.core.calls.ParkSlotRange;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Pattern;

/** @param slots the park slots of every tenant, a range such as 701-750 ({@code voip.park.slots}) */
@Context
@ConfigurationProperties("voip.park")
public record ParkSettings(
        @Bindable(defaultValue = "701-750")
        @Pattern(regexp = "\\s*\\d{1,9}\\s*-\\s*\\d{1,9}\\s*", message = "VOIP_PARK_SLOTS must be a range such as 701-750")
        String slots) {

    public ParkSlotRange parkSlots() {
        String[] bounds = slots.split("-");
        return new ParkSlotRange(Integer.parseInt(bounds[0].strip()), Integer.parseInt(bounds[1].strip()));
    }
}
