package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.ConferenceControl;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Waits, briefly, for the switch to list legs as members of a room: a leg joins a moment after
 * the command that sent it there, and its member id is known only then.
 */
public final class ConferenceMembers {

    private static final Duration POLL = Duration.ofMillis(20);

    private final ConferenceControl media;
    private final Duration wait;

    public ConferenceMembers(ConferenceControl media, Duration wait) {
        this.media = media;
        this.wait = Objects.requireNonNull(wait, "wait");
    }

    /** The room once every leg is a member of it, or as it is when the wait is over (empty: no such room). */
    public Optional<ConferenceSnapshot> await(String room, Collection<UUID> legs) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<ConferenceSnapshot> snapshot = media.conferences().stream()
                    .filter(c -> c.room().equals(room)).findFirst();
            boolean complete = snapshot.map(s -> legs.stream().allMatch(leg -> s.member(leg).isPresent()))
                    .orElse(false);
            if (complete || System.nanoTime() >= deadline) {
                return snapshot;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return snapshot;
            }
        }
    }
}
