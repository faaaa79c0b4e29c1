package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Remembers the commands it was sent, as text, and accepts them all unless told to refuse some;
 * reports the conferences it is given.
 */
public final class RecordingMediaServer implements LegControl, ConferenceControl {

    public final List<String> commands = java.util.Collections.synchronizedList(new ArrayList<>());
    public final List<Originate> originated = new ArrayList<>();
    public final List<IntercomCall> intercoms = new ArrayList<>();
    private Consumer<IntercomCall> intercomAnswers = call -> { };
    public final List<ConferenceSnapshot> conferences = new ArrayList<>();
    private final Map<String, RuntimeException> refusals = new HashMap<>();

    private boolean roomsFollowJoins;

    /** From now on a join also lists the leg as the room's next member (1, 2, ...), as a switch would. */
    public void listJoinedMembers() {
        roomsFollowJoins = true;
    }

    /** Commands whose text starts with {@code prefix} throw {@code refusal} (and are not recorded). */
    public void refuse(String prefix, RuntimeException refusal) {
        refusals.put(prefix, refusal);
    }

    @Override
    public void listen(Consumer<MediaEvent> listener) {
    }

    @Override
    public void originate(Originate command) {
        originated.add(command);
        record("originate " + command.from().value() + " " + command.to().value());
    }

    /** What a phone rung by {@link #intercom} does, e.g. report its leg answered to the live store. */
    public void onIntercom(Consumer<IntercomCall> phones) {
        intercomAnswers = phones;
    }

    @Override
    public void intercom(IntercomCall command) {
        intercoms.add(command);
        record("intercom " + command.extension().value());
        intercomAnswers.accept(command);
    }

    @Override
    public void hangup(UUID uuid) {
        record("hangup " + uuid);
    }

    @Override
    public void transfer(UUID uuid, Destination destination) {
        record("transfer " + uuid + " " + destination.value());
    }

    @Override
    public void hold(UUID uuid, boolean hold) {
        record("hold " + uuid + " " + hold);
    }

    @Override
    public void park(UUID uuid, String slot) {
        record("park " + uuid + " " + slot);
    }

    @Override
    public void bridge(UUID a, UUID b) {
        record("bridge " + a + " " + b);
    }

    @Override
    public void consult(UUID consultUuid, UUID transferorLeg, Destination target) {
        record("consult " + consultUuid + " " + transferorLeg + " " + target.value());
    }

    @Override
    public void eavesdrop(UUID spyUuid, UUID target, Destination supervisor, EavesdropMode mode) {
        record("eavesdrop " + target + " " + supervisor.value() + " " + mode);
    }

    @Override
    public void eavesdropMode(UUID spyUuid, EavesdropMode mode) {
        record("eavesdrop-mode " + spyUuid + " " + mode);
    }

    @Override
    public void joinConference(UUID uuid, String room) {
        record("join " + uuid + " " + room);
        if (roomsFollowJoins) {
            synchronized (conferences) {
                ConferenceSnapshot existing = conferences.stream().filter(c -> c.room().equals(room)).findFirst()
                        .orElse(new ConferenceSnapshot(room, false, java.time.Instant.EPOCH, List.of()));
                List<ConferenceSnapshot.Member> members = new ArrayList<>(existing.members());
                members.add(new ConferenceSnapshot.Member(String.valueOf(members.size() + 1), uuid, null, null, false));
                conferences.remove(existing);
                conferences.add(new ConferenceSnapshot(room, false, existing.startedAt(), members));
            }
        }
    }

    @Override
    public void kick(String room, String memberId) {
        record("kick " + room + " " + memberId);
    }

    @Override
    public void mute(String room, String memberId, boolean mute) {
        record("mute " + room + " " + memberId + " " + mute);
    }

    @Override
    public void lock(String room, boolean locked) {
        record("lock " + room + " " + locked);
    }

    @Override
    public void holdMember(String room, String memberId, boolean hold) {
        record("holdMember " + room + " " + memberId + " " + hold);
    }

    private void record(String command) {
        for (Map.Entry<String, RuntimeException> refusal : refusals.entrySet()) {
            if (command.startsWith(refusal.getKey())) {
                throw refusal.getValue();
            }
        }
        commands.add(command);
    }

    @Override
    public List<ConferenceSnapshot> conferences() {
        synchronized (conferences) {
            return List.copyOf(conferences);
        }
    }

    @Override
    public List<LiveChannel> channels() {
        return List.of();
    }
}
