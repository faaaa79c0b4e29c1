package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.cloudpbx.app.support.ApiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client SDK, unchanged, against the real server: {@code app/src/test/node/sdk-e2e.mjs} walks
 * a tenant's life, {@code sdk-calls-e2e.mjs} live calls on the simulated switch and
 * {@code sdk-routing-e2e.mjs} the routing resources, the call flows built from them and webhooks,
 * through the SDK's own methods. Skipped where Node.js 18+ or the SDK is missing.
 */
class SdkEndToEndTest {

    private static final String SDK = "shared/spec/sdk.mjs";
    private static final String SCRIPT = "app/src/test/node/sdk-e2e.mjs";
    private static final String CALLS_SCRIPT = "app/src/test/node/sdk-calls-e2e.mjs";
    private static final String THREE_WAY_SCRIPT = "app/src/test/node/sdk-threeway-e2e.mjs";
    private static final String ROUTING_SCRIPT = "app/src/test/node/sdk-routing-e2e.mjs";

    private static Path sdk;
    private static ApiServer api;

    @BeforeAll
    static void start() {
        Optional<Path> found = findSdk();
        assumeTrue(found.isPresent(), "the SDK (" + SDK + ") is not beside this repository");
        assumeTrue(nodeMajorVersion().orElse(0) >= 18, "Node.js 18 or newer is not on the PATH");
        sdk = found.get();
        // Phones answer after a second: the three-way walk merges before the third party answers, and
        // must be refused every time; every other step waits for what it needs by polling.
        api = ApiServer.start(java.util.Map.of("voip.sim.answer-ms", 1_000));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theSdkDrivesATenantFromCreationToDeletion() throws Exception {
        String log = runScript(SCRIPT);

        assertThat(log).contains("all SDK steps passed");
    }

    @Test
    void theSdkDrivesLiveCallsTheirRecordsAndConferences() throws Exception {
        String log = runScript(CALLS_SCRIPT);

        assertThat(log).contains("all SDK call steps passed");
    }

    @Test
    void theSdkThreeWayExamplesRunAsWritten() throws Exception {
        String log = runScript(THREE_WAY_SCRIPT);

        assertThat(log).contains("all SDK three-way steps passed");
    }

    @Test
    void theSdkDrivesEveryRoutingResourceAndTheCallFlowsBuiltFromThem() throws Exception {
        String log = runScript(ROUTING_SCRIPT);

        assertThat(log).contains("all SDK routing steps passed");
    }

    /** Runs a Node script against the server and returns its output, failing on a non-zero exit. */
    private static String runScript(String script) throws Exception {
        Path root = repositoryRoot(script);

        var process = new ProcessBuilder("node", script, api.baseUrl(), sdk.toString())
                .directory(root.toFile())
                .redirectErrorStream(true);
        process.environment().put("VOIP_SUPERADMIN_EMAIL", ApiServer.SUPERADMIN_EMAIL);
        process.environment().put("VOIP_SUPERADMIN_PASSWORD", ApiServer.SUPERADMIN_PASSWORD);
        Path output = Files.createTempFile("sdk-e2e", ".log");
        process.redirectOutput(output.toFile());
        Process running = process.start();
        boolean finished = running.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        System.out.println(log);

        assertThat(finished).as("the SDK script finished within 60 s:%n%s", log).isTrue();
        assertThat(running.exitValue()).as("the SDK script's output:%n%s", log).isZero();
        return log;
    }

    /**
     * Walks up from the working directory to the first directory that holds {@code shared/spec/sdk.mjs},
     * or whose parent does (the shared folder sits beside the clone).
     */
    private static Optional<Path> findSdk() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : dir.getParent() == null ? List.of(dir.resolve(SDK))
                    : List.of(dir.resolve(SDK), dir.getParent().resolve(SDK))) {
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate.normalize());
                }
            }
        }
        return Optional.empty();
    }

    /** The directory the script path is relative to: the first one upwards that holds it. */
    private static Path repositoryRoot(String script) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(script))) {
                return dir;
            }
        }
        throw new IllegalStateException(script + " is in no directory above " + Path.of("").toAbsolutePath());
    }

    private static Optional<Integer> nodeMajorVersion() {
        try {
            Process node = new ProcessBuilder(List.of("node", "--version")).redirectErrorStream(true).start();
            if (!node.waitFor(10, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                return Optional.empty();
            }
            String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            Matcher matcher = Pattern.compile("^v(\\d+)\\.").matcher(version);
            return node.exitValue() == 0 && matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1)))
                    : Optional.empty();
        } catch (IOException notInstalled) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
