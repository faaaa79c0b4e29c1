package com.cloudpbx.storage.postgres.threeway;

import com.cloudpbx.core.threeway.ThreeWayState;
import com.cloudpbx.core.threeway.ThreeWayState.ConsultAnswered;
import com.cloudpbx.core.threeway.ThreeWayState.Consulting;
import com.cloudpbx.core.threeway.ThreeWayState.Ended;
import com.cloudpbx.core.threeway.ThreeWayState.Merged;
import com.cloudpbx.core.threeway.ThreeWayState.Private;
import com.cloudpbx.core.threeway.ThreeWayState.StateName;
import com.cloudpbx.core.threeway.ThreeWayState.TwoParty;
import com.cloudpbx.storage.postgres.Enums;
import java.util.List;
import java.util.UUID;

/**
 * A state as the five columns that hold it: its name, its parties in the order its record names
 * them, its conference and its guests. Columns a state has no use for are null (guests: empty),
 * as the table's CHECKs want.
 */
record StateColumns(String name, UUID firstParty, UUID secondParty, String conference, UUID[] guests) {

    StateColumns(String name, UUID firstParty, UUID secondParty, String conference) {
        this(name, firstParty, secondParty, conference, new UUID[0]);
    }

    static StateColumns of(ThreeWayState state) {
        String name = Enums.column(state.name());
        return switch (state) {
            case TwoParty s -> new StateColumns(name, s.a(), null, null);
            case Consulting s -> new StateColumns(name, s.a(), s.b(), null);
            case ConsultAnswered s -> new StateColumns(name, s.a(), s.b(), null);
            case Merged s -> new StateColumns(name, s.a(), s.b(), s.conference(), s.guests().toArray(UUID[]::new));
            case Private s -> new StateColumns(name, s.kept(), s.held(), s.conference());
            case Ended ignored -> throw new IllegalArgumentException(
                    "An ended three-way session is removed, not stored");
        };
    }

    ThreeWayState state() {
        return switch (Enums.fromColumn(StateName.class, name)) {
            case TWO_PARTY -> new TwoParty(firstParty);
            case CONSULTING -> new Consulting(firstParty, secondParty);
            case CONSULT_ANSWERED -> new ConsultAnswered(firstParty, secondParty);
            case MERGED -> new Merged(firstParty, secondParty, conference, List.of(guests));
            case PRIVATE -> new Private(firstParty, secondParty, conference);
            case ENDED -> throw new IllegalStateException("The table's CHECK admits no ended session");
        };
    }
}
