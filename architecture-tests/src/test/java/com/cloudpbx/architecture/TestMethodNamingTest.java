package com.cloudpbx.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tests read as specifications in one style: a lowerCamelCase sentence naming the behaviour
 * ({@code aRevokedKeyIsRefused}). Test classes are not on this module's classpath, so the rule reads
 * their sources.
 */
class TestMethodNamingTest {

    private static final Pattern TEST_MEMBER = Pattern.compile(
            "@(?:Test|ParameterizedTest|Property|Example|RepeatedTest|TestFactory|TestTemplate|ArchTest)\\b"
                    + "(?:\\([^)]*\\))?\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*"
                    + "(?:(?:public|protected|private|static|final|void)\\s+)*(?:[\\w.<>\\[\\]]+\\s+)?"
                    + "(\\w+)\\s*[(=]");
    private static final Pattern SENTENCE = Pattern.compile("[a-z][a-zA-Z0-9]*");

    @Test
    void everyTestIsNamedAsALowerCamelCaseSentence() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(TestMethodNamingTest::isTestSource)
                    .flatMap(TestMethodNamingTest::misnamedTests)
                    .toList();
        }
        assertEquals(List.of(), offenders, "tests named otherwise than as a lowerCamelCase sentence");
    }

    private static boolean isTestSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java") && path.contains("/src/test/java/") && !path.contains("/target/");
    }

    private static Stream<String> misnamedTests(Path file) {
        try {
            Matcher matcher = TEST_MEMBER.matcher(Files.readString(file));
            Stream.Builder<String> misnamed = Stream.builder();
            while (matcher.find()) {
                if (!SENTENCE.matcher(matcher.group(1)).matches()) {
                    misnamed.add(file.getFileName() + ": " + matcher.group(1));
                }
            }
            return misnamed.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
