package com.cloudpbx.app;

import com.cloudpbx.http.network.AddressRange;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
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
    /** TURN credentials and xml_curl requests are only as strong as the shared secret they are signed with. */
    private static final int MIN_SHARED_SECRET_LENGTH = 16;
    /** The request headers the SDK sends, which a browser asks a preflight to allow. */
    private static final List<String> CORS_HEADERS =
            List.of("Authorization", "Content-Type", "X-API-Key", "X-Tenant-ID", "Idempotency-Key");

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
        properties.put("voip.secret-key", secrets.key());
        copy(properties, "VOIP_SUPERADMIN_EMAIL", "voip.superadmin.email");
        copy(properties, "VOIP_SUPERADMIN_PASSWORD", "voip.superadmin.password");
        copy(properties, "VOIP_SIP_DOMAIN_SUFFIX", "voip.sip.domain-suffix");
        copy(properties, "VOIP_SIP_SERVER", "voip.sip.server");
        copy(properties, "VOIP_SIP_WS_URI", "voip.sip.ws-uri");
        copy(properties, "VOIP_SIP_REGISTRAR", "voip.sip.registrar");
        copy(properties, sharedSecret("VOIP_TURN_SECRET"), "voip.turn.secret");
        copy(properties, "VOIP_TURN_URLS", "voip.turn.urls");
        copy(properties, "VOIP_TURN_TTL", "voip.turn.ttl-seconds");
        copy(properties, "VOIP_DB_CONNECTION_TIMEOUT_MS", "datasources.default.connection-timeout");
        // Checked now: the beans that read these are made at the first request, which would get a 500.
        wholeNumber(properties, "VOIP_EXPORT_MAX_CONCURRENT", "voip.export.max-concurrent", 1, 100);
        wholeNumber(properties, "VOIP_EXPORT_MAX_PER_TENANT", "voip.export.max-per-tenant", 1, 100);
        // Past 30 s a stalled client would hold an export connection longer than docs/api.md promises.
        wholeNumber(properties, "VOIP_EXPORT_STALL_SECONDS", "voip.export.stall-seconds", 1, 30);
        // Keys are kept for a day: a longer lease would never run out.
        wholeNumber(properties, "VOIP_IDEMPOTENCY_LEASE_SECONDS", "voip.idempotency.lease-seconds", 1, 86_400);
        copy(properties, "VOIP_LOG_FORMAT", "voip.log.format");
        copy(properties, "VOIP_SIM_ANSWER_MS", "voip.sim.answer-ms");
        copy(properties, "VOIP_SIM_OFFLINE", "voip.sim.offline");
        copy(properties, "VOIP_PARK_SLOTS", "voip.park.slots");
        copy(properties, "VOIP_THREE_WAY_ON_MODERATOR_HANGUP", "voip.three-way.on-moderator-hangup");
        // Beyond 30 s a socket could outlive its revoked credential longer than docs/api.md promises.
        value("VOIP_SESSION_RECHECK_SECONDS").ifPresent(v -> properties.put("voip.auth.session-recheck-seconds",
                wholeNumber("VOIP_SESSION_RECHECK_SECONDS", v, 1, 30)));
        copy(properties, "VOIP_FREESWITCH_HOSTS", "voip.freeswitch.hosts");
        FreeSwitchOptions.PROPERTIES.forEach((variable, property) -> copy(properties, variable, property));
        // Checked now, so that a bad value stops the start before anything else happens.
        FreeSwitchOptions.parse(this::value);
        copy(properties, sharedSecret("VOIP_XMLCURL_SECRET"), "voip.xmlcurl.secret");
        copy(properties, "VOIP_XMLCURL_ALLOWED", "voip.xmlcurl.allowed-addresses");
        copy(properties, "VOIP_TRUSTED_PROXIES", "voip.http.trusted-proxies");
        copy(properties, forwardedHeader(), "voip.http.forwarded-header");
        checkTrustedProxies();
        copy(properties, "MICRONAUT_SERVER_PORT", "micronaut.server.port");
        properties.putAll(cors());
        return properties;
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

    /** The variable's name, once its value (when set) names a header the server reads. */
    private String forwardedHeader() {
        value("VOIP_FORWARDED_HEADER").map(String::strip)
                .filter(header -> !header.equalsIgnoreCase("X-Forwarded-For") && !header.equalsIgnoreCase("Forwarded"))
                .ifPresent(other -> {
                    throw new StartupRefusal("VOIP_FORWARDED_HEADER must be X-Forwarded-For or Forwarded: the header"
                            + " the proxies in VOIP_TRUSTED_PROXIES write");
                });
        return "VOIP_FORWARDED_HEADER";
    }

    private void checkTrustedProxies() {
        value("VOIP_TRUSTED_PROXIES").ifPresent(list -> {
            try {
                AddressRange.parseAll(list);
            } catch (IllegalArgumentException e) {
                throw new StartupRefusal("VOIP_TRUSTED_PROXIES must be comma-separated IP addresses or CIDR blocks of"
                        + " the proxies in front of the server (e.g. 10.0.0.0/8,fd00::/8), got " + list);
            }
        });
    }

    private static Secrets checked(Secrets secrets) {
        if (secrets.jwt().length() < MIN_JWT_SECRET_LENGTH) {
            throw new StartupRefusal("VOIP_JWT_SECRET is too short: use at least " + MIN_JWT_SECRET_LENGTH
                    + " characters, e.g. `openssl rand -base64 48`.");
        }
        return secrets;
    }

    /** The variable's name, once its value (when set) is long enough. */
    private String sharedSecret(String variable) {
        value(variable).filter(secret -> secret.length() < MIN_SHARED_SECRET_LENGTH).ifPresent(tooShort -> {
            throw new StartupRefusal(variable + " is too short: use at least " + MIN_SHARED_SECRET_LENGTH
                    + " characters, e.g. `openssl rand -hex 32`.");
        });
        return variable;
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

    private void wholeNumber(Map<String, Object> properties, String variable, String property, int min, int max) {
        value(variable).ifPresent(v -> properties.put(property, String.valueOf(wholeNumber(variable, v, min, max))));
    }

    private static int wholeNumber(String variable, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // Refused below, with the allowed range.
        }
        throw new StartupRefusal(variable + " must be a whole number from " + min + " to " + max + ", got '"
                + value + "'");
    }

    private void copy(Map<String, Object> properties, String variable, String property) {
        value(variable).ifPresent(v -> properties.put(property, v));
    }

    private Optional<String> value(String variable) {
        return Optional.ofNullable(env.get(variable)).filter(v -> !v.isBlank());
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
