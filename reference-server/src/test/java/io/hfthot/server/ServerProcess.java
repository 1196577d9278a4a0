package io.hfthot.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code target/hfthot-server.jar} run as a child process ({@code java -jar}), with its output in a file so that
 * it stays readable after the process has gone. Used by the tests that run in the {@code verify} phase.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTEN = Pattern.compile("^\\s+(.+?)\\s+https?://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** @return the shaded jar, checked to exist */
    static Path jar() {
        Path jar = Path.of("target", "hfthot-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("build the jar first: " + jar.toAbsolutePath());
        }
        return jar;
    }

    /**
     * Starts the jar.
     *
     * @param jvmOptions options before {@code -jar}, e.g. {@code -Xmx512m}
     * @param args       the server's arguments
     * @param env        extra environment variables
     * @param log        where stdout and stderr go
     * @return the process (not yet known to have started: see {@link #awaitStarted})
     */
    static ServerProcess start(List<String> jvmOptions, List<String> args, Map<String, String> env, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        return launch(command, env, log);
    }

    /**
     * Starts {@link Main} on this test JVM's class path (no shaded jar needed, so it runs in the test phase).
     *
     * @param jvmOptions options before the main class, e.g. {@code -Xmx512m}
     * @param args       the server's arguments
     * @param env        extra environment variables
     * @param log        where stdout and stderr go
     * @return the process (see {@link #awaitStarted})
     */
    static ServerProcess startMain(List<String> jvmOptions, List<String> args, Map<String, String> env, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        return launch(command, env, log);
    }

    private static ServerProcess launch(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        pb.environment().put("HFTHOT_ACCESS_LOG", "OFF");
        pb.environment().remove("HFTHOT_MASTER_KEY");
        pb.environment().putAll(env);
        return new ServerProcess(pb.start(), log);
    }

    /**
     * Waits until the server printed its banner's last line, or fails with its output when it exits first.
     *
     * @param timeoutSeconds how long to wait
     * @return the output so far
     */
    List<String> awaitStarted(int timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            List<String> lines = output();
            if (lines.stream().anyMatch(l -> l.startsWith("Stop with"))) {
                return lines;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + String.join("\n", lines));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no start within " + timeoutSeconds + " s:\n" + String.join("\n", output()));
    }

    /**
     * Waits for the process to exit by itself.
     *
     * @param timeoutSeconds how long to wait
     * @return the exit code
     */
    int awaitExit(int timeoutSeconds) throws InterruptedException, IOException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + timeoutSeconds + " s:\n" + String.join("\n", output()));
        }
        return process.exitValue();
    }

    /**
     * Returns the port printed on the banner line whose label starts with a prefix.
     *
     * @param labelPrefix e.g. {@code HFThot REST}
     * @return the port
     */
    int port(String labelPrefix) throws IOException {
        for (String line : output()) {
            Matcher m = LISTEN.matcher(line);
            if (m.find() && m.group(1).startsWith(labelPrefix)) {
                return Integer.parseInt(m.group(2));
            }
        }
        throw new AssertionError("no '" + labelPrefix + "' line in:\n" + String.join("\n", output()));
    }

    /** @return the output so far */
    List<String> output() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    /** @return the process */
    Process process() {
        return process;
    }

    /**
     * Reads the resident set size from {@code /proc/<pid>/status} (Linux).
     *
     * @return VmRSS in bytes
     */
    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new AssertionError("no VmRSS in /proc/" + process.pid() + "/status");
    }

    /** Stops with SIGTERM (the shutdown hook runs), then SIGKILL when it does not stop within 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
