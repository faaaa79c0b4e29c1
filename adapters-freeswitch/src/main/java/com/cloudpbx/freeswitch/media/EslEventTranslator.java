package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHeld;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelParked;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnbridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnheld;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberJoined;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberLeft;
import com.cloudpbx.core.calls.MediaEvent.DtmfReceived;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns one ESL event into the domain events it means, in order; none for events that are not
 * ours or do not matter. Stateless: the same headers always give the same events.
 *
 * <ul>
 *   <li>A channel is ours when it carries {@code variable_voip_tenant}; others (and events
 *       without a channel uuid or a timestamp) are ignored. Conference members are ours when the
 *       room carries a tenant prefix, since members may be reported without their variables.</li>
 *   <li>{@code CHANNEL_BRIDGE} and {@code CHANNEL_UNBRIDGE} are fired once, on the bridge's A
 *       side, naming both legs; the domain reports each leg, so each becomes two events.</li>
 *   <li>Only {@code CHANNEL_HANGUP_COMPLETE} ends a leg: {@code CHANNEL_HANGUP} comes first but
 *       without the duration and billed seconds.</li>
 *   <li>Parking is reported by {@code valet_parking::info} ({@code Action: hold}), which names the
 *       slot. {@code CHANNEL_PARK} comes from the plain {@code park} application (slotless, also
 *       run on a consult leg waiting to be bridged), so it is not a park in the domain's sense.</li>
 * </ul>
 */
public final class EslEventTranslator {

    private static final Pattern DTMF = Pattern.compile("^[0-9*#A-D]$");
    private static final Pattern ROOM = Pattern.compile("^t[0-9a-f]{32}-[A-Za-z0-9_-]{1,64}$");
    private static final String VALET = "valet_parking::info";
    private static final String CONFERENCE = "conference::maintenance";

    public List<MediaEvent> translate(Map<String, String> headers) {
        EslHeaders event = new EslHeaders(headers);
        Optional<Instant> at = event.timestamp();
        Optional<String> name = event.text("Event-Name");
        if (at.isEmpty() || name.isEmpty()) {
            return List.of();
        }
        if ("CUSTOM".equals(name.get())) {
            return custom(event, at.get());
        }
        if (tenant(event).isEmpty()) {
            return List.of();
        }
        return channel(name.get(), event, at.get());
    }

    private List<MediaEvent> channel(String name, EslHeaders event, Instant at) {
        Optional<UUID> uuid = event.uuid("Unique-ID");
        if (uuid.isEmpty()) {
            return List.of();
        }
        UUID leg = uuid.get();
        return switch (name) {
            case "CHANNEL_CREATE" -> List.of(created(leg, event, at));
            case "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA" -> List.of(new ChannelRinging(leg, at));
            case "CHANNEL_ANSWER" -> List.of(new ChannelAnswered(leg, at));
            case "CHANNEL_BRIDGE" -> bridge(leg, event, at, true);
            case "CHANNEL_UNBRIDGE" -> bridge(leg, event, at, false);
            case "CHANNEL_HOLD" -> List.of(new ChannelHeld(leg, at));
            case "CHANNEL_UNHOLD" -> List.of(new ChannelUnheld(leg, at));
            case "CHANNEL_HANGUP_COMPLETE" -> List.of(hungUp(leg, event, at));
            case "DTMF" -> event.text("DTMF-Digit").map(d -> d.toUpperCase(Locale.ROOT))
                    .filter(d -> DTMF.matcher(d).matches())
                    .<List<MediaEvent>>map(d -> List.of(new DtmfReceived(leg, d, at))).orElse(List.of());
            default -> List.of();
        };
    }

    private static ChannelCreated created(UUID leg, EslHeaders event, Instant at) {
        TenantId tenant = tenant(event).orElseThrow();
        // Our legs name their call; a leg dialled by FreeSWITCH on its own belongs to its originator.
        UUID callUuid = event.uuid("variable_voip_call_uuid")
                .or(() -> "originator".equals(event.text("Other-Type").orElse(""))
                        ? event.uuid("Other-Leg-Unique-ID") : Optional.empty())
                .orElse(leg);
        String extension = event.first("variable_voip_extension", "variable_dialed_user")
                .filter(e -> e.matches("^[0-9]{1,8}$")).orElse(null);
        String destination = event.first("variable_voip_destination", "Caller-Destination-Number").orElse(null);
        return new ChannelCreated(leg, callUuid, tenant, direction(event), extension,
                event.text("Caller-Caller-ID-Number").orElse(null), event.text("Caller-Caller-ID-Name").orElse(null),
                destination, at);
    }

    /** Ours when we set it; a leg without our marker was dialled extension to extension. */
    private static CallDirection direction(EslHeaders event) {
        return event.text("variable_voip_direction").flatMap(value -> {
            for (CallDirection direction : CallDirection.values()) {
                if (direction.wireName().equals(value)) {
                    return Optional.of(direction);
                }
            }
            return Optional.empty();
        }).orElse(CallDirection.INTERNAL);
    }

    private static List<MediaEvent> bridge(UUID leg, EslHeaders event, Instant at, boolean bridged) {
        UUID a = event.uuid("Bridge-A-Unique-ID").orElse(leg);
        Optional<UUID> b = event.uuid("Bridge-B-Unique-ID").or(() -> event.uuid("Other-Leg-Unique-ID"))
                .filter(other -> !other.equals(a));
        if (b.isEmpty()) {
            return List.of();
        }
        return bridged
                ? List.of(new ChannelBridged(a, b.get(), at), new ChannelBridged(b.get(), a, at))
                : List.of(new ChannelUnbridged(a, b.get(), at), new ChannelUnbridged(b.get(), a, at));
    }

    private static ChannelHungUp hungUp(UUID leg, EslHeaders event, Instant at) {
        String cause = event.first("Hangup-Cause", "variable_hangup_cause").orElse("NORMAL_CLEARING");
        long duration = Math.max(0, event.number("variable_duration").orElse(0));
        long billsec = Math.max(0, event.number("variable_billsec").orElse(0));
        return new ChannelHungUp(leg, cause, duration, billsec, at);
    }

    private static List<MediaEvent> custom(EslHeaders event, Instant at) {
        String subclass = event.text("Event-Subclass").orElse("");
        Optional<UUID> uuid = event.uuid("Unique-ID");
        if (uuid.isEmpty()) {
            return List.of();
        }
        String action = event.text("Action").orElse("");
        return switch (subclass) {
            case VALET -> "hold".equals(action) ? parked(uuid.get(), event, at) : List.of();
            case CONFERENCE -> member(uuid.get(), action, event, at);
            default -> List.of();
        };
    }

    /** Only a park in the lot of the leg's own tenant counts. */
    private static List<MediaEvent> parked(UUID leg, EslHeaders event, Instant at) {
        Optional<TenantId> tenant = tenant(event);
        Optional<String> slot = event.text("Valet-Extension").filter(s -> s.matches("^[0-9]{1,8}$"));
        boolean ownLot = tenant.map(EslCommands::parkingLot).equals(event.text("Valet-Lot-Name"));
        return ownLot && slot.isPresent() ? List.of(new ChannelParked(leg, slot.get(), at)) : List.of();
    }

    private static List<MediaEvent> member(UUID leg, String action, EslHeaders event, Instant at) {
        Optional<String> room = event.text("Conference-Name").filter(r -> ROOM.matcher(r).matches());
        Optional<String> memberId = event.text("Member-ID").filter(id -> id.matches("^[0-9]{1,10}$"));
        if (room.isEmpty() || memberId.isEmpty()) {
            return List.of();
        }
        return switch (action) {
            case "add-member" -> List.of(new ConferenceMemberJoined(leg, room.get(), memberId.get(), at));
            case "del-member" -> List.of(new ConferenceMemberLeft(leg, room.get(), memberId.get(), at));
            default -> List.of();
        };
    }

    private static Optional<TenantId> tenant(EslHeaders event) {
        return event.uuid("variable_voip_tenant").map(TenantId::of);
    }
}
