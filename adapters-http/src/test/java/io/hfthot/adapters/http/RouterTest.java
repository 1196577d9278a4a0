package io.hfthot.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final RouteHandler list = r -> Response.ok("list");
    private final RouteHandler one = r -> Response.ok("one");
    private final RouteHandler stats = r -> Response.ok("stats");
    private final RouteHandler stop = r -> Response.ok("stop");
    private final RouteHandler delete = r -> Response.ok("delete");

    private Router router() {
        Router.Builder b = new Router.Builder();
        b.add("GET", "/api/agents", list);
        b.add("GET", "/api/agents/{id}", one);
        b.add("DELETE", "/api/agents/{id}", delete);
        b.add("GET", "/api/agents/stats", stats);
        b.add("POST", "/api/agents/{id}/stop", stop);
        return b.build();
    }

    @Test
    void matchesLiteralsAndParameters() {
        Router r = router();
        Router.Match m = r.match("GET", "/api/agents/42");
        assertSame(one, m.handler());
        assertEquals(Map.of("id", "42"), m.pathParams());
        assertEquals("/api/agents/{id}", m.pattern());
        assertSame(stop, r.match("POST", "/api/agents/7/stop").handler());
        assertEquals(Map.of("id", "7"), r.match("POST", "/api/agents/7/stop").pathParams());
        assertSame(list, r.match("GET", "/api/agents").handler());
    }

    @Test
    void aLiteralSegmentBeatsAParameterWhateverTheRegistrationOrder() {
        assertSame(stats, router().match("GET", "/api/agents/stats").handler());
    }

    @Test
    void aDeadEndLiteralBranchFallsBackToTheParameterBranch() {
        Router.Builder b = new Router.Builder();
        b.add("GET", "/a/{x}/c", one);
        b.add("GET", "/{y}/b/d", stats);
        Router r = b.build();
        assertSame(stats, r.match("GET", "/a/b/d").handler());
        assertEquals(Map.of("y", "a"), r.match("GET", "/a/b/d").pathParams());
        assertSame(one, r.match("GET", "/a/b/c").handler());
        assertEquals(Set.of("GET"), r.match("POST", "/a/b/d").allowed());
    }

    @Test
    void aTrailingSlashIsIgnored() {
        assertSame(list, router().match("GET", "/api/agents/").handler());
    }

    @Test
    void unknownPathIsNotFoundAndWrongMethodListsTheAllowedOnes() {
        Router r = router();
        Router.Match missing = r.match("GET", "/api/nothing");
        assertFalse(missing.found());
        assertFalse(missing.methodNotAllowed());
        Router.Match wrong = r.match("PUT", "/api/agents/42");
        assertTrue(wrong.methodNotAllowed());
        assertEquals(Set.of("GET", "DELETE"), wrong.allowed());
    }

    @Test
    void anEmptySegmentDoesNotMatchAParameter() {
        assertFalse(router().match("POST", List.of("api", "agents", "", "stop")).found());
    }

    @Test
    void rejectsDuplicatesAndMalformedPatterns() {
        Router.Builder b = new Router.Builder();
        b.add("GET", "/a/{id}", list);
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> b.add("get", "/a/{other}", one));
        assertTrue(dup.getMessage().contains("/a/{id}"), dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.add("GET", "a/b", one));
        assertThrows(IllegalArgumentException.class, () -> b.add("GET", "/a/{x", one));
        assertThrows(IllegalArgumentException.class, () -> b.add("GET", "/a/{x}/{x}", one));
        assertThrows(IllegalArgumentException.class, () -> b.add("G T", "/b", one));
    }

    @Test
    void decodesPercentEncodedSegmentsButKeepsPlusLiteral() {
        assertEquals(List.of("a b", "c/d", "e+f"), HttpSurface.decodeSegments("/a%20b/c%2Fd/e+f"));
        assertThrows(ApiException.class, () -> HttpSurface.decodeSegments("/bad%zz"));
    }

    @Test
    void gzipNegotiationHonoursQualityZero() {
        assertTrue(HttpSurface.acceptsGzip("gzip, deflate, br"));
        assertTrue(HttpSurface.acceptsGzip("br;q=1.0, gzip;q=0.8"));
        assertFalse(HttpSurface.acceptsGzip("gzip;q=0"));
        assertFalse(HttpSurface.acceptsGzip("identity"));
        assertFalse(HttpSurface.acceptsGzip(null));
    }
}
