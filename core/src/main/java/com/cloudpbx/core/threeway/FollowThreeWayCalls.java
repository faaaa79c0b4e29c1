package com.cloudpbx.core.threeway;

import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.threeway.port.ThreeWaySessionStore;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Moves three-way sessions on as their legs report in: the added participant answering or
 * failing, anybody hanging up, members joining and leaving the conference. Listens after
 * {@code TrackCalls}, so live state already reflects the event; what the machine calls for is
 * sent right away.
 * <p>Finding a leg's session reads the session store (the database), so it runs on
 * {@code ordered}, never on the thread that delivers the media server's events: that thread must
 * keep up with every live call however slow the database is. {@code ordered} must run one task at
 * a time, in order, so a session sees its legs' events in the order the switch sent them.
 */
public final class FollowThreeWayCalls implements Consumer<MediaEvent> {

    private final ThreeWaySessionStore store;
    private final ThreeWaySessions sessions;
    private final ThreeWayCommandSender sender;
    private final Executor ordered;

    public FollowThreeWayCalls(LegControl media, ConferenceControl conferencing, ConferenceRooms rooms,
                               ThreeWayMachine machine, ThreeWaySessionStore store, Executor ordered) {
        this.store = store;
        this.ordered = ordered;
        this.sessions = new ThreeWaySessions(machine, store);
        this.sender = new ThreeWayCommandSender(media, conferencing, rooms);
    }

    @Override
    public void accept(MediaEvent event) {
        input(event).ifPresent(input -> ordered.execute(() -> follow(input)));
    }

    private void follow(ThreeWayInput.Event input) {
        sessions.apply(() -> store.findByLegInAnyTenant(input.leg()), input)
                .ifPresent(applied -> sender.sendAfterEvent(applied.after().tenant(), applied.transition().commands()));
    }

    private static Optional<ThreeWayInput.Event> input(MediaEvent event) {
        return Optional.ofNullable(switch (event) {
            case MediaEvent.ChannelAnswered answered -> new ThreeWayInput.Answered(answered.uuid());
            case MediaEvent.ChannelHungUp hungUp -> new ThreeWayInput.HungUp(hungUp.uuid());
            case MediaEvent.ConferenceMemberJoined joined ->
                    new ThreeWayInput.MemberJoined(joined.uuid(), joined.memberId());
            case MediaEvent.ConferenceMemberLeft left -> new ThreeWayInput.MemberLeft(left.uuid());
            default -> null;
        });
    }
}
