package com.cloudpbx.http.testsupport;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.http.calls.ChunkedText;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/** Streams generated rows the way the call export does, to see the framework send them. */
@Controller("/test/csv")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CsvStreamController {

    private final ExecutorService blocking;

    public CsvStreamController(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
    }

    @Get(produces = {"text/csv", MediaType.APPLICATION_JSON})
    public HttpResponse<Publisher<byte[]>> rows(@QueryValue int rows, @QueryValue(defaultValue = "false") boolean fail) {
        ChunkedText csv = ChunkedText.start(blocking, "n\r\n", out -> {
            if (fail) {
                throw DomainException.invalid("rows", "refused before the first row");
            }
            for (int i = 0; i < rows; i++) {
                out.accept(i + "\r\n");
            }
        }, 4096, Duration.ofSeconds(10));
        csv.awaitStart();
        return HttpResponse.<Publisher<byte[]>>ok(csv.body())
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"calls.csv\"");
    }
}
