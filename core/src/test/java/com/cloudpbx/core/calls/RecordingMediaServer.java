package com.cloudpbx.core.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Remembers the commands it was sent, as text, and accepts them all; reports the conferences it is given. */
final class RecordingMediaServer implements MediaServer {

    final List<String> commands = new ArrayList<>();
    final List<Originate> originated = new ArrayList<>();
    final List<ConferenceSnapshot> conferences = new ArrayList<>();

    @Override
    public void listen(Consumer<MediaEvent> listener) {
    }

    @Override
    public void originate(Originate command) {
        originated.add(command);
        commands.add("originate " + command.from().value() + " " + command.to().value());
    }

    @Override
    public void hangup(UUID uuid) {
        commands.add("hangup " + uuid);
    }

    @Override
    public void transfer(UUID uuid, Destination destination) {
        commands.add("transfer " + uuid + " " + destination.value());
    }

    @Override
    public void hold(UUID uuid, boolean hold) {
        commands.add("hold " + uuid + " " + hold);
    }

    @Override
    public void park(UUID uuid, String slot) {
        commands.add("park " + uuid + " " + slot);
    }

    @Override
    public void bridge(UUID a, UUID b) {
        commands.add("bridge " + a + " " + b);
    }

    @Override
    public void consult(UUID consultUuid, UUID transferorLeg, Destination target) {
        commands.add("consult " + consultUuid + " " + transferorLeg + " " + target.value());
    }

    @Override
    public void eavesdrop(UUID spyUuid, UUID target, Destination supervisor, EavesdropMode mode) {
        commands.add("eavesdrop " + target + " " + supervisor.value() + " " + mode);
    }

    @Override
    public void eavesdropMode(UUID spyUuid, EavesdropMode mode) {
        commands.add("eavesdrop-mode " + spyUuid + " " + mode);
    }

    @Override
    public void joinConference(UUID uuid, String room) {
        commands.add("join " + uuid + " " + room);
    }

    @Override
    public void kick(String room, String memberId) {
        commands.add("kick " + room + " " + memberId);
    }

    @Override
    public void mute(String room, String memberId, boolean mute) {
        commands.add("mute " + room + " " + memberId + " " + mute);
    }

    @Override
    public void lock(String room, boolean locked) {
        commands.add("lock " + room + " " + locked);
    }

    @Override
    public void holdMember(String room, String memberId, boolean hold) {
        commands.add("holdMember " + room + " " + memberId + " " + hold);
    }

    @Override
    public List<ConferenceSnapshot> conferences() {
        return List.copyOf(conferences);
    }

    @Override
    public List<LiveChannel> channels() {
        return List.of();
    }
}
