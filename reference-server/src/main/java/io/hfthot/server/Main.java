package io.hfthot.server;

import io.hfthot.server.cli.ImportCommand;
import io.hfthot.server.cli.OptimizeCommand;
import io.hfthot.server.logging.JsonLogs;
import io.hfthot.server.logging.JulBridge;
import io.hfthot.server.logging.LoggingShutdown;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** Starts the reference server from the command line and stops it on SIGTERM or Ctrl+C. */
public final class Main {
    private Main() {
    }

    /** What {@link #serve} returns: the server ran and stopped on a signal; the JVM ends on its own. */
    private static final int STOPPED = -1;

    /**
     * Runs the command line ({@link ServerCommandLine}): {@code serve} (the default) starts the server, prints where
     * it listens and waits for a signal; {@code import} loads bars ({@link ImportCommand}); {@code optimize} compacts
     * the market tables ({@link OptimizeCommand}); {@code agent} runs one hub agent for the hub's process
     * runner; {@code --help} on each describes it.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        JulBridge.install();
        int code = ServerCommandLine.run(args, System.getenv(), System.out, System.err, Main::serve);
        // After a command (or help) the process ends with its code: background threads of the lakehouse or DuckDB
        // must not keep it alive. After serving, the shutdown hook has run and the JVM is already ending.
        if (code != STOPPED) {
            System.exit(code);
        }
    }

    private static int serve(ServerConfig config) {
        if (config.operations().jsonLogs()) {
            JsonLogs.install();
        }
        ReferenceServer server;
        try {
            server = ReferenceServer.start(config);
        } catch (IOException | RuntimeException e) {
            System.err.println("hfthot-server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("HFThot reference server stopping");
            server.close();
            System.out.println("HFThot reference server stopped");
            System.out.flush();
            LoggingShutdown.stopBackend();
            stopped.countDown();
        }, "hfthot-shutdown"));
        System.out.println("HFThot reference server started");
        server.describe().forEach(line -> System.out.println("  " + line));
        System.out.println("Stop with Ctrl+C or SIGTERM.");
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return STOPPED;
    }
}
