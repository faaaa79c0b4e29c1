package com.cloudpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.settings.ConfigurationRecords;
import com.cloudpbx.app.settings.ConfigurationRecords.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The README's configuration tables against what the server reads: every variable and setting is
 * documented with its default, and nothing is documented that the server does not read.
 */
class ConfigurationDocumentationTest {

    private static final Path README = Path.of("../README.md");
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]+|voip\\.[a-z0-9.-]+)`");

    @Test
    void everyVariableIsDocumentedAndEveryDocumentedVariableIsRead() throws IOException {
        Set<String> read = new HashSet<>(RuntimeSettings.VARIABLES.keySet());
        read.addAll(RuntimeSettings.LAUNCHER_VARIABLES);

        assertThat(documented("Variable").keySet()).containsExactlyInAnyOrderElementsOf(read);
    }

    @Test
    void eachVariableIsDocumentedWithTheDefaultOfItsSetting() throws IOException {
        Map<String, String> documented = documented("Variable");
        RuntimeSettings.VARIABLES.forEach((variable, property) -> defaultOf(property).ifPresent(value ->
                assertThat(documented.get(variable)).as(variable + " (" + property + ")").contains("`" + value + "`")));
    }

    @Test
    void everySettingWithoutAVariableIsDocumentedWithItsDefaultAndNoOtherIs() throws IOException {
        Map<String, String> documented = documented("Setting");
        Map<String, Setting> tuning = ConfigurationRecords.settings()
                .filter(setting -> !RuntimeSettings.VARIABLES.containsValue(setting.property()))
                .filter(setting -> !setting.property().equals(RuntimeSettings.SECRET_KEY_PROPERTY))
                .collect(Collectors.toMap(Setting::property, setting -> setting, (a, b) -> a, LinkedHashMap::new));

        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(tuning.keySet());
        tuning.values().forEach(setting -> setting.defaultValue().ifPresent(value ->
                assertThat(documented.get(setting.property())).as(setting.property()).contains("`" + value + "`")));
    }

    @Test
    void theExportPoolIsAsLargeAsTheExportsAllowedAtOnce() {
        String pool = String.valueOf(path(applicationYml(), "datasources", "export", "maximum-pool-size"));

        assertThat(pool).isEqualTo("${voip.export.max-concurrent:" + defaultOf("voip.export.max-concurrent")
                .orElseThrow() + "}");
    }

    /** A record's default, or for the framework's own properties, application.yml's value. */
    private static java.util.Optional<String> defaultOf(String property) {
        if (property.startsWith("voip.")) {
            return ConfigurationRecords.setting(property).flatMap(Setting::defaultValue);
        }
        return java.util.Optional.ofNullable(path(applicationYml(), property.split("\\."))).map(String::valueOf);
    }

    /**
     * Rows of the README table whose first column is headed {@code firstHeader}: each name in the
     * first column with its default from the last. A cell listing as many defaults as the row names
     * settings gives each its own, in order; otherwise each gets the whole cell.
     */
    private static Map<String, String> documented(String firstHeader) throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("| " + firstHeader + " |")) {
                inTable = true;
                continue;
            }
            if (!inTable || line.startsWith("| ---")) {
                continue;
            }
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split("\\s\\|\\s");
            List<String> names = matches(NAME, cells[0]);
            String defaults = cells[cells.length - 1].strip();
            List<String> each = splitDefaults(defaults);
            for (int i = 0; i < names.size(); i++) {
                rows.put(names.get(i), each.size() == names.size() ? each.get(i) : defaults);
            }
        }
        return rows;
    }

    private static List<String> splitDefaults(String cell) {
        List<String> parts = new ArrayList<>();
        for (String part : cell.split(",\\s+(?=(?:[^`]*`[^`]*`)*[^`]*$)")) {
            parts.add(part.strip());
        }
        return parts;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Map<String, Object> applicationYml() {
        try (InputStream yml = ConfigurationDocumentationTest.class.getResourceAsStream("/application.yml")) {
            return new Yaml().load(yml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> yml, String... keys) {
        Object node = yml;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return node;
    }
}
