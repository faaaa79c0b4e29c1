package com.cloudpbx.app;

import com.cloudpbx.app.settings.ConfigurationRecords;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Turns the process environment into the server's configuration. With {@code VOIP_DB_URL} the
 * server runs against that database and every secret must be given; without it, it runs on the
 * embedded defaults under {@code VOIP_DATA_DIR} and generates the secrets once.
 */
public final class RuntimeSettings {

    private static final int MIN_JWT_SECRET_LENGTH = 32;
    /** The request headers the SDK sends, which a browser asks a preflight to allow. */
    private static final List<String> CORS_HEADERS =
            List.of("Authorization", "Content-Type", "X-API-Key", "X-Tenant-ID", "Idempotency-Key");

    /**
     * The variables read from the environment and the property each one sets; the settings records
     * say what each property may hold and its default. The database, the secrets and the CORS origins
     * are read below, as they decide more than one property.
     */
    static final Map<String, String> VARIABLES = variables(
            "VOIP_SUPERADMIN_EMAIL", "voip.superadmin.email",
            "VOIP_SUPERADMIN_PASSWORD", "voip.superadmin.password",
            "VOIP_SIP_DOMAIN_SUFFIX", "voip.sip.domain-suffix",
            "VOIP_SIP_SERVER", "voip.sip.server",
            "VOIP_SIP_WS_URI", "voip.sip.ws-uri",
            "VOIP_SIP_REGISTRAR", "voip.sip.registrar",
            "VOIP_TURN_SECRET", "voip.turn.secret",
            "VOIP_TURN_URLS", "voip.turn.urls",
            "VOIP_TURN_TTL", "voip.turn.ttl-seconds",
            "VOIP_DB_CONNECTION_TIMEOUT_MS", "datasources.default.connection-timeout",
            "VOIP_EXPORT_MAX_CONCURRENT", "voip.export.max-concurrent",
            "VOIP_EXPORT_MAX_PER_TENANT", "voip.export.max-per-tenant",
            "VOIP_EXPORT_STALL_SECONDS", "voip.export.stall-seconds",
            "VOIP_IDEMPOTENCY_LEASE_SECONDS", "voip.idempotency.lease-seconds",
            "VOIP_LOG_FORMAT", "voip.log.format",
            "VOIP_SIM_ANSWER_MS", "voip.sim.answer-ms",
            "VOIP_SIM_OFFLINE", "voip.sim.offline",
            "VOIP_PARK_SLOTS", "voip.park.slots",
            "VOIP_THREE_WAY_ON_MODERATOR_HANGUP", "voip.three-way.on-moderator-hangup",
            "VOIP_SESSION_RECHECK_SECONDS", "voip.auth.session-recheck-seconds",
            "VOIP_REDIS_URL", "voip.redis.url",
            "VOIP_REDIS_KEY_PREFIX", "voip.redis.key-prefix",
            "VOIP_REDIS_COMMAND_TIMEOUT_MS", "voip.redis.command-timeout-ms",
            "VOIP_FREESWITCH_HOSTS", "voip.freeswitch.hosts",
            "VOIP_FREESWITCH_COMMAND_TIMEOUT_MS", "voip.freeswitch.command-timeout-ms",
            "VOIP_FREESWITCH_RING_TIMEOUT_SECONDS", "voip.freeswitch.ring-timeout-seconds",
            "VOIP_FREESWITCH_CONFERENCE_PROFILE", "voip.freeswitch.conference-profile",
            "VOIP_FREESWITCH_SIP_PROFILE", "voip.freeswitch.sip-profile",
            "VOIP_FREESWITCH_SIP_PROXY", "voip.freeswitch.sip-proxy",
            "VOIP_FREESWITCH_EVENT_LEASE_SECONDS", "voip.freeswitch.event-lease-seconds",
            "VOIP_XMLCURL_SECRET", "voip.xmlcurl.secret",
            "VOIP_XMLCURL_ALLOWED", "voip.xmlcurl.allowed-addresses",
            "VOIP_TRUSTED_PROXIES", "voip.http.trusted-proxies",
            "VOIP_FORWARDED_HEADER", "voip.http.forwarded-header",
            "VOIP_S3_BUCKET", "voip.s3.bucket",
            "VOIP_S3_REGION", "voip.s3.region",
            "VOIP_S3_ENDPOINT", "voip.s3.endpoint",
            "VOIP_S3_PATH_STYLE", "voip.s3.path-style",
            "VOIP_RECORDINGS_LOCAL_DIR", "voip.recordings.local-dir",
            "VOIP_WEBHOOK_ALLOW_PRIVATE_TARGETS", "voip.webhooks.allow-private-targets",
            "VOIP_WEBHOOK_ALLOWED_PORTS", "voip.webhooks.allowed-ports",
            "VOIP_WEBHOOK_CONNECT_TIMEOUT_SECONDS", "voip.webhooks.connect-timeout-seconds",
            "VOIP_WEBHOOK_READ_TIMEOUT_SECONDS", "voip.webhooks.read-timeout-seconds",
            "MICRONAUT_SERVER_PORT", "micronaut.server.port");

    /** Recordings kept on local disk go under the data directory unless VOIP_RECORDINGS_LOCAL_DIR says otherwise. */
    static final String RECORDINGS_DIR_PROPERTY = "voip.recordings.local-dir";

    /** Set from VOIP_SECRET_KEY, or the generated key on the embedded defaults. */
    static final String SECRET_KEY_PROPERTY = "voip.secret-key";

    /** Read by the launcher itself, for the database and the secrets, or for more than one property. */
    static final List<String> LAUNCHER_VARIABLES = List.of("VOIP_DB_URL", "VOIP_DB_USER", "VOIP_DB_PASSWORD",
            "VOIP_DATA_DIR", "VOIP_JWT_SECRET", "VOIP_SECRET_KEY", "VOIP_CORS_ORIGINS");

    private final Map<String, String> env;

    public RuntimeSettings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public boolean embeddedDatabase() {
        return value("VOIP_DB_URL").isEmpty();
    }

    public Path dataDirectory() {
        return value("VOIP_DATA_DIR").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".voip-server"));
    }

    /** Properties for the application context; {@code database} is where the data lives. */
    public Map<String, Object> properties(DatabaseCoordinates database) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", database.url());
        properties.put("datasources.default.username", database.user());
        properties.put("datasources.default.password", database.password());
        // Named, so that an operator tells the exports' sessions apart in pg_stat_activity.
        properties.put("datasources.export.url", withParameter(database.url(), "ApplicationName=voip-server-exports"));
        properties.put("datasources.export.username", database.user());
        properties.put("datasources.export.password", database.password());
        Secrets secrets = secrets();
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", secrets.jwt());
        properties.put(SECRET_KEY_PROPERTY, secrets.key());
        properties.put(RECORDINGS_DIR_PROPERTY, dataDirectory().resolve("recordings").toString());
        VARIABLES.forEach((variable, property) -> value(variable).ifPresent(v -> properties.put(property,
                ConfigurationRecords.setting(property).filter(ConfigurationRecords.Setting::wholeNumber)
                        .map(setting -> wholeNumber(setting, variable, v)).orElse(v))));
        properties.putAll(cors());
        return properties;
    }

    /**
     * A number that is no number is refused here, naming its variable: the context would only say
     * which constructor argument it could not convert. Ranges and every other rule are the
     * settings records' own, checked as the context creates them.
     */
    private static String wholeNumber(ConfigurationRecords.Setting setting, String variable, String text) {
        try {
            return String.valueOf(Long.parseLong(text.strip()));
        } catch (NumberFormatException notANumber) {
            throw new StartupRefusal(SettingsRefusals.rule(setting, variable) + ", got '" + text + "'");
        }
    }

    public DatabaseCoordinates externalDatabase() {
        return new DatabaseCoordinates(value("VOIP_DB_URL").orElseThrow(),
                value("VOIP_DB_USER").orElse(""), value("VOIP_DB_PASSWORD").orElse(""));
    }

    private Secrets secrets() {
        Optional<String> jwt = value("VOIP_JWT_SECRET");
        Optional<String> key = value("VOIP_SECRET_KEY");
        if (!embeddedDatabase()) {
            String jwtSecret = jwt.orElseThrow(() -> new StartupRefusal(
                    "VOIP_JWT_SECRET is not set: with an external database (VOIP_DB_URL) the server needs a JWT signing"
                            + " secret of at least " + MIN_JWT_SECRET_LENGTH + " characters, e.g. `openssl rand -base64 48`."));
            String secretKey = key.orElseThrow(() -> new StartupRefusal(
                    "VOIP_SECRET_KEY is not set: with an external database (VOIP_DB_URL) the server needs the AES key"
                            + " that encrypts SIP passwords (32 bytes, base64 or hex), e.g. `openssl rand -base64 32`."));
            return checked(new Secrets(jwtSecret, secretKey));
        }
        Properties stored = new LocalSecrets(dataDirectory(), new SecureRandom()).loadOrCreate();
        return checked(new Secrets(jwt.orElse(stored.getProperty(LocalSecrets.JWT_SECRET)),
                key.orElse(stored.getProperty(LocalSecrets.SECRET_KEY))));
    }

    private static Secrets checked(Secrets secrets) {
        if (secrets.jwt().length() < MIN_JWT_SECRET_LENGTH) {
            throw new StartupRefusal("VOIP_JWT_SECRET is too short: use at least " + MIN_JWT_SECRET_LENGTH
                    + " characters, e.g. `openssl rand -base64 48`.");
        }
        return secrets;
    }

    /**
     * Cross-origin browser access only for the origins in {@code VOIP_CORS_ORIGINS}: without it CORS
     * is off, so no response carries Access-Control-Allow-* headers and other sites' scripts cannot
     * read them.
     */
    private Map<String, Object> cors() {
        List<String> origins = value("VOIP_CORS_ORIGINS").stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .toList();
        if (origins.isEmpty()) {
            return Map.of("micronaut.server.cors.enabled", false);
        }
        String prefix = "micronaut.server.cors.configurations.web.";
        return Map.of("micronaut.server.cors.enabled", true,
                prefix + "allowed-origins", origins,
                prefix + "allowed-headers", CORS_HEADERS,
                prefix + "exposed-headers", List.of("Idempotent-Replayed", "Retry-After"),
                // The SDK authenticates with headers, not cookies: a browser need not send any.
                prefix + "allow-credentials", false);
    }

    private static String withParameter(String jdbcUrl, String parameter) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + parameter;
    }

    private Optional<String> value(String variable) {
        return Optional.ofNullable(env.get(variable)).filter(v -> !v.isBlank());
    }

    private static Map<String, String> variables(String... pairs) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(variables);
    }

    private record Secrets(String jwt, String key) {
    }

    /** Where the database is and how to log in to it. */
    public record DatabaseCoordinates(String url, String user, String password) {

        @Override
        public String toString() {
            return "DatabaseCoordinates[" + url + "]";
        }
    }
}
