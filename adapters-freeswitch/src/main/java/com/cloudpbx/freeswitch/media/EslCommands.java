package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.EavesdropMode;
import com.cloudpbx.core.calls.IntercomCall;
import com.cloudpbx.core.calls.Originate;
import com.cloudpbx.core.routing.TenantTrunks;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The FreeSWITCH API commands behind each {@link com.cloudpbx.core.calls.port.LegControl} and
 * {@link com.cloudpbx.core.calls.port.ConferenceControl} operation.
 * Pure: it builds text from validated values and sends nothing. Every interpolated value passes
 * {@link EslValues} first, so nothing a caller typed can add a token, a variable or a command.
 *
 * <p>Conventions the event translator and the dialplan rely on:
 * <ul>
 *   <li>Every leg we create carries {@code voip_tenant}, {@code voip_call_uuid},
 *       {@code voip_direction} ({@code inbound|outbound|internal}), {@code voip_extension} (when it
 *       rings or belongs to an extension), {@code voip_destination} and a {@link LegTag} in
 *       {@code presence_data}.</li>
 *   <li>An outside number is dialled through the tenant's trunk, a sofia gateway named
 *       {@code tenant-<tenant uuid>}, in E.164 with its {@code +}.</li>
 *   <li>Each tenant parks in a valet lot of its own, {@code park-<tenant uuid without dashes>}.
 *       Dialling a slot runs {@code valet_park} on the same lot and slot, which bridges to the call
 *       waiting there.</li>
 *   <li>Blind transfers go through the XML dialplan, in a context named after the tenant's SIP
 *       domain, which routes extensions, numbers and park slots the same way and sets the
 *       {@code voip_*} variables on the legs it dials.</li>
 * </ul>
 */
public final class EslCommands {

    static final String TENANT_VARIABLE = "voip_tenant";
    static final String CALL_VARIABLE = "voip_call_uuid";
    static final String DIRECTION_VARIABLE = "voip_direction";
    static final String EXTENSION_VARIABLE = "voip_extension";
    static final String DESTINATION_VARIABLE = "voip_destination";
    static final String TAG_VARIABLE = "presence_data";

    private static final long MAX_RING_SECONDS = 600;

    private final CommandSettings settings;

    public EslCommands(CommandSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The valet lot a tenant parks in. */
    public static String parkingLot(TenantId tenant) {
        return TenantTrunks.parkingLot(tenant);
    }

    /** The sofia gateway that is the tenant's trunk. */
    public static String gateway(TenantId tenant) {
        return TenantTrunks.gateway(tenant);
    }

    /** The gateway chosen for the number, else the tenant's own; only letters, digits, '-' and '_'. */
    private static String gatewayOf(TenantId tenant, Destination destination) {
        String gateway = destination.gateway() == null ? gateway(tenant) : destination.gateway();
        if (!gateway.matches("^[A-Za-z0-9_-]{1,80}$")) {
            throw new IllegalArgumentException("not a gateway name: " + gateway);
        }
        return gateway;
    }

    /**
     * Rings {@code from} with the command's uuid and caller id; once it answers, the same
     * application dials {@code to} (or picks up the call parked in slot {@code to}).
     * {@code ignore_early_media} keeps the destination from being dialled on the caller's ringback.
     */
    public ApiCommand originate(Originate command) {
        Objects.requireNonNull(command, "command");
        String from = requireExtension(command.from());
        Destination to = command.to();
        CallDirection direction = to.kind() == Destination.Kind.NUMBER ? CallDirection.OUTBOUND : CallDirection.INTERNAL;
        ChannelVariables caller = ChannelVariables.none()
                .with("origination_uuid", EslValues.uuid(command.uuid(), "uuid"));
        caller = ours(caller, command.tenant(), command.uuid(), direction, from, destinationNumber(to));
        caller = callerId(caller, command.callerIdNumber(), command.callerIdName());
        caller = ringing(caller, command.timeout());
        return new ApiCommand("originate " + caller.render() + dial(command.from()) + " "
                + onAnswer(command.tenant(), command.uuid(), direction, to));
    }

    /**
     * Rings the extension asking its phone to answer by itself: {@code sip_auto_answer} (FreeSWITCH
     * then adds {@code Alert-Info} and a {@code Call-Info} of its own) and an explicit
     * {@code Call-Info: answer-after=0} for phones that only honour that. Answered, the leg parks.
     */
    public ApiCommand intercom(IntercomCall command) {
        Objects.requireNonNull(command, "command");
        String extension = requireExtension(command.extension());
        ChannelVariables variables = ChannelVariables.none()
                .with("origination_uuid", EslValues.uuid(command.uuid(), "uuid"));
        variables = ours(variables, command.tenant(), command.uuid(), CallDirection.INTERNAL, extension, extension);
        variables = callerId(variables, command.callerIdNumber(), command.callerIdName());
        variables = ringing(variables, command.timeout())
                .with("sip_auto_answer", "true")
                .withSipHeader("Call-Info", "answer-after=0");
        return new ApiCommand("originate " + variables.render() + dial(command.extension()) + " &park()");
    }

    public ApiCommand hangup(UUID uuid) {
        return new ApiCommand("uuid_kill " + EslValues.uuid(uuid, "uuid"));
    }

    /** Hangs up with a cause of our choosing, e.g. {@code ORIGINATOR_CANCEL} for a cancelled consult leg. */
    public ApiCommand hangup(UUID uuid, String cause) {
        return new ApiCommand("uuid_kill " + EslValues.uuid(uuid, "uuid") + " " + EslValues.hangupCause(cause));
    }

    /** Sends the leg through the tenant's dialplan context to {@code destination}. */
    public ApiCommand transfer(UUID uuid, Destination destination) {
        return new ApiCommand("uuid_transfer " + EslValues.uuid(uuid, "uuid") + " " + destinationNumber(destination)
                + " XML " + EslValues.domain(destination.sipDomain()));
    }

    /** Sends the leg's partner to {@code destination}; the leg itself is released. */
    public ApiCommand transferOtherLeg(UUID uuid, Destination destination) {
        return new ApiCommand("uuid_transfer " + EslValues.uuid(uuid, "uuid") + " -bleg "
                + destinationNumber(destination) + " XML " + EslValues.domain(destination.sipDomain()));
    }

    public ApiCommand hold(UUID uuid, boolean hold) {
        return new ApiCommand((hold ? "uuid_hold " : "uuid_hold off ") + EslValues.uuid(uuid, "uuid"));
    }

    /**
     * Parks the leg in the tenant's lot through an inline dialplan; its partner is released. The
     * application and its two arguments are quoted so that they stay one argument of
     * {@code uuid_transfer}.
     */
    public ApiCommand park(UUID uuid, TenantId tenant, String slot) {
        return new ApiCommand("uuid_transfer " + EslValues.uuid(uuid, "uuid") + " 'valet_park:"
                + parkingLot(Objects.requireNonNull(tenant, "tenant")) + " " + requireSlot(slot) + "' inline");
    }

    /**
     * Bridges two live legs. A leg may still be told to outlive its bridge (see
     * {@link #consultAnswered}); that is cleared first, so that once bridged again either leg
     * hanging up takes the other down as usual.
     */
    public List<ApiCommand> bridge(UUID a, UUID b) {
        String first = EslValues.uuid(a, "a");
        String second = EslValues.uuid(b, "b");
        if (first.equals(second)) {
            throw new IllegalArgumentException("A leg cannot be bridged to itself");
        }
        return List.of(outliveBridge(a, false), outliveBridge(b, false),
                new ApiCommand("uuid_bridge " + first + " " + second));
    }

    /**
     * Whether the leg stays up, parked, when its bridge ends because its partner was taken
     * elsewhere. FreeSWITCH otherwise hangs up a leg whose partner is moved away.
     */
    public ApiCommand outliveBridge(UUID uuid, boolean outlive) {
        return new ApiCommand("uuid_setvar " + EslValues.uuid(uuid, "uuid") + " park_after_bridge " + outlive);
    }

    /**
     * Rings the consult leg of an attended transfer as a call of its own; it waits parked once
     * answered, for {@link #consultAnswered} to bridge it to the transferor.
     */
    public ApiCommand consult(ConsultLeg leg) {
        Objects.requireNonNull(leg, "leg");
        Destination target = leg.target();
        if (isParkSlot(target)) {
            throw new IllegalArgumentException("An attended transfer goes to a person, not a park slot");
        }
        boolean extension = target.kind() == Destination.Kind.EXTENSION;
        ChannelVariables variables = ChannelVariables.none()
                .with("origination_uuid", EslValues.uuid(leg.consultUuid(), "consultUuid"));
        variables = ours(variables, leg.tenant(), leg.consultUuid(),
                extension ? CallDirection.INTERNAL : CallDirection.OUTBOUND,
                extension ? target.value() : null, destinationNumber(target));
        variables = callerId(variables, leg.callerIdNumber(), null);
        variables = ringing(variables, leg.timeout());
        return new ApiCommand("originate " + variables.render() + dial(leg.tenant(), target) + " &park()");
    }

    /**
     * The consult target answered: the party is kept up (alone, still on hold) while the
     * transferor is bridged to the consult leg. The transferor and the consult leg are told to
     * outlive their bridge too: while the party waits, either of them hanging up must leave the
     * other one up, for the transfer to complete or be undone, where FreeSWITCH would hang it up
     * with its partner.
     */
    public List<ApiCommand> consultAnswered(ConsultLeg leg) {
        Objects.requireNonNull(leg, "leg");
        return List.of(outliveBridge(leg.party(), true), outliveBridge(leg.transferor(), true),
                outliveBridge(leg.consultUuid(), true),
                new ApiCommand("uuid_bridge " + EslValues.uuid(leg.transferor(), "transferor") + " "
                        + EslValues.uuid(leg.consultUuid(), "consultUuid")));
    }

    /**
     * The party of an answered consult is gone: the transferor and the consult leg are a plain
     * call again, so either of them hanging up takes the other one down.
     */
    public List<ApiCommand> consultPartyGone(ConsultLeg leg) {
        Objects.requireNonNull(leg, "leg");
        return List.of(outliveBridge(leg.transferor(), false), outliveBridge(leg.consultUuid(), false));
    }

    /** The transferor gave up while the target was still ringing. */
    public ApiCommand cancelConsult(ConsultLeg leg) {
        return hangup(Objects.requireNonNull(leg, "leg").consultUuid(), "ORIGINATOR_CANCEL");
    }

    /**
     * Rings the supervisor; once answered, {@code eavesdrop} listens to the target and its
     * partner. Whispering is set up front from the mode ({@code eavesdrop_whisper_aleg}: the
     * supervisor is heard by the target, {@code _bleg}: by its partner) and DTMF control is
     * enabled so that {@link #eavesdropMode} can switch modes later. The leg shows the target's
     * caller and destination; a caller number or destination that is not a plain number (an
     * anonymous caller, say) is left out rather than refused, since it is only shown.
     */
    public ApiCommand eavesdrop(EavesdropLeg leg) {
        Objects.requireNonNull(leg, "leg");
        String supervisor = requireExtension(leg.supervisor());
        boolean toTarget = leg.mode() != EavesdropMode.LISTEN;
        boolean toPartner = leg.mode() == EavesdropMode.BARGE;
        ChannelVariables variables = ChannelVariables.none()
                .with("origination_uuid", EslValues.uuid(leg.spyUuid(), "spyUuid"));
        variables = ours(variables, leg.tenant(), leg.spyUuid(), CallDirection.INTERNAL, supervisor,
                EslValues.shownNumber(leg.destination()).orElse(null));
        variables = callerId(variables, EslValues.shownNumber(leg.callerIdNumber()).orElse(null), leg.callerIdName());
        variables = ringing(variables, leg.timeout())
                .with("eavesdrop_enable_dtmf", "true")
                .with("eavesdrop_whisper_aleg", Boolean.toString(toTarget))
                .with("eavesdrop_whisper_bleg", Boolean.toString(toPartner));
        return new ApiCommand("originate " + variables.render() + dial(leg.supervisor()) + " &eavesdrop("
                + EslValues.uuid(leg.target(), "target") + ")");
    }

    /**
     * Switches a running eavesdrop by pressing, on the supervisor's behalf, the keys the
     * {@code eavesdrop} application listens for: 0 back to listening, 2 to speak to the target, 3
     * to talk with both sides. Its whisper variables are read only when it starts.
     */
    public ApiCommand eavesdropMode(UUID spyUuid, EavesdropMode mode) {
        String key = switch (Objects.requireNonNull(mode, "mode")) {
            case LISTEN -> "0";
            case WHISPER -> "2";
            case BARGE -> "3";
        };
        return new ApiCommand("uuid_recv_dtmf " + EslValues.uuid(spyUuid, "spyUuid") + " " + key);
    }

    /**
     * Moves the leg into the room (created on first join with the configured profile). Its
     * partner, when it has one, is kept up so that both legs of a call can be merged in turn.
     */
    public List<ApiCommand> joinConference(UUID uuid, UUID partner, String room) {
        List<ApiCommand> commands = new ArrayList<>();
        if (partner != null) {
            commands.add(outliveBridge(partner, true));
        }
        commands.add(new ApiCommand("uuid_transfer " + EslValues.uuid(uuid, "uuid") + " conference:"
                + EslValues.room(room) + "@" + settings.conferenceProfile() + " inline"));
        return List.copyOf(commands);
    }

    /** mod_conference's member hold: the member hears music and is not heard, keeping its member id. */
    public ApiCommand holdMember(String room, String memberId, boolean hold) {
        return conference(room, (hold ? "hold " : "unhold ") + EslValues.memberId(memberId));
    }

    public ApiCommand kick(String room, String memberId) {
        return conference(room, "kick " + EslValues.memberId(memberId));
    }

    public ApiCommand mute(String room, String memberId, boolean mute) {
        return conference(room, (mute ? "mute " : "unmute ") + EslValues.memberId(memberId));
    }

    public ApiCommand lock(String room, boolean locked) {
        return conference(room, locked ? "lock" : "unlock");
    }

    /** One room as JSON, for {@link ConferenceListParser}. */
    public ApiCommand conferenceList(String room) {
        return conference(room, "json_list");
    }

    /** Every room as JSON, for {@link ConferenceListParser}. */
    public ApiCommand conferenceList() {
        return new ApiCommand("conference json_list");
    }

    /** Every channel as JSON, for {@link ShowChannelsParser}. */
    public ApiCommand showChannels() {
        return new ApiCommand("show channels as json");
    }

    private ApiCommand conference(String room, String action) {
        return new ApiCommand("conference " + EslValues.room(room) + " " + action);
    }

    private ChannelVariables ours(ChannelVariables variables, TenantId tenant, UUID callUuid, CallDirection direction,
                                  String extension, String destination) {
        Objects.requireNonNull(tenant, "tenant");
        ChannelVariables result = variables
                .with(TENANT_VARIABLE, tenant.value().toString())
                .with(CALL_VARIABLE, EslValues.uuid(callUuid, "callUuid"))
                .with(DIRECTION_VARIABLE, direction.wireName());
        if (extension != null) {
            result = result.with(EXTENSION_VARIABLE, EslValues.parkSlot(extension));
        }
        if (destination != null) {
            result = result.with(DESTINATION_VARIABLE, destination);
        }
        return result.with(TAG_VARIABLE, new LegTag(tenant, callUuid, direction, extension).encode());
    }

    private static ChannelVariables callerId(ChannelVariables variables, String number, String name) {
        ChannelVariables result = variables;
        if (number != null) {
            result = result.with("origination_caller_id_number", EslValues.callerIdNumber(number));
        }
        var sanitised = EslValues.callerIdName(name);
        if (sanitised.isPresent()) {
            result = result.withName("origination_caller_id_name", sanitised.get());
        }
        return result;
    }

    private static ChannelVariables ringing(ChannelVariables variables, Duration timeout) {
        return variables.with("originate_timeout", Long.toString(ringSeconds(timeout)))
                .with("ignore_early_media", "true");
    }

    private static long ringSeconds(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long seconds = timeout.toSeconds() + (timeout.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, Math.min(MAX_RING_SECONDS, seconds));
    }

    /** What runs on the originating leg once it answers: a bridge to the destination, or a pickup. */
    private String onAnswer(TenantId tenant, UUID callUuid, CallDirection direction, Destination to) {
        if (isParkSlot(to)) {
            // Quoted: the lot and the slot are two words but one argument of originate.
            return "'&valet_park(" + parkingLot(tenant) + " " + to.value() + ")'";
        }
        String extension = to.kind() == Destination.Kind.EXTENSION ? to.value() : null;
        ChannelVariables callee = ours(ChannelVariables.none(), tenant, callUuid, direction, extension,
                destinationNumber(to));
        return "&bridge(" + callee.render() + dial(tenant, to) + ")";
    }

    private String dial(TenantId tenant, Destination destination) {
        return switch (destination.kind()) {
            case EXTENSION -> dial(destination);
            case NUMBER -> "sofia/gateway/" + gatewayOf(tenant, destination) + "/" + EslValues.e164(destination.value());
        };
    }

    private String dial(Destination extension) {
        return settings.dialing().dialString(requireExtension(extension), extension.sipDomain());
    }

    private boolean isParkSlot(Destination destination) {
        return destination.kind() == Destination.Kind.EXTENSION && settings.parkSlots().contains(destination.value());
    }

    private String requireSlot(String slot) {
        if (!settings.parkSlots().contains(EslValues.parkSlot(slot))) {
            throw new IllegalArgumentException("Not one of the park slots: " + slot);
        }
        return slot;
    }

    private static String requireExtension(Destination destination) {
        Objects.requireNonNull(destination, "destination");
        if (destination.kind() != Destination.Kind.EXTENSION) {
            throw new IllegalArgumentException("Only an extension can be rung here");
        }
        EslValues.domain(destination.sipDomain());
        return EslValues.parkSlot(destination.value());
    }

    /** The number a destination is dialled as: the extension (or slot) digits, or the E.164 number. */
    private static String destinationNumber(Destination destination) {
        Objects.requireNonNull(destination, "destination");
        EslValues.domain(destination.sipDomain());
        return switch (destination.kind()) {
            case EXTENSION -> EslValues.parkSlot(destination.value());
            case NUMBER -> EslValues.e164(destination.value());
        };
    }
}
