package com.cloudpbx.freeswitch.esl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class EslClientCommandTest extends EslClientTestSupport {

    @Test
    void bgapi_sends_the_command_with_a_job_uuid_chosen_by_the_client() throws Exception {
        connected();

        client.bgapi("uuid_kill 6f1c2a9e NORMAL_CLEARING", WAIT).get();

        assertThat(fake.commands()).last().asString()
                .matches("bgapi uuid_kill 6f1c2a9e NORMAL_CLEARING\nJob-UUID: [0-9a-f-]{36}");
    }

    @Test
    void bgapi_completes_with_the_background_job_output() throws Exception {
        fake.answerBgapi(command -> Optional.of("+OK a83b0d12-5e44-4f0a-b1c7-2d9e6f3a8c05\n"));
        connected();

        assertThat(client.bgapi("originate sofia/gateway/carrier-a/+14155550123 &park()", WAIT).get())
                .isEqualTo("+OK a83b0d12-5e44-4f0a-b1c7-2d9e6f3a8c05");
    }

    @Test
    void concurrent_jobs_answered_out_of_order_each_get_their_own_output() throws Exception {
        fake.holdJobs();
        connected();
        CompletableFuture<String> first = client.bgapi("uuid_getvar a billsec", WAIT);
        FakeFreeSwitch.Job firstJob = fake.nextHeldJob(WAIT);
        CompletableFuture<String> second = client.bgapi("uuid_getvar b billsec", WAIT);
        FakeFreeSwitch.Job secondJob = fake.nextHeldJob(WAIT);

        fake.finishJob(secondJob, "42\n");
        assertThat(second.get()).isEqualTo("42");
        assertThat(first).isNotDone();
        fake.finishJob(firstJob, "7\n");

        assertThat(first.get()).isEqualTo("7");
    }

    @Test
    void an_err_output_becomes_a_refused_command_carrying_the_reply() throws Exception {
        fake.answerBgapi(command -> Optional.of("-ERR NO_ROUTE_DESTINATION\n"));
        connected();

        ExecutionException failure = failureOf(client.bgapi("originate sofia/gateway/x/1 &park()", WAIT));

        assertThat(failure.getCause()).isInstanceOfSatisfying(EslCommandRefused.class, refused -> {
            assertThat(refused.reply()).isEqualTo("-ERR NO_ROUTE_DESTINATION");
            assertThat(refused.command()).startsWith("originate");
            assertThat(refused.mediaServer()).isEqualTo("127.0.0.1:" + fake.port());
        });
    }

    @Test
    void a_usage_answer_is_a_refused_command_too() throws Exception {
        fake.answerBgapi(command -> Optional.of("-USAGE: <uuid> [cause]\n"));
        connected();

        assertThat(failureOf(client.bgapi("uuid_kill", WAIT)).getCause()).isInstanceOf(EslCommandRefused.class);
    }

    @Test
    void output_that_is_not_ok_prefixed_still_counts_as_success() throws Exception {
        fake.answerBgapi(command -> Optional.of("{\"row_count\":0}\n"));
        connected();

        assertThat(client.bgapi("show channels as json", WAIT).get()).isEqualTo("{\"row_count\":0}");
    }

    @Test
    void a_job_without_an_answer_times_out() throws Exception {
        fake.holdJobs();
        connected();

        ExecutionException failure = failureOf(client.bgapi("originate sofia/gateway/x/1 &park()", Duration.ofMillis(150)));

        assertThat(failure.getCause()).isInstanceOf(EslCommandTimeout.class).hasMessageContaining("PT0.15S");
    }

    @Test
    void a_background_job_answering_after_its_timeout_is_passed_to_the_listener_instead() throws Exception {
        fake.holdJobs();
        connected();
        failureOf(client.bgapi("status", Duration.ofMillis(50)));

        fake.finishJob(fake.nextHeldJob(WAIT), "UP 0 years\n");

        assertThat(listener.nextEvent(WAIT).name()).isEqualTo("BACKGROUND_JOB");
    }

    @Test
    void a_job_pending_when_the_connection_drops_fails_as_unavailable() throws Exception {
        fake.holdJobs();
        connected();
        CompletableFuture<String> reply = client.bgapi("status", WAIT);
        fake.nextHeldJob(WAIT);

        fake.dropClients();

        assertThat(failureOf(reply).getCause()).isInstanceOf(EslUnavailable.class);
    }

    @Test
    void replies_complete_off_the_socket_thread_so_callers_may_block_in_them() throws Exception {
        fake.holdJobs();
        connected();
        CompletableFuture<String> thread = client.bgapi("status", WAIT).thenApply(ok -> Thread.currentThread().getName());

        fake.finishJob(fake.nextHeldJob(WAIT), "UP\n");

        assertThat(thread.get()).startsWith("esl-replies-");
    }

    private static ExecutionException failureOf(CompletableFuture<String> reply) {
        try {
            reply.get();
        } catch (ExecutionException e) {
            return e;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected the command to fail");
    }
}
