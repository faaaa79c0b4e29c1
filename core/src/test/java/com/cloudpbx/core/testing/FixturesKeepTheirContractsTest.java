package com.cloudpbx.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fixture that stands in for a port in use-case tests is only as good as its likeness to the
 * adapters: each one is run through the port's contract suite, by a test named after it
 * ({@code MapParkSlots} → {@code MapParkSlotsTest extends ParkSlotsContract}).
 */
class FixturesKeepTheirContractsTest {

    /**
     * Fixtures that are deliberately partial and kept out of their port's suite (they ignore
     * changes, or record commands instead of carrying calls). Nothing new joins this list: a new
     * fixture passes its port's contract.
     */
    private static final Set<String> NOT_YET_HELD_TO_A_CONTRACT = Set.of(
            "com.cloudpbx.core.calls.RecordingMediaServer",
            "com.cloudpbx.core.testing.CountingExtensions",
            "com.cloudpbx.core.testing.ListExtensions",
            "com.cloudpbx.core.testing.ListTenants");

    @Test
    void everyTopLevelFixtureOfAPortPassesThatPortsContract() throws Exception {
        List<String> unchecked = new ArrayList<>();
        for (Class<?> fixture : topLevelTestClasses()) {
            if (implementsAPort(fixture) && !NOT_YET_HELD_TO_A_CONTRACT.contains(fixture.getName())
                    && contractTestOf(fixture).isEmpty()) {
                unchecked.add(fixture.getName());
            }
        }

        assertThat(unchecked).as("fixtures of a port without a <Fixture>Test extending the port's contract")
                .isEmpty();
    }

    @Test
    void theFixturesNotYetHeldToAContractStillExist() throws Exception {
        List<String> names = topLevelTestClasses().stream().map(Class::getName).toList();

        assertThat(names).containsAll(NOT_YET_HELD_TO_A_CONTRACT);
    }

    private static boolean implementsAPort(Class<?> type) {
        return !type.isInterface() && Arrays.stream(type.getInterfaces())
                .anyMatch(i -> i.getPackageName().matches("com\\.cloudpbx\\.core\\.\\w+\\.port"));
    }

    private static Optional<Class<?>> contractTestOf(Class<?> fixture) {
        try {
            Class<?> test = Class.forName(fixture.getName() + "Test");
            Class<?> parent = test.getSuperclass();
            return parent != null && parent.getSimpleName().endsWith("Contract") ? Optional.of(test) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The classes compiled from this module's test sources, found beside this one. */
    private static List<Class<?>> topLevelTestClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(FixturesKeepTheirContractsTest.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(file).toString();
                if (relative.contains("$") || relative.endsWith("package-info.class")) {
                    continue;
                }
                String name = relative.substring(0, relative.length() - ".class".length())
                        .replace(file.getFileSystem().getSeparator(), ".");
                classes.add(Class.forName(name, false, FixturesKeepTheirContractsTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
