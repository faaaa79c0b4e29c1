package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same SIGTERM rounds against the packaged jar itself ({@code java -jar app/target/voip-server.jar}),
 * as operators run it: run by failsafe in the integration-test phase, after the jar is built.
 */
class SigtermShutdownJarIT extends SigtermShutdownTest {

    @BeforeAll
    static void theJarIsBuilt() {
        String jar = System.getProperty(ServerProcess.JAR_PROPERTY);
        assertThat(jar).as("system property " + ServerProcess.JAR_PROPERTY).isNotBlank();
        assertThat(Files.isRegularFile(Path.of(jar))).as(jar).isTrue();
    }
}
