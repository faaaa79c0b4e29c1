package com.cloudpbx.core.threeway;

import com.cloudpbx.core.calls.CallAccess;
import com.cloudpbx.core.calls.CallControl;
import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.ConferenceMembers;
import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.ConferenceSnapshot;
import com.cloudpbx.core.calls.Conferences;
import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.Destinations;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.ParkSlotRange;
import com.cloudpbx.core.calls.port.AttendedTransfers;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.threeway.port.ThreeWaySessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Three-way calling from the API: add a participant, merge, go private with one participant,
 * merge any two calls, and the conference and hang-up commands on a three-way call.
 * Each command is checked against the actor and the calls first, then run through the
 * {@link ThreeWayMachine}; only an accepted transition sends anything to the switch.
 */
public final class ThreeWayCalling {

    private final LegControl media;
    private final ConferenceControl conferencing;
    private final LiveChannels live;
    private final AttendedTransfers transfers;
    private final CallAccess access;
    private final Destinations destinations;
    private final ParkSlotRange slotRange;
    private final ConferenceRooms rooms;
    private final Conferences conferences;
    private final CallControl calls;
    private final ThreeWaySessionStore store;
    private final ThreeWaySessions sessions;
    private final ThreeWayCommandSender sender;
    private final ConferenceMembers members;

    public ThreeWayCalling(LegControl media, ConferenceControl conferencing, LiveChannels live,
                           AttendedTransfers transfers, CallAccess access, Destinations destinations,
                           ParkSlotRange slotRange, ConferenceRooms rooms, Conferences conferences, CallControl calls,
                           ThreeWayMachine machine, ThreeWaySessionStore store, Duration memberWait) {
        this.media = media;
        this.conferencing = conferencing;
        this.live = live;
        this.transfers = transfers;
        this.access = access;
        this.destinations = destinations;
        this.slotRange = slotRange;
        this.rooms = rooms;
        this.conferences = conferences;
        this.calls = calls;
        this.store = store;
        this.sessions = new ThreeWaySessions(machine, store);
        this.sender = new ThreeWayCommandSender(media, conferencing, rooms);
        this.members = new ConferenceMembers(conferencing, memberWait);
    }

    /**
     * Step 1: {@code moderatorUuid} is the actor's own leg, bridged to its party; the party is put on
     * hold and exactly one of {@code toNumber} and {@code toExtension} rings on a new leg.
     */
    public AddedParticipant addParticipant(Actor actor, UUID moderatorUuid, String toNumber, String toExtension) {
        actor.require(Resource.CALLS, Access.WRITE);
        LiveChannel moderator = answeredAndBridged(actor, moderatorUuid);
        Tenant tenant = access.tenant(moderator.tenant());
        Destination target = target(tenant, toNumber, toExtension);
        UUID party = moderator.bridgedTo();
        if (target.value().equals(moderator.extension())
                || live.find(party).map(p -> target.value().equals(p.extension())).orElse(false)) {
            throw DomainException.invalid(toExtension != null ? "toExtension" : "toNumber",
                    target.value() + " is already on this call");
        }
        if (transfers.findByLeg(moderator.uuid()).isPresent() || transfers.findByLeg(party).isPresent()) {
            throw DomainException.badRequest("TRANSFER_IN_PROGRESS", "This call is being transferred");
        }
        Optional<ThreeWaySession> existing = store.findByLeg(moderator.tenant(), moderator.uuid());
        if (existing.isPresent() && !existing.get().moderator().equals(moderator.uuid())) {
            throw partOfAnother(moderator.uuid(), existing.get());
        }
        if (existing.isEmpty()) {
            requireFree(moderator.tenant(), List.of(party));
        }
        UUID b = UUID.randomUUID();
        ThreeWaySession fresh = ThreeWaySession.start(tenant.id(), moderator.uuid(), party);
        ThreeWaySessions.Applied applied = run(() -> Optional.of(store.findByLeg(moderator.tenant(), moderator.uuid()).orElse(fresh)),
                new ThreeWayInput.AddParticipant(b, target)).orElseThrow(() -> ended(moderator.uuid()));
        UUID waiting = ((ThreeWayState.Consulting) applied.after().state()).a();
        return new AddedParticipant(b, waiting);
    }

    /**
     * Step 3: everybody into one conference, once the added participant answered; or, after
     * going private, the held participant back in. {@code callUuidA} is the moderator's leg,
     * {@code callUuidB} the added participant (either may be given first).
     */
    public MergedCall merge(Actor actor, UUID callUuidA, UUID callUuidB, UUID bridgedLegA, String conferenceName) {
        actor.require(Resource.CALLS, Access.WRITE);
        LiveChannel first = access.channel(actor, required(callUuidA, "callUuidA"));
        LiveChannel second = access.channel(actor, required(callUuidB, "callUuidB"));
        ThreeWaySession session = store.findByLeg(first.tenant(), first.uuid()).or(() -> store.findByLeg(second.tenant(), second.uuid()))
                .orElseGet(() -> ThreeWaySession.start(first.tenant(), first.uuid(),
                        Optional.ofNullable(first.bridgedTo()).orElse(second.uuid())));
        UUID moderator = session.moderator();
        UUID party = second.uuid().equals(moderator) ? first.uuid() : second.uuid();
        if (session.version() > 0 && (!session.legs().contains(first.uuid()) || !session.legs().contains(party))) {
            throw DomainException.badRequest(ThreeWayMachine.NOT_A_PARTICIPANT,
                    "callUuidA and callUuidB must be the moderator's leg and a participant of one three-way call");
        }
        if (bridgedLegA != null && !session.legs().contains(bridgedLegA)) {
            throw DomainException.invalid("bridgedLegA", "is not a party of this call");
        }
        String name = session.conference().orElseGet(() -> newConferenceName(first.tenant(), conferenceName));
        catchUpOnAnswer(session, party);
        // A call nobody was added to has no stored session: the machine refuses it, saying what to do instead.
        Optional<ThreeWaySession> unstored = session.version() == 0 ? Optional.of(session) : Optional.empty();
        ThreeWaySessions.Applied applied = run(() -> store.findByLeg(first.tenant(), moderator).or(() -> unstored),
                new ThreeWayInput.Merge(party, name)).orElseThrow(() -> ended(moderator));
        return participants(applied.after());
    }

    /**
     * A client told of B's answer ({@code call_answer}) may merge before the session has followed
     * that same event: live state, updated before the client was told, already has it answered.
     */
    private void catchUpOnAnswer(ThreeWaySession session, UUID party) {
        if (session.state() instanceof ThreeWayState.Consulting consulting && consulting.b().equals(party)
                && live.find(party).map(LiveChannel::answered).orElse(false)) {
            sessions.apply(() -> store.findByLeg(session.tenant(), session.moderator()), new ThreeWayInput.Answered(party));
        }
    }

    /** Go private with {@code keepUuid} while {@code holdUuid} waits on hold in the conference. */
    public SwappedParticipants swap(Actor actor, String conferenceName, UUID keepUuid, UUID holdUuid) {
        actor.require(Resource.CALLS, Access.WRITE);
        ThreeWaySession session = sessionOfConference(actor, conferenceName);
        required(keepUuid, "keepUuid");
        required(holdUuid, "holdUuid");
        run(() -> store.findByConference(session.tenant(), conferenceName),
                new ThreeWayInput.Swap(keepUuid, holdUuid));
        return new SwappedParticipants(conferenceName, keepUuid, holdUuid);
    }

    /**
     * Merges any two live calls into one conference, every leg of both (see {@link DirectMerge}
     * for who moderates): two calls of one phone keep the phone in the room once, releasing its
     * second line; two unrelated calls put all four legs in the room, the caller of the first
     * moderating; a lone leg joins the other call. A user principal merges only calls it is on.
     */
    public MergedCall mergeDirect(Actor actor, UUID callUuidA, UUID callUuidB, String conferenceName) {
        actor.require(Resource.CALLS, Access.WRITE);
        LiveChannel first = access.channel(actor, required(callUuidA, "callUuidA"));
        LiveChannel second = access.channel(actor, required(callUuidB, "callUuidB"));
        if (first.uuid().equals(second.uuid()) || DirectMerge.sameCall(first, second, live)) {
            throw DomainException.invalid("callUuidB", "must be a leg of another call than callUuidA");
        }
        for (LiveChannel channel : List.of(first, second)) {
            if (!channel.answered()) {
                throw DomainException.badRequest("CALL_NOT_ANSWERED", "Call " + channel.uuid() + " is still ringing");
            }
        }
        requireFree(first.tenant(), List.of(first.uuid(), second.uuid()));
        DirectMerge plan = DirectMerge.of(first, second, live)
                .orElseThrow(() -> DomainException.badRequest("CALL_NOT_BRIDGED", "merge-direct needs at least one "
                        + "of the two calls bridged to a party; both are lone legs"));
        requireFree(first.tenant(), plan.legs());
        String name = newConferenceName(first.tenant(), conferenceName);
        List<UUID> resume = plan.joining().stream()
                .filter(leg -> live.find(leg).map(LiveChannel::onHold).orElse(false)).toList();
        ThreeWaySession fresh = ThreeWaySession.start(first.tenant(), plan.moderator(), plan.a());
        ThreeWaySessions.Applied applied = run(() -> Optional.of(store.findByLeg(first.tenant(), plan.moderator()).orElse(fresh)),
                new ThreeWayInput.MergeDirect(plan.b(), plan.released(), plan.guests(), resume, name))
                .orElseThrow(() -> ended(plan.moderator()));
        return participants(applied.after());
    }

    /**
     * Kicks a member: through the three-way session when the conference is one (its moderator, an
     * extension user included, may kick from its own three-way call), plainly otherwise.
     */
    public void kick(Actor actor, String conferenceName, String memberId) {
        Optional<ThreeWaySession> session = conferenceSession(actor, conferenceName);
        if (session.isEmpty() || memberId == null || memberId.isBlank()) {
            conferences.kick(actor, conferenceName, memberId);
            return;
        }
        actor.require(Resource.CONFERENCES, Access.WRITE);
        run(() -> store.findByConference(session.get().tenant(), conferenceName), new ThreeWayInput.Kick(memberId));
    }

    public void mute(Actor actor, String conferenceName, String memberId, boolean mute) {
        Optional<ThreeWaySession> session = conferenceSession(actor, conferenceName);
        if (session.isEmpty() || memberId == null || memberId.isBlank()) {
            conferences.mute(actor, conferenceName, memberId, mute);
            return;
        }
        actor.require(Resource.CONFERENCES, Access.WRITE);
        run(() -> store.findByConference(session.get().tenant(), conferenceName),
                new ThreeWayInput.Mute(memberId, mute));
    }

    /** Hangs up a leg: through its three-way session when it has one, plainly otherwise. */
    public void hangup(Actor actor, UUID uuid) {
        actor.require(Resource.CALLS, Access.WRITE);
        LiveChannel channel = access.channel(actor, uuid);
        if (store.findByLeg(channel.tenant(), channel.uuid()).isEmpty()) {
            calls.hangup(actor, uuid);
            return;
        }
        run(() -> store.findByLeg(channel.tenant(), channel.uuid()), new ThreeWayInput.Hangup(channel.uuid()));
    }

    /** Applies and, once stored, sends; a refusal by the switch puts the session back as it was. */
    private Optional<ThreeWaySessions.Applied> run(java.util.function.Supplier<Optional<ThreeWaySession>> current,
                                                   ThreeWayInput input) {
        Optional<ThreeWaySessions.Applied> applied = sessions.apply(current, input);
        applied.ifPresent(a -> {
            try {
                sender.send(a.after().tenant(), a.transition().commands());
            } catch (RuntimeException refused) {
                sessions.undo(a);
                resumeQuietly(a.before(), a.transition().commands());
                throw refused;
            }
        });
        return applied;
    }

    /** A party put on hold by commands the switch then refused is taken off hold again. */
    private void resumeQuietly(ThreeWaySession before, List<ThreeWayCommand> commands) {
        commands.stream().filter(c -> c instanceof ThreeWayCommand.Hold hold && hold.hold())
                .map(c -> ((ThreeWayCommand.Hold) c).leg())
                .filter(leg -> !before.isOnHold(leg))
                .forEach(leg -> {
                    try {
                        media.hold(leg, false);
                    } catch (RuntimeException ignored) {
                        // Gone, or the switch is unreachable: nothing to undo.
                    }
                });
    }

    /** Each leg may take part in one three-way call only. */
    private void requireFree(TenantId tenant, List<UUID> legs) {
        for (UUID leg : legs) {
            store.findByLeg(tenant, leg).ifPresent(session -> {
                throw partOfAnother(leg, session);
            });
        }
    }

    private static DomainException partOfAnother(UUID leg, ThreeWaySession session) {
        return DomainException.badRequest(ThreeWayMachine.INVALID_STATE, "Call " + leg
                + " is already part of another three-way call, in state " + session.state().name());
    }

    private LiveChannel answeredAndBridged(Actor actor, UUID uuid) {
        LiveChannel channel = access.channel(actor, required(uuid, "callUuid"));
        if (!channel.answered() || channel.bridgedTo() == null) {
            throw DomainException.badRequest("CALL_NOT_BRIDGED",
                    "A participant can be added only to an answered call bridged to another party");
        }
        return channel;
    }

    private Destination target(Tenant tenant, String toNumber, String toExtension) {
        if ((toNumber == null) == (toExtension == null)) {
            throw DomainException.invalid("toNumber", "give exactly one of toNumber and toExtension");
        }
        String field = toNumber != null ? "toNumber" : "toExtension";
        String value = toNumber != null ? toNumber : toExtension;
        if (slotRange.contains(value.strip())) {
            throw DomainException.invalid(field, "a participant is a person, not a park slot");
        }
        if (toExtension != null) {
            access.activeExtension(tenant.id(), toExtension, "toExtension");
        }
        return destinations.resolve(tenant, value, field);
    }

    private String newConferenceName(TenantId tenant, String requested) {
        if (requested != null) {
            String name = rooms.requireName(requested, "conferenceName");
            if (store.findByConference(tenant, name).isPresent() || roomExists(tenant, name)) {
                throw DomainException.invalid("conferenceName", "conference " + name + " already exists");
            }
            return name;
        }
        String name = rooms.generateName();
        while (store.findByConference(tenant, name).isPresent() || roomExists(tenant, name)) {
            name = rooms.generateName();
        }
        return name;
    }

    private boolean roomExists(TenantId tenant, String name) {
        String room = rooms.room(tenant, name);
        return conferencing.conferences().stream().anyMatch(c -> c.room().equals(room));
    }

    private ThreeWaySession sessionOfConference(Actor actor, String conferenceName) {
        if (conferenceName == null || conferenceName.isBlank()) {
            throw DomainException.invalid("conferenceName", "is required");
        }
        return conferenceSession(actor, conferenceName).orElseThrow(() -> DomainException.badRequest(
                "CONFERENCE_NOT_FOUND", "No three-way conference " + conferenceName + " in this tenant"));
    }

    private Optional<ThreeWaySession> conferenceSession(Actor actor, String conferenceName) {
        if (conferenceName == null) {
            return Optional.empty();
        }
        Optional<ThreeWaySession> session = store.findByConference(actor.requireTenant(), conferenceName);
        // A user principal acts only on its own extension's calls.
        session.ifPresent(s -> access.channel(actor, s.moderator()));
        return session;
    }

    /**
     * Who is in the session's conference, once the switch reports every live leg as a member
     * (briefly waited for: members join a moment after the command).
     */
    private MergedCall participants(ThreeWaySession session) {
        String name = session.conference().orElseThrow();
        String room = rooms.room(session.tenant(), name);
        List<UUID> legs = session.legs().stream().filter(session::isLive).toList();
        Optional<ConferenceSnapshot> snapshot = members.await(room, legs);
        List<ThreeWayParticipant> participants = new ArrayList<>();
        for (UUID leg : legs) {
            Optional<ConferenceSnapshot.Member> member = snapshot.flatMap(s -> s.member(leg));
            member.ifPresent(m -> noteMember(session, leg, m.memberId()));
            Identity identity = identity(session.tenant(), leg, member);
            participants.add(new ThreeWayParticipant(leg, member.map(ConferenceSnapshot.Member::memberId).orElse(null),
                    identity.number(), identity.name(), member.map(ConferenceSnapshot.Member::muted).orElse(false),
                    session.isHeldInConference(leg) ? "held" : "active"));
        }
        return new MergedCall(name, participants);
    }

    /**
     * Who the participant is. A leg's caller id is its call's caller, not the
     * person on the leg: a leg that rings an extension is that extension (and its display name),
     * an outbound leg the number it dialled, any other leg (an outside caller) its caller id.
     */
    private Identity identity(TenantId tenant, UUID leg, Optional<ConferenceSnapshot.Member> member) {
        Optional<LiveChannel> channel = live.find(leg);
        if (channel.isEmpty()) {
            return new Identity(member.map(ConferenceSnapshot.Member::callerIdNumber).orElse(null),
                    member.map(ConferenceSnapshot.Member::callerIdName).orElse(null));
        }
        LiveChannel c = channel.get();
        if (c.extension() != null) {
            return new Identity(c.extension(), access.findExtension(tenant, c.extension())
                    .map(e -> e.displayName()).orElse(null));
        }
        if (c.direction() == CallDirection.OUTBOUND && c.destination() != null) {
            return new Identity(c.destination(), null);
        }
        return new Identity(c.callerIdNumber(), c.callerIdName());
    }

    private record Identity(String number, String name) {
    }

    /** The member ids the switch reported are noted in the session too, in case its events lag. */
    private void noteMember(ThreeWaySession session, UUID leg, String memberId) {
        try {
            sessions.apply(() -> store.findByLeg(session.tenant(), session.moderator()), new ThreeWayInput.MemberJoined(leg, memberId));
        } catch (DomainException busy) {
            // The session kept changing; the member's own join event notes the id as well.
        }
    }

    private static UUID required(UUID uuid, String field) {
        if (uuid == null) {
            throw DomainException.invalid(field, "is required");
        }
        return uuid;
    }

    private static DomainException ended(UUID moderator) {
        return DomainException.badRequest("CALL_NOT_FOUND", "Call " + moderator + " has already ended");
    }
}
