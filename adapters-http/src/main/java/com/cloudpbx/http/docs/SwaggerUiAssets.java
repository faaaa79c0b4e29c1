package com.cloudpbx.http.docs;

import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Finds Swagger UI's files inside the org.webjars:swagger-ui jar, so /docs works without any CDN.
 * <p>
 * The webjar keeps its files under a directory named after its version; the version is read from
 * the webjar's own pom.properties so upgrading the dependency needs no code change. Only the files
 * the page uses are served: a name allow-list is simpler to trust than path normalisation.
 */
@Singleton
final class SwaggerUiAssets {

    static final Set<String> SERVED = Set.of(
        "swagger-ui.css",
        "swagger-ui-bundle.js",
        "swagger-ui-standalone-preset.js",
        "favicon-16x16.png",
        "favicon-32x32.png");

    private static final String POM_PROPERTIES = "classpath:META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String ASSETS_ROOT = "classpath:META-INF/resources/webjars/swagger-ui/";

    private final ResourceResolver resources;
    private final String version;

    SwaggerUiAssets(ResourceResolver resources) {
        this.resources = resources;
        this.version = readVersion(resources);
    }

    Optional<URL> find(String name) {
        if (!SERVED.contains(name)) {
            return Optional.empty();
        }
        return resources.getResource(ASSETS_ROOT + version + "/" + name);
    }

    private static String readVersion(ResourceResolver resources) {
        InputStream in = resources.getResourceAsStream(POM_PROPERTIES)
            .orElseThrow(() -> new IllegalStateException("org.webjars:swagger-ui is not on the classpath"));
        try (in) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + POM_PROPERTIES, e);
        }
    }
}
