package io.hfthot.adapters.http.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.Router;
import io.hfthot.engine.lab.LabService;
import java.time.Clock;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the served OpenAPI document and the router agree: same paths, same methods, same gates. Run by
 * {@link LabRestEndToEndTest} on its engine (one engine start per module run is the expensive part).
 */
final class LabOpenApiChecks {
    private LabOpenApiChecks() {
    }

    static void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted(LabService engine) throws Exception {
        JsonNode doc = LabServerFixture.JSON.readTree(LabHttpSurface.openApiDocument());
        assertTrue(doc.path("openapi").asText().startsWith("3."));
        // The whole surface: its /v1/health is documented too.
        HttpSurface surface = LabHttpSurface.surface(engine, Clock.systemUTC(), LabHttpOptions.defaults());
        Router router = surface.router();
        Set<String> routed = new HashSet<>();
        for (LabRoute route : LabHttpSurface.routes(engine)) {
            assertTrue(router.match(route.method(), route.path()).found(), route.method() + " " + route.path());
            JsonNode op = doc.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
            assertTrue(op.isObject(), "OpenAPI lacks " + route.method() + " " + route.path());
            boolean secured = !op.has("security") || op.path("security").size() > 0;
            assertEquals(route.authenticated(), secured, "security of " + route.path());
            if (route.feature().isPresent()) {
                assertTrue(op.path("responses").has("403") || op.path("responses").has("429"),
                        route.path() + " documents its gate");
            }
            routed.add(route.method() + " " + route.path());
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<String> methods = p.getValue().fieldNames(); methods.hasNext(); ) {
                String m = methods.next().toUpperCase(Locale.ROOT);
                assertTrue(routed.contains(m + " " + p.getKey()) || router.match(m, p.getKey()).found(),
                        "documented but not routed: " + m + " " + p.getKey());
            }
        }
        assertTrue(surface.webSockets().containsKey(LabHttpSurface.STREAM_PATH));
    }

    static void everyReferenceResolves() throws Exception {
        JsonNode doc = LabServerFixture.JSON.readTree(LabHttpSurface.openApiDocument());
        List<String> refs = doc.findValuesAsText("$ref");
        assertTrue(refs.size() > 20);
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            JsonNode target = doc.at(ref.substring(1));
            assertTrue(target.isObject(), "unresolved " + ref);
        }
    }
}
