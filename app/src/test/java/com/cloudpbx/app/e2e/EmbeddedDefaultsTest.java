package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cloudpbx.app.ServerLauncher;
import com.cloudpbx.app.ServerLauncher.RunningServer;
import com.cloudpbx.app.StartupRefusal;
import com.cloudpbx.core.identity.BootstrapSuperadmin;
import com.cloudpbx.storage.testing.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The launcher's embedded defaults (no {@code VOIP_DB_URL}: PostgreSQL and secrets under
 * {@code VOIP_DATA_DIR}) and its refusals when an external database comes without secrets.
 */
class EmbeddedDefaultsTest {

    private static final Map<String, Object> OVERRIDES = Map.of("micronaut.server.port", -1, "voip.bcrypt.cost", 4);
    private static final String EMAIL = "owner@embedded.test";
    private static final String PASSWORD = "embedded-superadmin-1";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void withOnlyADataDirTheServerRunsOnEmbeddedPostgresWithAGeneratedSuperadminPassword()
            throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (RunningServer server = launchPrintingTo(console, Map.of("VOIP_DATA_DIR", dataDir.toString()))) {
            assertThat(server.database()).as("the embedded PostgreSQL runs").isPresent();
            assertThat(server.database().get().dataDirectory()).startsWith(dataDir.toRealPath());

            Reply health = call(server, "GET", "/health", null, null);
            assertThat(health.status()).as(health.text()).isEqualTo(200);
            assertThat(health.json().get("status")).isEqualTo("UP");

            String generated = generatedPassword(console);
            Reply login = call(server, "POST", "/api/auth/superadmin-login", null,
                    Map.of("email", BootstrapSuperadmin.DEFAULT_EMAIL, "password", generated));
            assertThat(login.status()).as(login.text()).isEqualTo(200);
        }
    }

    @Test
    void theGeneratedSuperadminPasswordIsPrintedOnTheConsoleAndNeverLogged() {
        ListAppender<ILoggingEvent> log = captureLog();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (RunningServer ignored = launchPrintingTo(console, Map.of("VOIP_DATA_DIR", dataDir.toString()))) {
            String generated = generatedPassword(console);

            assertThat(log.list).isNotEmpty()
                    .noneMatch(event -> event.getFormattedMessage().contains(generated));
        } finally {
            releaseLog(log);
        }
    }

    @Test
    void generatedSecretsAreKeptInTheDataDirReadableByTheOwnerOnly() throws Exception {
        try (RunningServer ignored = ServerLauncher.launch(Map.of("VOIP_DATA_DIR", dataDir.toString()), OVERRIDES)) {
            Path secrets = dataDir.resolve("secrets.properties");

            assertThat(secrets).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
            String text = Files.readString(secrets);
            assertThat(text).contains("jwt-secret=").contains("secret-key=");
            assertThat(dataDir.resolve("secrets.properties.tmp")).doesNotExist();
        }
    }

    @Test
    void configuredSuperadminCredentialsAreUsedOnEmbeddedDefaults() throws Exception {
        try (RunningServer server = ServerLauncher.launch(embeddedEnv(), OVERRIDES)) {
            Reply login = call(server, "POST", "/api/auth/superadmin-login", null,
                    Map.of("email", EMAIL, "password", PASSWORD));

            assertThat(login.status()).as(login.text()).isEqualTo(200);
        }
    }

    @Test
    void aRestartOnTheSameDataDirKeepsDataTokensAndSipPasswords() throws Exception {
        String superToken;
        String adminToken;
        String tenantId;
        String extensionId;
        String secretsBefore;
        try (RunningServer first = ServerLauncher.launch(embeddedEnv(), OVERRIDES)) {
            superToken = (String) call(first, "POST", "/api/auth/superadmin-login", null,
                    Map.of("email", EMAIL, "password", PASSWORD)).json().get("token");
            Reply tenant = call(first, "POST", "/api/tenants", superToken, Map.of("companyName", "Persistent Co",
                    "subdomain", "persistent", "adminEmail", "admin@persistent.test", "adminPassword", "admin-password-1"));
            assertThat(tenant.status()).as(tenant.text()).isEqualTo(201);
            tenantId = (String) ((Map<?, ?>) tenant.json().get("tenant")).get("id");
            adminToken = (String) call(first, "POST", "/api/auth/admin-login", null,
                    Map.of("email", "admin@persistent.test", "password", "admin-password-1")).json().get("token");
            Reply extension = call(first, "POST", "/api/extensions", adminToken,
                    Map.of("extension", "4001", "password", "survives-restart", "displayName", "Durable"));
            assertThat(extension.status()).as(extension.text()).isEqualTo(201);
            extensionId = (String) ((Map<?, ?>) extension.json().get("extension")).get("id");
            secretsBefore = Files.readString(dataDir.resolve("secrets.properties"));
        }

        try (RunningServer second = ServerLauncher.launch(embeddedEnv(), OVERRIDES)) {
            Reply tenants = call(second, "GET", "/api/tenants", superToken, null);
            assertThat(tenants.status()).as("a token issued before the restart: " + tenants.text()).isEqualTo(200);
            List<Object> ids = ((List<?>) tenants.json().get("tenants")).stream()
                    .map(t -> ((Map<?, ?>) t).get("id")).map(Object.class::cast).toList();
            assertThat(ids).contains(tenantId);

            Reply credentials = call(second, "GET", "/api/extensions/" + extensionId + "/sip-credentials",
                    adminToken, null);
            assertThat(credentials.status()).as(credentials.text()).isEqualTo(200);
            assertThat(((Map<?, ?>) credentials.json().get("sipCredentials")).get("password"))
                    .isEqualTo("survives-restart");
            assertThat(Files.readString(dataDir.resolve("secrets.properties"))).isEqualTo(secretsBefore);
        }
    }

    @Test
    void anExternalDatabaseWithoutAJwtSecretIsRefusedNamingTheVariable() {
        Map<String, String> env = externalEnv();
        env.remove("VOIP_JWT_SECRET");

        assertThatThrownBy(() -> launchExpectingRefusal(env))
                .isInstanceOf(StartupRefusal.class).hasMessageContaining("VOIP_JWT_SECRET");
    }

    @Test
    void anExternalDatabaseWithoutASecretKeyIsRefusedNamingTheVariable() {
        Map<String, String> env = externalEnv();
        env.remove("VOIP_SECRET_KEY");

        assertThatThrownBy(() -> launchExpectingRefusal(env))
                .isInstanceOf(StartupRefusal.class).hasMessageContaining("VOIP_SECRET_KEY");
    }

    @Test
    void aTooShortJwtSecretIsRefusedNamingTheVariable() {
        Map<String, String> env = externalEnv();
        env.put("VOIP_JWT_SECRET", "too-short-secret");

        assertThatThrownBy(() -> launchExpectingRefusal(env))
                .isInstanceOf(StartupRefusal.class).hasMessageContaining("VOIP_JWT_SECRET")
                .hasMessageNotContaining("too-short-secret");
    }

    @Test
    void aFreeswitchSettingThatCannotBeUsedIsRefusedNamingTheVariable() {
        Map<String, String> env = externalEnv();
        env.put("VOIP_FREESWITCH_HOSTS", "127.0.0.1:9:s3cret");
        env.put("VOIP_FREESWITCH_COMMAND_TIMEOUT_MS", "ten seconds");

        assertThatThrownBy(() -> launchExpectingRefusal(env))
                .isInstanceOf(StartupRefusal.class).hasMessageContaining("VOIP_FREESWITCH_COMMAND_TIMEOUT_MS");
    }

    @Test
    void aSettingItsRecordRefusesStopsTheStartNamingTheVariableAndItsRange() {
        Map<String, String> env = externalEnv();
        env.put("VOIP_EXPORT_MAX_PER_TENANT", "0");

        assertThatThrownBy(() -> launchExpectingRefusal(env)).isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("VOIP_EXPORT_MAX_PER_TENANT must be a whole number from 1 to 100");
    }

    @Test
    void aTrustedProxyThatIsNoAddressStopsTheStartNamingTheVariable() {
        Map<String, String> env = externalEnv();
        env.put("VOIP_TRUSTED_PROXIES", "10.0.0.0/8,proxy.internal");

        assertThatThrownBy(() -> launchExpectingRefusal(env)).isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("VOIP_TRUSTED_PROXIES").hasMessageContaining("proxy.internal");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Map<String, String> embeddedEnv() {
        return Map.of("VOIP_DATA_DIR", dataDir.toString(), "VOIP_SUPERADMIN_EMAIL", EMAIL,
                "VOIP_SUPERADMIN_PASSWORD", PASSWORD);
    }

    private static Map<String, String> externalEnv() {
        TestDatabase.Database database = TestDatabase.freshDatabase();
        Map<String, String> env = new HashMap<>();
        env.put("VOIP_DB_URL", database.jdbcUrl());
        env.put("VOIP_DB_USER", database.user());
        env.put("VOIP_DB_PASSWORD", database.password());
        env.put("VOIP_JWT_SECRET", "a-jwt-secret-that-is-long-enough-for-the-server-0123");
        env.put("VOIP_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        env.put("VOIP_SUPERADMIN_EMAIL", EMAIL);
        env.put("VOIP_SUPERADMIN_PASSWORD", PASSWORD);
        return env;
    }

    /** Launches; a server that starts anyway is closed again so the failed expectation leaks nothing. */
    private static void launchExpectingRefusal(Map<String, String> env) {
        ServerLauncher.launch(env, OVERRIDES).close();
    }

    /** Launches with System.out captured while the server starts, where the generated password is printed. */
    private static RunningServer launchPrintingTo(ByteArrayOutputStream console, Map<String, String> env) {
        PrintStream realOut = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            return ServerLauncher.launch(env, OVERRIDES);
        } finally {
            System.setOut(realOut);
        }
    }

    /** Every log event of the server, whichever logger (and appender) it goes to. */
    private static ListAppender<ILoggingEvent> captureLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        rootLogger().addAppender(appender);
        ((Logger) LoggerFactory.getLogger("voip.access")).addAppender(appender);
        return appender;
    }

    private static void releaseLog(ListAppender<ILoggingEvent> appender) {
        rootLogger().detachAppender(appender);
        ((Logger) LoggerFactory.getLogger("voip.access")).detachAppender(appender);
        appender.stop();
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static String generatedPassword(ByteArrayOutputStream console) {
        Matcher printed = Pattern.compile("Created superadmin \\S+ with generated password (\\S+)")
                .matcher(console.toString(StandardCharsets.UTF_8));
        if (!printed.find()) {
            throw new AssertionError("no generated password on the console: " + console.toString(StandardCharsets.UTF_8));
        }
        return printed.group(1);
    }

    private record Reply(int status, String text, Map<String, Object> json) {
    }

    private Reply call(RunningServer server, String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        JsonMapper json = server.context().getBean(JsonMapper.class);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server().getPort() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> parsed = response.body().isBlank() ? Map.of()
                : json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        return new Reply(response.statusCode(), response.body(), parsed);
    }
}
