package com.cloudpbx.core.presence;

import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.presence.port.PresenceSubjects;
import com.cloudpbx.core.presence.port.Registrations;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.TenantEventPublisher;
import com.cloudpbx.core.webhooks.RaiseWebhookEvents;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Raises {@code presence_change} when an extension's presence status changes, once per change:
 * it keeps the status it last raised for each extension of the tenants it watches, re-derives the
 * affected extension with {@link PresenceRules} whenever something it depends on changes, and
 * raises the new status only when it differs. What it follows:
 * <ul>
 * <li>calls — the media server's leg creations, answers and hang-ups (a leg that names an
 * extension rings it, then puts it on a call), kept in a copy of its own ({@link PresenceLegs});
 * <li>the extensions — every {@link ConfigurationChanges} signal of a watched tenant (do-not-disturb,
 * enabled or disabled, the presence set by hand, created, deleted) reloads the tenant's extensions
 * in one read;
 * <li>registrations — {@link #pollRegistrations()}, called every few seconds, reads each watched
 * tenant's registrations in one query and re-derives the extensions whose phone registered or
 * whose registration expired.
 * </ul>
 * A tenant is watched from the first time one of its events sockets connects ({@link #watch}) or a
 * leg of one of its extensions is created; its state is then loaded in one pass (as
 * {@link ReadPresence} does) and serves as the baseline, raising nothing. At most
 * {@code maxTenants} tenants are watched, the least recently active forgotten first.
 * <p>
 * All state lives on {@code ordered}, which must run one task at a time in submission order:
 * media events are handed to it as they come, so the thread that tracks every call never waits for
 * a lookup here, and every change is judged against the one before it. Why a poll for
 * registrations: Kamailio writes them to its {@code location} table and tells nobody; reading a
 * watched tenant's live contacts is one indexed query, so every 5 s for up to {@code maxTenants}
 * tenants is cheap, and it also notices expiries, which change no row. Each API node raises what
 * it sees itself: the calls of the switches it follows, changes made through it, its own polls.
 */
public final class PresenceWatch implements Consumer<MediaEvent> {

    /** The event's wire name. */
    public static final String EVENT = "presence_change";

    private static final long ORDERED_WAIT_SECONDS = 30;

    private static final System.Logger LOG = System.getLogger(PresenceWatch.class.getName());

    private final PresenceSubjects subjects;
    private final TenantRepository tenants;
    private final Registrations registrations;
    private final TenantEventPublisher events;
    private final RaiseWebhookEvents webhooks;
    private final Clock clock;
    private final Executor ordered;
    private final PresenceLegs legs;
    private final Map<TenantId, Watched> watched;

    public PresenceWatch(PresenceSubjects subjects, TenantRepository tenants, Registrations registrations,
                         TenantEventPublisher events, RaiseWebhookEvents webhooks, ConfigurationChanges changes,
                         Clock clock, Executor ordered, int maxTenants, int maxLegs) {
        if (maxTenants < 1 || maxLegs < 1) {
            throw new IllegalArgumentException("maxTenants and maxLegs must be positive");
        }
        this.subjects = subjects;
        this.tenants = tenants;
        this.registrations = registrations;
        this.events = events;
        this.webhooks = webhooks;
        this.clock = clock;
        this.ordered = ordered;
        this.legs = new PresenceLegs(maxLegs);
        this.watched = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TenantId, Watched> eldest) {
                return size() > maxTenants;
            }
        };
        changes.onChange(this::extensionsChanged);
    }

    /** Runs on the media events' thread: only hands the event on. */
    @Override
    public void accept(MediaEvent event) {
        switch (event) {
            case MediaEvent.ChannelCreated created when created.extension() != null ->
                    ordered.execute(() -> created(created));
            case MediaEvent.ChannelAnswered answered -> ordered.execute(() -> answered(answered));
            case MediaEvent.ChannelHungUp hungUp -> ordered.execute(() -> hungUp(hungUp));
            default -> {
                // Holds, transfers, conferences and digits do not change presence.
            }
        }
    }

    /** Starts watching the tenant (a subscriber connected), or keeps it among the most recently active. */
    public void watch(TenantId tenant) {
        ordered.execute(() -> watched(tenant));
    }

    /** A watched tenant's extensions may have changed: reload them and raise what changed. */
    public void extensionsChanged(TenantId tenant) {
        ordered.execute(() -> reloadExtensions(tenant));
    }

    /**
     * Reads the registrations of every watched tenant, one query each, on the calling thread (a
     * scheduler's, not the ordered one, so slow reads hold up no call), and raises the changes.
     */
    public void pollRegistrations() {
        List<Snapshot> snapshots = onOrdered(this::snapshots);
        for (Snapshot snapshot : snapshots) {
            try {
                Set<String> registered = registrations.registered(snapshot.sipDomain(), snapshot.numbers());
                Instant at = clock.instant();
                ordered.execute(() -> registrationsRead(snapshot, registered, at));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not read the registrations of " + snapshot.tenant(), e);
            }
        }
    }

    /** How many tenants are watched (for tests and metrics); asked on the ordered thread. */
    public int watchedTenants() {
        return onOrdered(watched::size);
    }

    /** Waits a bounded time: a step the ordered executor drops never completes. */
    private <T> T onOrdered(java.util.function.Supplier<T> step) {
        return CompletableFuture.supplyAsync(step, ordered).orTimeout(ORDERED_WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    private void created(MediaEvent.ChannelCreated created) {
        // Loaded before the leg is added: the baseline is the presence the leg changes.
        Optional<Watched> tenant = watched(created.tenant());
        legs.created(created).ifPresent(leg -> tenant.ifPresent(t -> rederive(t, leg.extension(), created.at())));
    }

    private void answered(MediaEvent.ChannelAnswered answered) {
        legs.answered(answered.uuid(), answered.at()).ifPresent(leg -> changed(leg, answered.at()));
    }

    private void hungUp(MediaEvent.ChannelHungUp hungUp) {
        legs.hungUp(hungUp.uuid()).ifPresent(leg -> changed(leg, hungUp.at()));
    }

    private void changed(LiveChannel leg, Instant at) {
        Watched tenant = watched.get(leg.tenant());
        if (tenant != null) {
            rederive(tenant, leg.extension(), at);
        }
    }

    private Optional<Watched> watched(TenantId tenant) {
        Watched known = watched.get(tenant);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            Optional<Watched> loaded = tenants.findById(tenant).map(this::load);
            loaded.ifPresent(w -> watched.put(tenant, w));
            return loaded;
        } catch (RuntimeException e) {
            // Tried again with the tenant's next event.
            LOG.log(System.Logger.Level.WARNING, "Could not load the presence of tenant " + tenant, e);
            return Optional.empty();
        }
    }

    /** One read of the extensions and one of the registrations, as {@link ReadPresence} does. */
    private Watched load(Tenant tenant) {
        List<PresenceSubject> all = subjects.ofTenant(tenant.id());
        Set<String> registered = registrations.registered(tenant.sipDomain(), numbers(all));
        Watched loaded = new Watched(tenant.id(), tenant.sipDomain(), new HashMap<>());
        for (PresenceSubject extension : all) {
            String number = extension.number();
            boolean phone = registered.contains(number);
            loaded.byNumber().put(number, new Known(extension, phone, derive(extension, phone).status()));
        }
        return loaded;
    }

    private void reloadExtensions(TenantId tenant) {
        Watched known = watched.get(tenant);
        if (known == null) {
            return;
        }
        try {
            List<PresenceSubject> all = subjects.ofTenant(tenant);
            List<String> added = numbers(all).stream().filter(n -> !known.byNumber().containsKey(n)).toList();
            Set<String> registered = added.isEmpty() ? Set.of() : registrations.registered(known.sipDomain(), added);
            Map<String, Known> next = new HashMap<>();
            Instant at = clock.instant();
            for (PresenceSubject extension : all) {
                String number = extension.number();
                Known before = known.byNumber().get(number);
                boolean phone = before == null ? registered.contains(number) : before.registered();
                PresenceStatus status = derive(extension, phone).status();
                if (before != null && before.status() != status) {
                    raise(tenant, number, before.status(), status, at);
                }
                // A new extension starts from its presence; a deleted one is simply forgotten.
                next.put(number, new Known(extension, phone, status));
            }
            known.byNumber().clear();
            known.byNumber().putAll(next);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not reload the extensions of tenant " + tenant, e);
        }
    }

    private List<Snapshot> snapshots() {
        List<Snapshot> all = new ArrayList<>();
        // Iterating an access-ordered map must not reorder it, hence values() and no get().
        for (Watched tenant : watched.values()) {
            all.add(new Snapshot(tenant.tenant(), tenant.sipDomain(), List.copyOf(tenant.byNumber().keySet())));
        }
        return all;
    }

    private void registrationsRead(Snapshot snapshot, Set<String> registered, Instant at) {
        Watched tenant = watched.get(snapshot.tenant());
        if (tenant == null) {
            return;
        }
        for (String number : snapshot.numbers()) {
            Known known = tenant.byNumber().get(number);
            boolean phone = registered.contains(number);
            if (known != null && known.registered() != phone) {
                tenant.byNumber().put(number, new Known(known.extension(), phone, known.status()));
                rederive(tenant, number, at);
            }
        }
    }

    private void rederive(Watched tenant, String number, Instant at) {
        Known known = tenant.byNumber().get(number);
        if (known == null) {
            // Not one of the tenant's extensions (as last loaded): nothing to raise.
            return;
        }
        PresenceStatus status = derive(known.extension(), known.registered()).status();
        if (status != known.status()) {
            tenant.byNumber().put(number, new Known(known.extension(), known.registered(), status));
            raise(tenant.tenant(), number, known.status(), status, at);
        }
    }

    private ExtensionPresence derive(PresenceSubject extension, boolean registered) {
        return PresenceRules.of(extension, legs.of(extension.tenant(), extension.number()), registered);
    }

    private void raise(TenantId tenant, String number, PresenceStatus before, PresenceStatus now, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("extension", number);
        data.put("status", now.wireName());
        data.put("previous_status", before.wireName());
        var event = new TenantEvent(EVENT, tenant, number, data, at);
        webhooks.raiseOrHold(event);
        try {
            events.publish(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not raise " + EVENT + " for " + number + " of " + tenant, e);
        }
    }

    private static List<String> numbers(List<PresenceSubject> all) {
        return all.stream().map(PresenceSubject::number).toList();
    }

    /** A watched tenant: its extensions by number, changed only on the ordered thread. */
    private record Watched(TenantId tenant, String sipDomain, Map<String, Known> byNumber) {
    }

    /** What an extension's presence is derived from, besides its legs, and the status last raised. */
    private record Known(PresenceSubject extension, boolean registered, PresenceStatus status) {
    }

    private record Snapshot(TenantId tenant, String sipDomain, List<String> numbers) {
    }
}
