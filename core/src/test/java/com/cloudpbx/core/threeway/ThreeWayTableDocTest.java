package com.cloudpbx.core.threeway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The table in docs/three-way-calling.md is the machine's own output: this test fails when they
 * differ. Run with {@code -Dthreeway.docs.write=true} to rewrite the docs from the code.
 */
class ThreeWayTableDocTest {

    private static final Path DOC = Path.of("..", "docs", "three-way-calling.md");

    @Test
    void theDocumentedTableIsWhatTheMachineDoesWithTheBridgePolicy() throws IOException {
        checkSection("bridge", ThreeWayTable.render(new ThreeWayMachine(ModeratorHangupPolicy.BRIDGE)));
    }

    @Test
    void theDocumentedTableIsWhatTheMachineDoesWithTheReleasePolicy() throws IOException {
        checkSection("release", ThreeWayTable.render(new ThreeWayMachine(ModeratorHangupPolicy.RELEASE)));
    }

    @Test
    void theDocumentedDiagramIsDrawnFromTheMachine() throws IOException {
        checkSection("diagram", ThreeWayTable.diagram(new ThreeWayMachine(ModeratorHangupPolicy.BRIDGE)));
    }

    private static void checkSection(String name, String rendered) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String start = "<!-- table:" + name + ":start -->\n";
        String end = "<!-- table:" + name + ":end -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        assertThat(from).as("%s in %s", start.strip(), DOC).isNotNegative();
        assertThat(to).as("%s in %s", end, DOC).isGreaterThan(from);
        if (Boolean.getBoolean("threeway.docs.write")) {
            Files.writeString(DOC, doc.substring(0, from + start.length()) + rendered + doc.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc.substring(from + start.length(), to))
                .as("the %s table in %s (regenerate with -Dthreeway.docs.write=true)", name, DOC)
                .isEqualTo(rendered);
    }
}
