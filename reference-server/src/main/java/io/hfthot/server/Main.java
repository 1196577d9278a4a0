package io.hfthot.server;

import io.hfthot.adapters.http.hub.runner.AgentProcess;
import io.hfthot.server.cli.ImportCommand;
import io.hfthot.server.cli.OptimizeCommand;
import io.hfthot.server.logging.JulBridge;
import io.hfthot.server.logging.LoggingShutdown;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** Starts the reference server from the command line and stops it on SIGTERM or Ctrl+C. */
public final class Main {
    private Main() {
    }

    /**
     * Parses the configuration, starts the server, prints where it listens and waits for a signal; or, with
     * {@code import} as the first argument, runs the bar importer ({@link ImportCommand}) and exits; with
     * {@code optimize}, compacts the market tables ({@link OptimizeCommand}) and exits; with {@code agent}, runs one
     * hub agent for the hub's process runner ({@link AgentProcess}).
     *
     * @param args see {@link ServerConfig#usage()} and {@link ImportCommand#usage()}
     */
    public static void main(String[] args) {
        JulBridge.install();
        if (args.length > 0 && "import".equals(args[0])) {
            System.exit(ImportCommand.execute(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        if (args.length > 0 && "agent".equals(args[0])) {
            // One hub agent in this process (started by the hub's process runner; see AgentProcess).
            try {
                AgentProcess.main(Arrays.copyOfRange(args, 1, args.length));
            } catch (Exception e) {
                System.err.println("hfthot-server agent: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        if (args.length > 0 && "optimize".equals(args[0])) {
            System.exit(OptimizeCommand.execute(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(ServerConfig.usage());
            return;
        }
        ServerConfig config;
        try {
            config = ServerConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("hfthot-server: " + e.getMessage());
            System.err.print(ServerConfig.usage());
            System.exit(2);
            return;
        }
        ReferenceServer server;
        try {
            server = ReferenceServer.start(config);
        } catch (IOException | RuntimeException e) {
            System.err.println("hfthot-server: " + e.getMessage());
            System.exit(1);
            return;
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
    }
}
