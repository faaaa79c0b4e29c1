package com.cloudpbx.core.threeway;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.threeway.port.ThreeWaySessionStore;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs inputs through the machine against the stored session: reads it, works out the
 * transition, and stores the result only if nobody changed the session meanwhile; otherwise it
 * starts over from the newer version. So two merges at once cannot both move the same session on:
 * the second one sees the first one's result and is refused.
 */
final class ThreeWaySessions {

    private static final int ATTEMPTS = 8;

    private final ThreeWayMachine machine;
    private final ThreeWaySessionStore store;

    ThreeWaySessions(ThreeWayMachine machine, ThreeWaySessionStore store) {
        this.machine = machine;
        this.store = store;
    }

    /** A stored transition: the session before and after, and the commands it calls for. */
    record Applied(ThreeWaySession before, ThreeWayTransition.Accepted transition) {

        ThreeWaySession after() {
            return transition.session();
        }
    }

    /**
     * Applies the input to the session {@code current} reads (empty: nothing to do). A refusal
     * is thrown as a 400 carrying the machine's code and sentence.
     */
    Optional<Applied> apply(Supplier<Optional<ThreeWaySession>> current, ThreeWayInput input) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ThreeWaySession> before = current.get();
            if (before.isEmpty()) {
                return Optional.empty();
            }
            switch (machine.apply(before.get(), input)) {
                case ThreeWayTransition.Refused refused ->
                        throw DomainException.badRequest(refused.code(), refused.message());
                case ThreeWayTransition.Accepted accepted -> {
                    if (store(before.get(), accepted.session())) {
                        return Optional.of(new Applied(before.get(), accepted));
                    }
                }
            }
        }
        throw DomainException.conflict("CONCURRENT_CHANGE",
                "The three-way call kept changing while this request was handled; try again");
    }

    /**
     * Puts the session back as it was before {@code applied}, when the switch refused its
     * commands, unless it has moved on since.
     */
    void undo(Applied applied) {
        ThreeWaySession after = applied.after();
        if (applied.before().version() == 0) {
            store.remove(after, after.version());
            return;
        }
        ThreeWaySession before = applied.before();
        store.save(new ThreeWaySession(before.tenant(), before.moderator(), before.state(), before.members(),
                before.ended(), after.version() + 1), after.version());
    }

    private boolean store(ThreeWaySession before, ThreeWaySession after) {
        if (after == before) {
            return true;
        }
        if (after.state() instanceof ThreeWayState.Ended) {
            return before.version() == 0 || store.remove(after, before.version());
        }
        return store.save(after, before.version());
    }
}
