package io.hfthot.adapters.sse.hti;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hfthot.engine.hti.HtiConfig;
import io.hfthot.engine.hti.profile.IdeaFilters;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 001's Python client, the whole {@code __main__} flow with only {@code SERVER_URL} and
 * {@code CUSTOMER_API_CODE} replaced, against the HTI surface: auth, history, then the stream until it prints
 * a ready event, a ping and a new idea. Needs Debian's {@code /usr/bin/python3} with {@code python3-requests}.
 */
class HtiSeedPythonClientTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    private static void assumePython() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "Debian's /usr/bin/python3 is not installed");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import requests").start();
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "python3-requests is not installed");
    }

    @Test
    void seedClientAuthenticatesReadsHistoryAndReceivesAnIdeaOnTheStream() throws Exception {
        assumePython();
        try (HtiServerFixture f = new HtiServerFixture(dir.resolve("lab"), HtiConfig.defaults().withDemoCodes(false))) {
            String code = f.hti.issueCode("Python Desk", null, 120, IdeaFilters.all()).code();
            f.stepUntilIdeas(1);
            String source;
            try (InputStream in = getClass().getResourceAsStream("seed001/hti_client.py")) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String edited = source.replace("http://your-hti-environment:3500", f.base()).replace("YOUR_API_CODE", code);
            assertTrue(!edited.equals(source) && edited.contains(code));
            Path script = dir.resolve("hti_client.py");
            Files.writeString(script, edited);
            ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), "-u", script.toString()).redirectErrorStream(true);
            pb.environment().put("NO_PROXY", "127.0.0.1,localhost");
            pb.environment().remove("HTTP_PROXY");
            pb.environment().remove("http_proxy");
            Process p = pb.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                boolean stepped = false;
                for (String l; System.nanoTime() < deadline && (l = r.readLine()) != null; ) {
                    lines.add(l);
                    if (l.equals("STREAM READY") && !stepped) {
                        stepped = true;
                        // Ideas published after the stream connected: the seed's "new matching trade idea".
                        Thread t = new Thread(() -> f.stepUntilIdeas(5));
                        t.start();
                    }
                    if (l.equals("NEW IDEA RECEIVED") && lines.stream().anyMatch(x -> x.startsWith("[PING] "))) {
                        // Read the idea's block, then stop the long-lived client.
                        for (int i = 0; i < 8 && (l = r.readLine()) != null; i++) {
                            lines.add(l);
                        }
                        break;
                    }
                }
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            String out = String.join("\n", lines);
            assertTrue(out.contains("Account           : Python Desk"), out);
            assertTrue(out.contains("API Code          : " + code), out);
            assertTrue(out.contains("Valid Until       : Unlimited"), out);
            assertTrue(out.contains("Asset Classes     : ALL"), out);
            assertTrue(lines.stream().anyMatch(l -> l.matches("Returned Items    : [1-9][0-9]*")), out);
            assertTrue(out.contains("Requested Limit   : 10"), out);
            assertTrue(out.contains("STREAM READY") && out.contains("Poll Seconds      : 2.0"), out);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("[PING] 2026-")), out);
            int idea = lines.indexOf("NEW IDEA RECEIVED");
            assertTrue(idea > 0, out);
            assertTrue(lines.subList(idea, lines.size()).stream().anyMatch(l -> l.matches("Signal            : (BUY|SELL) (MARKET|LIMIT|STOP)")), out);
        }
    }
}
