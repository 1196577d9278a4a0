package io.hfthot.server.web;

import io.hfthot.adapters.http.ClasspathFiles;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.lab.LabHttpSurface;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Swagger UI at {@code /v1/docs/}, served from the {@code org.webjars:swagger-ui} jar, showing the server's own
 * OpenAPI document ({@value LabHttpSurface#OPENAPI_PATH}). The WebJar's {@code swagger-initializer.js} (which points
 * at the Swagger petstore) is replaced by one pointing at that document; nothing else is changed.
 */
public final class ApiDocs {
    /** Where the documentation is served. */
    public static final String PATH = "/v1/docs";
    private static final String POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private ApiDocs() {
    }

    /**
     * Adds the documentation routes to a surface.
     *
     * @param builder the HFThot surface definition
     * @return the builder
     */
    public static HttpSurface.Builder mount(HttpSurface.Builder builder) {
        ClassLoader loader = ApiDocs.class.getClassLoader();
        String initializer = """
                window.onload = function () {
                  window.ui = SwaggerUIBundle({
                    url: "%s",
                    dom_id: "#swagger-ui",
                    deepLinking: true,
                    persistAuthorization: false,
                    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                    layout: "StandaloneLayout"
                  });
                };
                """.formatted(LabHttpSurface.OPENAPI_PATH);
        // The WebJar's files change only with its version: cache them for a day.
        return new ClasspathFiles(loader, "META-INF/resources/webjars/swagger-ui/" + webJarVersion(loader), PATH,
                "index.html", "public, max-age=86400",
                Map.of("swagger-initializer.js", initializer.getBytes(StandardCharsets.UTF_8))).mount(builder);
    }

    /** Reads the WebJar's version from its Maven metadata, so that upgrading the dependency needs no code change. */
    private static String webJarVersion(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException(POM + " is missing: the org.webjars:swagger-ui jar is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + POM + " failed", e);
        }
    }
}
