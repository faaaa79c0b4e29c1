package com.cloudpbx.app.settings;

import com.cloudpbx.freeswitch.media.FreeSwitchSettings;
import com.cloudpbx.freeswitch.simulated.SimulatorSettings;
import com.cloudpbx.http.calls.ExportSettings;
import com.cloudpbx.http.network.ForwardingSettings;
import com.cloudpbx.http.observability.LogSettings;
import com.cloudpbx.http.outbound.WebhookTargetSettings;
import com.cloudpbx.http.security.TokenSettings;
import com.cloudpbx.http.ws.SessionRecheckSettings;
import com.cloudpbx.http.xmlcurl.XmlCurlSettings;
import com.cloudpbx.storage.recordings.RecordingSettings;
import com.cloudpbx.storage.recordings.S3Settings;
import com.cloudpbx.storage.redis.RedisSettings;
import com.cloudpbx.storage.secrets.PasswordHashSettings;
import com.cloudpbx.storage.secrets.SecretKeySettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every {@code voip.*} setting: the {@code @ConfigurationProperties} records of all modules, each
 * living beside the code that reads it. The README's configuration table is checked against them.
 */
public final class ConfigurationRecords {

    public static final List<Class<? extends Record>> ALL = List.of(
            // app
            SipSettings.class, TurnServerSettings.class, ApiKeySettings.class, ApiKeyUsageSettings.class,
            IdempotencySettings.class, ParkSettings.class, ThreeWaySettings.class, ShutdownSettings.class,
            SuperadminSettings.class, RoutingSettings.class, PagingSettings.class, LoginSettings.class,
            WebhookSettings.class,
            // adapters-storage
            PasswordHashSettings.class, SecretKeySettings.class, RedisSettings.class, S3Settings.class,
            RecordingSettings.class,
            // adapters-http
            ExportSettings.class, ForwardingSettings.class, XmlCurlSettings.class, TokenSettings.class,
            LogSettings.class, SessionRecheckSettings.class, WebhookTargetSettings.class,
            // adapters-freeswitch
            FreeSwitchSettings.class, SimulatorSettings.class);

    private ConfigurationRecords() {
    }

    /** One setting: its property, the record component it binds to, and its default if it has one. */
    public record Setting(String property, RecordComponent component) {

        public Optional<String> defaultValue() {
            return Optional.ofNullable(component.getAccessor().getAnnotation(Bindable.class))
                    .map(Bindable::defaultValue).filter(value -> !value.isEmpty());
        }

        public boolean wholeNumber() {
            Class<?> type = component.getType();
            return type == int.class || type == long.class || type == Integer.class || type == Long.class;
        }
    }

    public static Stream<Setting> settings() {
        return ALL.stream().flatMap(type -> Arrays.stream(type.getRecordComponents())
                .map(component -> new Setting(prefix(type) + "." + kebab(component.getName()), component)));
    }

    public static Optional<Setting> setting(String property) {
        return settings().filter(setting -> setting.property().equals(property)).findFirst();
    }

    private static String prefix(Class<?> type) {
        return type.getAnnotation(ConfigurationProperties.class).value();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
