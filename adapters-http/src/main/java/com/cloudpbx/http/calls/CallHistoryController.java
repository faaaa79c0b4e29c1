package com.cloudpbx.http.calls;

import com.cloudpbx.core.calls.CallHistoryQueries;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.http.calls.CallJson.CallBody;
import com.cloudpbx.http.calls.CallJson.CallList;
import com.cloudpbx.http.calls.CallJson.CallView;
import com.cloudpbx.http.calls.CallJson.StatsBody;
import com.cloudpbx.http.calls.CallJson.StatsView;
import com.cloudpbx.http.shared.Pagination;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * The call history: list with filters, one call, statistics and the CSV export. The literal
 * routes (/stats, /export) win over /{id} because Micronaut prefers the more specific match, and
 * an id must be a UUID anyway.
 */
@Controller("/api/calls")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Call history")
public class CallHistoryController {

    static final MediaType CSV = new MediaType("text/csv; charset=utf-8");
    // Large enough to keep the number of writes low, small enough that memory stays flat.
    private static final int CHUNK_CHARS = 32 * 1024;

    private final CallHistoryQueries queries;
    private final ExecutorService blocking;
    private final ExportAdmission admission;
    private final Duration stallTimeout;

    public CallHistoryController(CallHistoryQueries queries, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                                 ExportAdmission admission,
                                 ExportSettings settings) {
        this.queries = queries;
        this.blocking = blocking;
        this.admission = admission;
        this.stallTimeout = Duration.ofSeconds(settings.stallSeconds());
    }

    /** {@code tenantId} is read by the actor resolution, like the X-Tenant-ID header. */
    @Get
    public CallList list(@Parameter(hidden = true) Actor actor, @Nullable @QueryValue Integer page,
                         @Nullable @QueryValue Integer limit, @Nullable @QueryValue String direction,
                         @Nullable @QueryValue String status, @Nullable @QueryValue String dateFrom,
                         @Nullable @QueryValue String dateTo, @Nullable @QueryValue String extension,
                         @Nullable @QueryValue String number, @Nullable @QueryValue String forwarded,
                         @Nullable @QueryValue String forwardedTo, @Nullable @QueryValue UUID tenantId) {
        var found = queries.list(actor, new CallHistoryQueries.Filter(direction, status, dateFrom, dateTo,
                extension, number, forwarded, forwardedTo), PageRequest.of(page, limit));
        return new CallList(found.items().stream().map(CallView::of).toList(), Pagination.of(found));
    }

    /** {@code period}: today, 7d (default), 30d or 90d. */
    @Get("/stats")
    public StatsBody stats(@Parameter(hidden = true) Actor actor, @Nullable @QueryValue String period) {
        var stats = queries.stats(actor, period);
        return new StatsBody(StatsView.of(stats.stats(), stats.period()));
    }

    /**
     * The matching calls as CSV, newest first, streamed as they are read. Also answers clients
     * that ask for JSON (the SDK sends {@code Accept: application/json} on every request); errors
     * found before the first row are ordinary JSON errors. Exports run a few at a time (see
     * {@link ExportAdmission}), each on the exports' own connections; a client that reads nothing
     * for the stall timeout is cut off and its connection goes back to the pool.
     */
    @Get(value = "/export", produces = {"text/csv", MediaType.APPLICATION_JSON})
    public HttpResponse<Publisher<byte[]>> export(@Parameter(hidden = true) Actor actor,
                                                  @Nullable @QueryValue String dateFrom,
                                                  @Nullable @QueryValue String dateTo,
                                                  @Nullable @QueryValue String direction,
                                                  @Nullable @QueryValue Integer limit,
                                                  @Nullable @QueryValue String status,
                                                  @Nullable @QueryValue String extension,
                                                  @Nullable @QueryValue String number,
                                                  @Nullable @QueryValue String forwarded,
                                                  @Nullable @QueryValue String forwardedTo) {
        var filter = new CallHistoryQueries.Filter(direction, status, dateFrom, dateTo, extension, number, forwarded,
                forwardedTo);
        ExportAdmission.Slot slot = admission.admit(actor);
        ChunkedText csv;
        try {
            csv = ChunkedText.start(blocking, CallCsv.header(), out -> {
                try (slot) {
                    queries.export(actor, filter, limit, call -> out.accept(CallCsv.row(call)));
                }
            }, CHUNK_CHARS, stallTimeout);
        } catch (RuntimeException notStarted) {
            // The producer never ran, so it cannot free the slot itself.
            slot.close();
            throw notStarted;
        }
        csv.awaitStart();
        return HttpResponse.<Publisher<byte[]>>ok(csv.body())
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"calls.csv\"");
    }

    @Get("/{id}")
    public CallBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new CallBody(CallView.of(queries.get(actor, id)));
    }
}
