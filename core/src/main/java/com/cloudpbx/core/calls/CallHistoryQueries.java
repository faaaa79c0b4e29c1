package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.CallHistory;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.UtcDates;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the call history: list with filters, one call, statistics of a period, CSV export. */
public final class CallHistoryQueries {

    private final CallHistory history;
    private final TenantRepository tenants;
    private final ExtensionRepository extensions;
    private final Clock clock;

    public CallHistoryQueries(CallHistory history, TenantRepository tenants, ExtensionRepository extensions,
                              Clock clock) {
        this.history = history;
        this.tenants = tenants;
        this.extensions = extensions;
        this.clock = clock;
    }

    /** Filters as the client sent them (strings); dates are inclusive UTC days or instants. */
    public record Filter(String direction, String status, String dateFrom, String dateTo, String extension,
                         String number, String forwarded, String forwardedTo) {
    }

    public Page<HistoricCall> list(Actor actor, Filter filter, PageRequest page) {
        CallQuery query = query(actor, filter);
        Page<CallRecord> found = history.find(query, page);
        Map<TenantId, Tenant> named = actor.tenantScope().isPresent() ? Map.of()
                : tenants.findAll().stream().collect(Collectors.toMap(Tenant::id, Function.identity()));
        return found.map(r -> new HistoricCall(r, named.get(r.tenant())));
    }

    public CallRecord get(Actor actor, UUID id) {
        actor.require(Resource.CALLS, Access.READ);
        return history.findInScope(actor.tenantScope(), id)
                .filter(r -> actor.sees(r.tenant()) && visibleToUser(actor, r))
                .orElseThrow(() -> DomainException.notFound("Call"));
    }

    /** {@code period}: today (since 00:00 UTC), 7d (default), 30d or 90d. */
    public PeriodStats stats(Actor actor, String period) {
        actor.require(Resource.CALLS, Access.READ);
        String chosen = period == null ? "7d" : period;
        Instant now = clock.instant();
        Instant from = switch (chosen) {
            case "today" -> now.truncatedTo(ChronoUnit.DAYS);
            case "7d" -> now.minus(7, ChronoUnit.DAYS);
            case "30d" -> now.minus(30, ChronoUnit.DAYS);
            case "90d" -> now.minus(90, ChronoUnit.DAYS);
            default -> throw DomainException.invalid("period", "must be today, 7d, 30d or 90d");
        };
        CallQuery query = query(actor, new Filter(null, null, null, null, null, null, null, null));
        return new PeriodStats(history.stats(new CallQuery(query.tenant(), query.direction(), query.status(),
                Optional.of(from), Optional.empty(), query.extension(), query.number(), query.forwarded(),
                query.forwardedTo())), chosen);
    }

    /** Streams matching calls newest first to {@code sink}, at most {@code limit} when given. */
    public void export(Actor actor, Filter filter, Integer limit, Consumer<CallRecord> sink) {
        actor.require(Resource.CALLS, Access.READ);
        if (limit != null && limit < 1) {
            throw DomainException.invalid("limit", "must be 1 or more");
        }
        history.stream(query(actor, filter), Optional.ofNullable(limit), sink);
    }

    public record PeriodStats(CallStats stats, String period) {
    }

    private CallQuery query(Actor actor, Filter filter) {
        actor.require(Resource.CALLS, Access.READ);
        Optional<String> extension = text(filter.extension());
        if (actor.isUser()) {
            String own = extensions.findById(actor.tenant(), actor.principal().extensionId()).map(e -> e.number().value())
                    .orElseThrow(() -> DomainException.unauthorized("The extension of this credential no longer exists"));
            if (extension.isPresent() && !extension.get().equals(own)) {
                throw DomainException.forbidden("An extension user sees only its own calls");
            }
            extension = Optional.of(own);
        }
        return new CallQuery(actor.tenantScope(), direction(filter.direction()), status(filter.status()),
                text(filter.dateFrom()).map(d -> UtcDates.startOf(d, "dateFrom")),
                text(filter.dateTo()).map(d -> UtcDates.afterEndOf(d, "dateTo")), extension, text(filter.number()),
                forwarded(filter.forwarded()), text(filter.forwardedTo()));
    }

    private boolean visibleToUser(Actor actor, CallRecord record) {
        if (!actor.isUser()) {
            return true;
        }
        return extensions.findById(actor.tenant(), actor.principal().extensionId()).map(e -> e.number().value())
                .map(own -> own.equals(record.extension()) || own.equals(record.callerIdNumber())
                        || own.equals(record.destination()))
                .orElse(false);
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<CallDirection> direction(String value) {
        return text(value).filter(v -> !v.equals("all")).map(v -> {
            try {
                return CallDirection.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("direction", "must be inbound, outbound, internal or all");
            }
        });
    }

    private static Optional<CallStatus> status(String value) {
        return text(value).map(v -> {
            try {
                return CallStatus.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("status", "must be completed, missed, failed or voicemail");
            }
        });
    }

    private static Optional<Boolean> forwarded(String value) {
        return text(value).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw DomainException.invalid("forwarded", "must be true or false");
        });
    }
}
