package io.hfthot.smoke;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reactor's {@code reference-server/target/hfthot-server.jar} (system property {@code hfthot.server.jar}) run
 * as a child process on ephemeral ports with a temporary data directory and a small history; its banner gives
 * the bound HTTP port and the demo keys.
 */
final class ReferenceServer implements AutoCloseable {
    private static final Pattern HTTP = Pattern.compile("^\\s+HFThot REST \\+ WebSocket\\s+http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern KEY = Pattern.compile("^\\s+(Free Beta|Hobbyist|Professional|Enterprise)\\s+(hft_\\S+)");
    private static final int START_SECONDS = 120;

    private final Process process;
    private final Path log;

    private ReferenceServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the server and waits for the last banner line.
     *
     * @param dataDir an empty directory for its data
     * @return the started server
     */
    static ReferenceServer start(Path dataDir) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("hfthot.server.jar", "missing: set -Dhfthot.server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no server jar at " + jar.toAbsolutePath() + ": package the reactor first");
        }
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", jar.toString(), "--http-port", "0", "--mm-port", "0", "--hti-port", "0", "--hub-port", "0", "--grpc-port", "0", "--management-port", "0",
                "--history", "small", "--data-dir", dataDir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ReferenceServer server = new ReferenceServer(p, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (server.output().stream().noneMatch(l -> l.startsWith("Stop with"))) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server exited with " + p.exitValue() + ":\n" + server.text());
            }
            if (System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("no start within " + START_SECONDS + " s:\n" + server.text());
            }
            Thread.sleep(100);
        }
        return server;
    }

    /** @return the base URI of seed 000's REST API, e.g. {@code http://127.0.0.1:41234} */
    String baseUri() throws IOException {
        return "http://127.0.0.1:" + find(HTTP, 1, null);
    }

    /**
     * The demo key of a tier, as the banner prints it.
     *
     * @param tier e.g. {@code Professional}
     * @return the key
     */
    String demoKey(String tier) throws IOException {
        return find(KEY, 2, tier);
    }

    private String find(Pattern pattern, int group, String firstGroup) throws IOException {
        for (String line : output()) {
            Matcher m = pattern.matcher(line);
            if (m.find() && (firstGroup == null || m.group(1).equals(firstGroup))) {
                return m.group(group);
            }
        }
        throw new IllegalStateException("no line matching " + pattern + " in the banner:\n" + text());
    }

    private List<String> output() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private String text() throws IOException {
        return String.join("\n", output());
    }

    /** Stops with SIGTERM, then SIGKILL when the server has not stopped within 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
