package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.LegControl;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link LegControl} listener that keeps every event, with waits for events that arrive
 * asynchronously. A wait that runs out fails with every event seen so far, so a broken
 * sequence explains itself.
 */
public final class RecordedMediaEvents implements Consumer<MediaEvent> {

    private static final Duration POLL = Duration.ofMillis(5);

    private final List<MediaEvent> events = new CopyOnWriteArrayList<>();
    private final Duration patience;

    public RecordedMediaEvents(Duration patience) {
        this.patience = patience;
    }

    @Override
    public void accept(MediaEvent event) {
        events.add(event);
    }

    public List<MediaEvent> all() {
        return List.copyOf(events);
    }

    /** The events about one channel, in the order they came. */
    public List<MediaEvent> of(UUID uuid) {
        return events.stream().filter(event -> event.uuid().equals(uuid)).toList();
    }

    /** The kinds of event about one channel, in order: the shape of its life. */
    public List<Class<?>> kindsOf(UUID uuid) {
        return of(uuid).stream().<Class<?>>map(Object::getClass).toList();
    }

    /** Waits for the first event of the kind about the channel. */
    public <T extends MediaEvent> T await(Class<T> kind, UUID uuid) {
        return await(kind, event -> event.uuid().equals(uuid));
    }

    /** Waits for the first event of the kind that matches. */
    public <T extends MediaEvent> T await(Class<T> kind, Predicate<? super T> matching) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<T> found = events.stream().filter(kind::isInstance).map(kind::cast).filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No " + kind.getSimpleName() + " as expected within " + patience
                        + "; events so far: " + events);
            }
            pause();
        }
    }

    /** Waits for the second leg of a call: the other channel created with the same call uuid. */
    public UUID awaitOtherLeg(UUID callUuid, UUID firstLeg) {
        return await(MediaEvent.ChannelCreated.class,
                created -> created.callUuid().equals(callUuid) && !created.uuid().equals(firstLeg)).uuid();
    }

    /** Lets a quiet period pass, to show that nothing more happens in it. */
    public void idle(Duration period) {
        try {
            Thread.sleep(period);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for media events", e);
        }
    }
}
