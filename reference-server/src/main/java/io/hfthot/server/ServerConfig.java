package io.hfthot.server;

import io.hfthot.adapters.http.RequestLimits;
import io.hfthot.adapters.http.TlsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reference server's configuration, from command-line flags, then environment variables, then
 * defaults (a flag beats its variable).
 *
 * @param bindHost        the interface every listener binds; loopback by default so a fresh start exposes
 *                        nothing to the network ({@code --bind 0.0.0.0} to serve other machines)
 * @param httpPort        HFThot REST + WebSocket (seed 000), default 8080
 * @param htiPort         HTI client API with SSE (seeds 001/002), default 3500
 * @param marketMakerPort market-maker bot backend (seed 003), default 8002
 * @param hubPort         agents hub (seed 004), default 9000
 * @param grpcPort        HFThot gRPC (seed 000), default 50053
 * @param dataDir         where state lives; created on first start
 * @param tls             serve HTTPS/WSS on every listener from this PKCS#12 keystore
 * @param corsOrigins     origins allowed to call the APIs from a browser ({@code *} for any); empty: none
 * @param virtualThreads  run request handlers on virtual threads (JDK 21+)
 * @param shutdownGrace   how long a stop waits for in-flight requests
 * @param seed            seed of the market simulator (same seed, same simulated market)
 * @param history         how much simulated history the first start writes to the lakehouse
 * @param demoKeys        whether the first start issues one demo API key per tier and prints them
 * @param requestLimits   request read budgets and the per-address connection cap of every HTTP listener
 */
public record ServerConfig(String bindHost, int httpPort, int htiPort, int marketMakerPort, int hubPort, int grpcPort,
                           Path dataDir, Optional<TlsConfig> tls, Set<String> corsOrigins, boolean virtualThreads,
                           Duration shutdownGrace, long seed, History history, boolean demoKeys,
                           RequestLimits requestLimits) {

    /** How much simulated history the first start generates. */
    public enum History {
        /** The simulator's default plan: years of bars, so every tier's history depth matters. */
        FULL,
        /** A few days of bars: fast starts for tests and demos. */
        SMALL
    }

    /** The options: flag name, environment variable, default, help text. */
    enum Option {
        BIND("--bind", "HFTHOT_BIND", "127.0.0.1", "interface to bind (0.0.0.0 for all)"),
        HTTP_PORT("--http-port", "HFTHOT_HTTP_PORT", "8080", "HFThot REST + WebSocket port"),
        HTI_PORT("--hti-port", "HFTHOT_HTI_PORT", "3500", "HTI client API (SSE) port"),
        MM_PORT("--mm-port", "HFTHOT_MM_PORT", "8002", "market-maker backend port"),
        HUB_PORT("--hub-port", "HFTHOT_HUB_PORT", "9000", "agents hub port"),
        GRPC_PORT("--grpc-port", "HFTHOT_GRPC_PORT", "50053", "HFThot gRPC port"),
        DATA_DIR("--data-dir", "HFTHOT_DATA_DIR", "./data", "data directory (created if missing)"),
        TLS_KEYSTORE("--tls-keystore", "HFTHOT_TLS_KEYSTORE", "", "PKCS#12 keystore: serve HTTPS/WSS"),
        TLS_PASSWORD("--tls-password", "HFTHOT_TLS_PASSWORD", "", "keystore password (prefer the variable)"),
        CORS_ORIGINS("--cors-origins", "HFTHOT_CORS_ORIGINS", "", "comma-separated browser origins, or *"),
        VIRTUAL_THREADS("--virtual-threads", "HFTHOT_VIRTUAL_THREADS", "false", "true: virtual threads (JDK 21+)"),
        SEED("--seed", "HFTHOT_SEED", "42", "market simulator seed"),
        HISTORY("--history", "HFTHOT_HISTORY", "full", "simulated history at first start: full or small"),
        DEMO_KEYS("--demo-keys", "HFTHOT_DEMO_KEYS", "true", "issue and print one demo key per tier"),
        HEADER_TIMEOUT("--header-timeout", "HFTHOT_HEADER_TIMEOUT", "10s",
                "longest a request line + headers may take (408 after)"),
        REQUEST_TIMEOUT("--request-timeout", "HFTHOT_REQUEST_TIMEOUT", "30s",
                "longest a whole request (headers + body) may take to arrive (408 after)"),
        MIN_BODY_RATE("--min-body-rate", "HFTHOT_MIN_BODY_RATE", "1024",
                "slowest accepted request body, bytes/s (0: off; 408 below)"),
        MIN_BODY_RATE_GRACE("--min-body-rate-grace", "HFTHOT_MIN_BODY_RATE_GRACE", "3s",
                "time a body may start slowly before its rate is checked"),
        MAX_CONNECTIONS_PER_ADDRESS("--max-connections-per-address", "HFTHOT_MAX_CONNECTIONS_PER_ADDRESS", "256",
                "open HTTP connections per client IP (429 past it)"),
        MAX_BUFFERED_BODY_BYTES("--max-buffered-body-bytes", "HFTHOT_MAX_BUFFERED_BODY_BYTES", "67108864",
                "request body bytes held in memory at once per listener (503 past it)");

        final String flag;
        final String env;
        final String defaultValue;
        final String help;

        Option(String flag, String env, String defaultValue, String help) {
            this.flag = flag;
            this.env = env;
            this.defaultValue = defaultValue;
            this.help = help;
        }
    }

    /** Validates and copies the fields. */
    public ServerConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        corsOrigins = Set.copyOf(corsOrigins);
        checkPort(httpPort, Option.HTTP_PORT);
        checkPort(htiPort, Option.HTI_PORT);
        checkPort(marketMakerPort, Option.MM_PORT);
        checkPort(hubPort, Option.HUB_PORT);
        checkPort(grpcPort, Option.GRPC_PORT);
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(requestLimits, "requestLimits");
    }

    private static void checkPort(int port, Option o) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(o.flag + " = " + port + " is not a port; expected 0 (ephemeral) to 65535");
        }
    }

    /**
     * The defaults with every port set to 0 (ephemeral), for tests.
     *
     * @param dataDir the data directory
     * @return the config
     */
    public static ServerConfig ephemeral(Path dataDir) {
        return new ServerConfig("127.0.0.1", 0, 0, 0, 0, 0, dataDir, Optional.empty(), Set.of(), false,
                Duration.ofSeconds(2), 42, History.SMALL, true, RequestLimits.defaults());
    }

    /**
     * Parses flags ({@code --name value} or {@code --name=value}) over environment variables.
     *
     * @param args the command line
     * @param env  the environment
     * @return the config
     * @throws IllegalArgumentException naming the flag or variable, the value and what is accepted
     */
    public static ServerConfig parse(String[] args, Map<String, String> env) {
        Map<Option, String> values = new LinkedHashMap<>();
        for (Option o : Option.values()) {
            String fromEnv = env.get(o.env);
            values.put(o, fromEnv == null || fromEnv.isBlank() ? o.defaultValue : fromEnv.trim());
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            Option o = byFlag(name);
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            values.put(o, value.trim());
        }
        Optional<TlsConfig> tls = Optional.empty();
        if (!values.get(Option.TLS_KEYSTORE).isEmpty()) {
            tls = Optional.of(new TlsConfig(Path.of(values.get(Option.TLS_KEYSTORE)), values.get(Option.TLS_PASSWORD)));
        }
        Set<String> cors = Arrays.stream(values.get(Option.CORS_ORIGINS).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new ServerConfig(values.get(Option.BIND), port(values, Option.HTTP_PORT), port(values, Option.HTI_PORT),
                port(values, Option.MM_PORT), port(values, Option.HUB_PORT), port(values, Option.GRPC_PORT),
                Path.of(values.get(Option.DATA_DIR)), tls, cors, bool(values, Option.VIRTUAL_THREADS),
                Duration.ofSeconds(5), seed(values), history(values), bool(values, Option.DEMO_KEYS),
                requestLimits(values));
    }

    private static RequestLimits requestLimits(Map<Option, String> values) {
        Duration header = duration(values, Option.HEADER_TIMEOUT);
        Duration request = duration(values, Option.REQUEST_TIMEOUT);
        if (request.compareTo(header) < 0) {
            throw new IllegalArgumentException(Option.REQUEST_TIMEOUT.flag + " (" + request.toMillis() + " ms) must be "
                    + "at least " + Option.HEADER_TIMEOUT.flag + " (" + header.toMillis() + " ms)");
        }
        long rate = wholeNumber(values, Option.MIN_BODY_RATE, 0, Long.MAX_VALUE);
        int perAddress = (int) wholeNumber(values, Option.MAX_CONNECTIONS_PER_ADDRESS, 1, 1_000_000);
        long buffered = wholeNumber(values, Option.MAX_BUFFERED_BODY_BYTES, 1024, 64L << 30);
        try {
            return new RequestLimits(header, request, rate, duration(values, Option.MIN_BODY_RATE_GRACE), perAddress,
                    buffered);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("request limits: " + e.getMessage(), e);
        }
    }

    /** Reads {@code 250ms}, {@code 10s} or {@code 2m}. */
    private static Duration duration(Map<Option, String> values, Option o) {
        String v = values.get(o).toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m)").matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException(o.flag + " (or " + o.env + ") = '" + values.get(o)
                    + "' is not a duration; expected a whole number with ms, s or m, e.g. 10s");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }

    private static long wholeNumber(Map<Option, String> values, Option o, long min, long max) {
        String v = values.get(o);
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(o.flag + " (or " + o.env + ") = '" + v + "' is not a whole number in ["
                + min + ", " + max + "]");
    }

    private static Option byFlag(String flag) {
        for (Option o : Option.values()) {
            if (o.flag.equals(flag)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown option '" + flag + "'; accepted: "
                + Arrays.stream(Option.values()).map(o -> o.flag).collect(Collectors.joining(", ")) + ", --help");
    }

    private static int port(Map<Option, String> values, Option o) {
        String v = values.get(o);
        try {
            int p = Integer.parseInt(v);
            checkPort(p, o);
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(o.flag + " (or " + o.env + ") = '" + v
                    + "' is not a port; expected 0 (ephemeral) to 65535");
        }
    }

    private static long seed(Map<Option, String> values) {
        String v = values.get(Option.SEED);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Option.SEED.flag + " (or " + Option.SEED.env + ") = '" + v
                    + "' is not a whole number");
        }
    }

    private static History history(Map<Option, String> values) {
        String v = values.get(Option.HISTORY).toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "full" -> History.FULL;
            case "small" -> History.SMALL;
            default -> throw new IllegalArgumentException(Option.HISTORY.flag + " (or " + Option.HISTORY.env + ") = '"
                    + values.get(Option.HISTORY) + "' is not one of: full, small");
        };
    }

    private static boolean bool(Map<Option, String> values, Option o) {
        String v = values.get(o).toLowerCase(java.util.Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(o.flag + " (or " + o.env + ") = '" + v + "' is not true or false");
    }

    /**
     * Describes every option for {@code --help}.
     *
     * @return the usage text
     */
    public static String usage() {
        StringBuilder sb = new StringBuilder("usage: java -jar hfthot-server.jar [options]\n");
        for (Option o : Option.values()) {
            sb.append(String.format("  %-30s %-36s %s (default: %s)%n", o.flag, o.env, o.help,
                    o.defaultValue.isEmpty() ? "none" : o.defaultValue));
        }
        return sb.toString();
    }

    /** Hides the keystore password. */
    @Override
    public String toString() {
        return "ServerConfig[bind=" + bindHost + ", ports=" + List.of(httpPort, htiPort, marketMakerPort, hubPort, grpcPort)
                + ", dataDir=" + dataDir + ", tls=" + tls.map(t -> t.keystore().toString()).orElse("none")
                + ", cors=" + corsOrigins + ", seed=" + seed + ", history=" + history + ", demoKeys=" + demoKeys
                + ", requestLimits=" + requestLimits + "]";
    }
}
