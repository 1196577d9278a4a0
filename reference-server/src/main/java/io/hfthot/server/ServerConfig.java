package io.hfthot.server;

import io.hfthot.adapters.http.jetty.RequestLimits;
import io.hfthot.adapters.http.jetty.TlsConfig;
import io.hfthot.engine.keys.MasterKeySource;
import io.hfthot.engine.storage.StorageOptions;
import io.hfthot.engine.identity.KeyLimits;
import io.hfthot.engine.lab.LabLimits;
import io.hfthot.engine.lab.compute.ComputeLimits;
import io.hfthot.server.ops.OperationsConfig;
import io.hfthot.server.wiring.HubConfig;
import io.hfthot.server.wiring.SqlConfig;
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
 * The reference server's configuration, from command-line flags, then environment variables, then the config
 * file, then defaults (a flag beats its variable, a variable beats the file). Every option is one {@link Option}
 * constant: its flag ({@code --http-port}), its variable ({@code HFTHOT_HTTP_PORT}) and its config-file key (the
 * flag without {@code --}: {@code http-port}) all come from it, and so does its line in {@code --help}.
 *
 * <p>Why it is longer than the house's 400 lines: it is the one table of the server's options (flag, variable,
 * default, help) and the one place each is parsed and validated with the option named in the error, so that the
 * command line, the environment and the config file cannot disagree; most of its length is that table and the
 * record's documented components.
 *
 * @param bindHost        the interface every listener binds; loopback by default so a fresh start exposes
 *                        nothing to the network ({@code --bind 0.0.0.0} to serve other machines)
 * @param httpPort        HFThot REST + WebSocket (seed 000), default 8080
 * @param marketMakerPort market-maker stream and health (seed 003), default 8002
 * @param grpcPort        HFThot gRPC (seed 000), default 50053
 * @param dataDir         where state lives; created on first start
 * @param tls             serve HTTPS/WSS on every listener from this PKCS#12 keystore
 * @param corsOrigins     origins allowed to call the APIs from a browser ({@code *} for any); empty: none
 * @param virtualThreads  run request handlers on virtual threads (JDK 21+)
 * @param shutdownGrace   how long a stop waits for in-flight requests
 * @param seed            seed of the market simulator (same seed, same simulated market)
 * @param history         how much simulated history the first start writes to the lakehouse
 * @param demoKeys        whether the first start issues one demo API key per tier and prints them
 * @param storage         where the master key sealing provider keys comes from, and the free-disk reserve under
 *                        which the server stops writing (see {@code docs/security.md})
 * @param labLimits       API keys per account and the compute bounds of the lab's heavy routes
 * @param sql             the SQL engine's resources and the lab's SQL limits ({@code --sql-*} options)
 * @param requestLimits   request read budgets and the per-address connection cap of every HTTP listener
 * @param operations      where the management listener ({@code /metrics}, {@code /health/*}) binds; log format
 * @param dashboardApiKey seed 003's {@code DASHBOARD_API_KEY} guarding the market maker's control endpoints; empty:
 *                        those endpoints answer the seed's 500 "Security key not configured on server"
 * @param redis           {@code redis://...}: run as one of several replicas sharing keys, limits, quotas, live
 *                        events and the data directory through this Redis (see {@code docs/replicas.md})
 * @param appendInterval  how often closed bars and ticks are appended to {@code market.*} and usage is flushed
 * @param htiPort         HTI trade ideas (seeds 001/002), default 3500
 * @param hub             the hub's port and first user (seed 004)
 */
public record ServerConfig(String bindHost, int httpPort, int marketMakerPort, int grpcPort,
                           Path dataDir, Optional<TlsConfig> tls, Set<String> corsOrigins, boolean virtualThreads,
                           Duration shutdownGrace, long seed, History history, boolean demoKeys,
                           StorageOptions storage, LabLimits labLimits, SqlConfig sql,
                           RequestLimits requestLimits, OperationsConfig operations, Optional<String> dashboardApiKey,
                           Optional<String> redis, Duration appendInterval, int htiPort,
                           HubConfig hub) {

    /** How much simulated history the first start generates. */
    public enum History {
        /** The simulator's default plan: years of bars, so every tier's history depth matters. */
        FULL,
        /** A few days of bars: fast starts for tests and demos. */
        SMALL
    }

    /**
     * The options: flag name, environment variable, default, help text. Adding a constant adds the flag, the
     * variable, the config-file key and the {@code --help} line ({@link ServerCommandLine}); {@link #fromLayers}
     * then reads its value with the helpers below ({@code port}, {@code bool}, {@code duration}, ...).
     */
    enum Option {
        BIND("--bind", "HFTHOT_BIND", "127.0.0.1", "interface to bind (0.0.0.0 for all)"),
        HTTP_PORT("--http-port", "HFTHOT_HTTP_PORT", "8080", "HFThot REST + WebSocket port"),
        MM_PORT("--mm-port", "HFTHOT_MM_PORT", "8002", "market-maker stream and health port"),
        HTI_PORT("--hti-port", "HFTHOT_HTI_PORT", "3500", "HTI trade-ideas API port (seeds 001/002)"),
        GRPC_PORT("--grpc-port", "HFTHOT_GRPC_PORT", "50053", "HFThot gRPC port"),
        HUB_PORT("--hub-port", "HFTHOT_HUB_PORT", "9000",
                "hub REST + WebSocket port (seed 004; first user from HUB_ADMIN_EMAIL/HUB_ADMIN_PASSWORD)"),
        HUB_AGENTS("--hub-agents", "HFTHOT_HUB_AGENTS", "in-process",
                "where hub agents run: in-process, or process (one child JVM per agent)"),
        DATA_DIR("--data-dir", "HFTHOT_DATA_DIR", "./data", "data directory (created if missing)"),
        TLS_KEYSTORE("--tls-keystore", "HFTHOT_TLS_KEYSTORE", "", "PKCS#12 keystore: serve HTTPS/WSS"),
        TLS_PASSWORD("--tls-password", "HFTHOT_TLS_PASSWORD", "", "keystore password (prefer the variable)"),
        CORS_ORIGINS("--cors-origins", "HFTHOT_CORS_ORIGINS", "", "comma-separated browser origins, or *"),
        VIRTUAL_THREADS("--virtual-threads", "HFTHOT_VIRTUAL_THREADS", "false", "true: virtual threads (JDK 21+)"),
        SEED("--seed", "HFTHOT_SEED", "42", "market simulator seed"),
        HISTORY("--history", "HFTHOT_HISTORY", "full", "simulated history at first start: full or small"),
        DEMO_KEYS("--demo-keys", "HFTHOT_DEMO_KEYS", "true", "issue and print one demo key per tier"),
        MASTER_KEY_FILE("--master-key-file", "HFTHOT_MASTER_KEY_FILE", "",
                "file with the provider-keys master key (32 bytes or base64), read only"),
        MIN_FREE_DISK("--min-free-disk", "HFTHOT_MIN_FREE_DISK", "64m",
                "free-disk reserve under which writes answer 503 (bytes, or k/m/g)"),
        MAX_LIVE_KEYS("--max-live-keys", "HFTHOT_MAX_LIVE_KEYS", KeyLimits.DEFAULT_LIVE_KEYS,
                "live API keys per account, by the creating key's tier"),
        KEY_CREATIONS("--key-creations-per-day", "HFTHOT_KEY_CREATIONS_PER_DAY",
                Integer.toString(KeyLimits.DEFAULT_CREATIONS_PER_DAY), "API keys an account may create per 24 h"),
        COMPUTE_THREADS("--compute-threads", "HFTHOT_COMPUTE_THREADS", "0",
                "MFG/optimise/backtest threads (0: one per CPU; queue: 4 per thread)"),
        COMPUTE_DEADLINE("--compute-deadline", "HFTHOT_COMPUTE_DEADLINE", "10s",
                "longest MFG/optimise/backtest computation (e.g. 10s, 2500ms)"),
        SQL_MEMORY("--sql-memory-limit", "HFTHOT_SQL_MEMORY_LIMIT", "auto",
                "DuckDB memory_limit, e.g. 512MB; auto = (RAM - max heap - 512MB) / 2, 64MB to 1GB"),
        SQL_THREADS("--sql-threads", "HFTHOT_SQL_THREADS", "auto", "DuckDB threads; auto = cores, at most 4"),
        SQL_SPILL_MAX("--sql-spill-max", "HFTHOT_SQL_SPILL_MAX", "1GB",
                "disk a query may spill to in <data-dir>/sql-spill; 0 = no spilling"),
        SQL_CONNECTIONS("--sql-connections", "HFTHOT_SQL_CONNECTIONS", "4", "SQL queries run at once, server-wide (1-64)"),
        SQL_PER_KEY("--sql-per-key", "HFTHOT_SQL_PER_KEY", "2", "SQL queries one key (and one account) runs at once"),
        SQL_QUEUE_WAIT("--sql-queue-wait-ms", "HFTHOT_SQL_QUEUE_WAIT_MS", "2000", "wait for a busy SQL slot before a 429"),
        SQL_TIMEOUTS("--sql-timeouts", "HFTHOT_SQL_TIMEOUTS", "free_beta=5s,hobbyist=10s,professional=20s,enterprise=30s",
                "per-tier SQL query time limit"),
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
                "request body bytes held in memory at once per listener (503 past it)"),
        DASHBOARD_API_KEY("--dashboard-api-key", "DASHBOARD_API_KEY", "",
                "X-API-KEY of the market maker's control endpoints (prefer the variable: a command line is visible to all)"),
        REDIS("--redis", "HFTHOT_REDIS", "",
                "redis://host:port: one of several replicas sharing keys, limits and streams (docs/replicas.md)"),
        APPEND_INTERVAL("--append-interval", "HFTHOT_APPEND_INTERVAL", "60s",
                "how often new bars and ticks are appended to market.* and usage is flushed (1s to 60m)"),
        MANAGEMENT_BIND("--management-bind", "HFTHOT_MANAGEMENT_BIND", OperationsConfig.DEFAULT_BIND,
                "interface of the management listener (/metrics, /health/live, /health/ready)"),
        MANAGEMENT_PORT("--management-port", "HFTHOT_MANAGEMENT_PORT", Integer.toString(OperationsConfig.DEFAULT_PORT),
                "management listener port"),
        LOG_FORMAT("--log-format", "HFTHOT_LOG_FORMAT", "text", "text, or json: one JSON object per log line"),
        REQUEST_METRICS("--request-metrics", "HFTHOT_REQUEST_METRICS", "true",
                "per-request metrics (HTTP, gRPC, streams); false keeps JVM, bus and lakehouse metrics only");

        final String flag;
        final String env;
        final String defaultValue;
        final String help;

        /** @return the config-file key: the flag without its leading {@code --} */
        String fileKey() {
            return flag.substring(2);
        }

        Option(String flag, String env, String defaultValue, String help) {
            this.flag = flag;
            this.env = env;
            this.defaultValue = defaultValue;
            this.help = help;
        }
    }

    /** The default of {@code --append-interval}. */
    static final Duration DEFAULT_APPEND_INTERVAL = Duration.ofSeconds(60);

    /** The variable that gives the master key itself, as base64 (no flag: a command line is visible to all). */
    static final String MASTER_KEY_ENV = "HFTHOT_MASTER_KEY";

    /** Validates and copies the fields. */
    public ServerConfig {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        corsOrigins = Set.copyOf(corsOrigins);
        checkPort(httpPort, Option.HTTP_PORT);
        checkPort(marketMakerPort, Option.MM_PORT);
        checkPort(grpcPort, Option.GRPC_PORT);
        checkPort(htiPort, Option.HTI_PORT);
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(requestLimits, "requestLimits");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(dashboardApiKey, "dashboardApiKey");
        dashboardApiKey = dashboardApiKey.filter(k -> !k.isBlank());
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(appendInterval, "appendInterval");
        if (appendInterval.compareTo(Duration.ofSeconds(1)) < 0 || appendInterval.compareTo(Duration.ofMinutes(60)) > 0) {
            throw new IllegalArgumentException(Option.APPEND_INTERVAL.flag + " = " + appendInterval
                    + " is out of range; expected 1s to 60m");
        }
    }

    /**
     * A single-process configuration (no dashboard key, no Redis, appends every 60 s): the components up to
     * {@code operations}.
     *
     * @param bindHost        interface to bind
     * @param httpPort        HFThot REST + WebSocket port
     * @param marketMakerPort market-maker port
     * @param grpcPort        gRPC port
     * @param dataDir         data directory
     * @param tls             TLS keystore
     * @param corsOrigins     browser origins
     * @param virtualThreads  virtual threads
     * @param shutdownGrace   stop grace
     * @param seed            simulator seed
     * @param history         simulated history
     * @param demoKeys        demo keys
     * @param storage         storage options
     * @param labLimits       lab limits
     * @param sql             SQL settings
     * @param requestLimits   request limits
     * @param operations      management listener and logs
     * @param htiPort         HTI port
     * @param hub             hub port and first user
     */
    public ServerConfig(String bindHost, int httpPort, int marketMakerPort, int grpcPort, Path dataDir,
                        Optional<TlsConfig> tls, Set<String> corsOrigins, boolean virtualThreads, Duration shutdownGrace,
                        long seed, History history, boolean demoKeys, StorageOptions storage, LabLimits labLimits,
                        SqlConfig sql, RequestLimits requestLimits, OperationsConfig operations, int htiPort,
                        HubConfig hub) {
        this(bindHost, httpPort, marketMakerPort, grpcPort, dataDir, tls, corsOrigins, virtualThreads, shutdownGrace, seed,
                history, demoKeys, storage, labLimits, sql, requestLimits, operations, Optional.empty(), Optional.empty(),
                DEFAULT_APPEND_INTERVAL, htiPort, hub);
    }

    /**
     * A copy that runs as a replica over a Redis.
     *
     * @param uri {@code redis://host:port[/db]}
     * @return the copy
     * @throws IllegalArgumentException when the address is not a Redis URI
     */
    public ServerConfig withRedis(String uri) {
        return new ServerConfig(bindHost, httpPort, marketMakerPort, grpcPort, dataDir, tls, corsOrigins, virtualThreads,
                shutdownGrace, seed, history, demoKeys, storage, labLimits, sql, requestLimits, operations,
                dashboardApiKey, Optional.of(redisUri(uri)), appendInterval, htiPort, hub);
    }

    /**
     * A copy with another {@code DASHBOARD_API_KEY} (seed 003's market-maker controls).
     *
     * @param key the key; blank counts as not configured
     * @return the copy
     */
    public ServerConfig withDashboardApiKey(String key) {
        return new ServerConfig(bindHost, httpPort, marketMakerPort, grpcPort, dataDir, tls, corsOrigins, virtualThreads,
                shutdownGrace, seed, history, demoKeys, storage, labLimits, sql, requestLimits, operations,
                Optional.ofNullable(key), redis, appendInterval, htiPort, hub);
    }

    private static String redisUri(String uri) {
        try {
            return io.hfthot.engine.redis.RedisOptions.of(uri).uri();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Option.REDIS.flag + " (or " + Option.REDIS.env + ") = '" + uri
                    + "' is not accepted: " + e.getMessage() + "; expected redis://host:port[/db]", e);
        }
    }

    /**
     * A copy with other SQL settings.
     *
     * @param newSql the SQL settings
     * @return the copy
     */
    public ServerConfig withSql(SqlConfig newSql) {
        return new ServerConfig(bindHost, httpPort, marketMakerPort, grpcPort, dataDir, tls, corsOrigins, virtualThreads,
                shutdownGrace, seed, history, demoKeys, storage, labLimits, newSql, requestLimits, operations, dashboardApiKey,
                redis, appendInterval, htiPort, hub);
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
        return new ServerConfig("127.0.0.1", 0, 0, 0, dataDir, Optional.empty(), Set.of(), false,
                Duration.ofSeconds(2), 42, History.SMALL, true, StorageOptions.defaults(), LabLimits.defaults(), SqlConfig.defaults(),
                RequestLimits.defaults(), OperationsConfig.ephemeral(), 0, HubConfig.ephemeral());
    }

    /**
     * Parses flags ({@code --name value} or {@code --name=value}) over environment variables, over the config file
     * named by {@code --config} or {@code HFTHOT_CONFIG} (if any), over the defaults.
     *
     * @param args the command line (the serve options)
     * @param env  the environment
     * @return the config
     * @throws IllegalArgumentException naming the flag, variable or file key, the value and what is accepted
     */
    public static ServerConfig parse(String[] args, Map<String, String> env) {
        return ServerCommandLine.serveConfig(args, env);
    }

    /**
     * Builds a configuration from its layers; for each option the first layer that has it wins: flags, then
     * environment variables, then the config file, then the option's default.
     *
     * @param flags the options given on the command line
     * @param env   the environment
     * @param file  the options of the config file (empty without one)
     * @return the config
     * @throws IllegalArgumentException naming the option, the value and what is accepted
     */
    static ServerConfig fromLayers(Map<Option, String> flags, Map<String, String> env, Map<Option, String> file) {
        Map<Option, String> values = new LinkedHashMap<>();
        for (Option o : Option.values()) {
            String fromEnv = env.get(o.env);
            String value = flags.containsKey(o) ? flags.get(o)
                    : fromEnv != null && !fromEnv.isBlank() ? fromEnv
                    : file.getOrDefault(o, o.defaultValue);
            values.put(o, value.trim());
        }
        Optional<TlsConfig> tls = Optional.empty();
        if (!values.get(Option.TLS_KEYSTORE).isEmpty()) {
            tls = Optional.of(new TlsConfig(Path.of(values.get(Option.TLS_KEYSTORE)), values.get(Option.TLS_PASSWORD)));
        }
        Set<String> cors = Arrays.stream(values.get(Option.CORS_ORIGINS).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new ServerConfig(values.get(Option.BIND), port(values, Option.HTTP_PORT), port(values, Option.MM_PORT),
                port(values, Option.GRPC_PORT),
                Path.of(values.get(Option.DATA_DIR)), tls, cors, bool(values, Option.VIRTUAL_THREADS),
                Duration.ofSeconds(5), seed(values), history(values), bool(values, Option.DEMO_KEYS),
                StorageOptions.defaults().withMasterKey(masterKey(values, env)).withMinFreeBytes(bytes(values, Option.MIN_FREE_DISK)),
                labLimits(values),
                SqlConfig.parse(values.get(Option.SQL_MEMORY), values.get(Option.SQL_THREADS), values.get(Option.SQL_SPILL_MAX),
                        values.get(Option.SQL_CONNECTIONS), values.get(Option.SQL_PER_KEY), values.get(Option.SQL_QUEUE_WAIT),
                        values.get(Option.SQL_TIMEOUTS)),
                requestLimits(values),
                new OperationsConfig(values.get(Option.MANAGEMENT_BIND), port(values, Option.MANAGEMENT_PORT),
                        jsonLogs(values), bool(values, Option.REQUEST_METRICS)),
                Optional.of(values.get(Option.DASHBOARD_API_KEY)),
                values.get(Option.REDIS).isEmpty() ? Optional.empty() : Optional.of(redisUri(values.get(Option.REDIS))),
                duration(values, Option.APPEND_INTERVAL), port(values, Option.HTI_PORT),
                HubConfig.of(port(values, Option.HUB_PORT), values.get(Option.HUB_AGENTS), env));
    }

    /**
     * Returns a copy with other storage options.
     *
     * @param options the options
     * @return the copy
     */
    public ServerConfig withStorage(StorageOptions options) {
        return new ServerConfig(bindHost, httpPort, marketMakerPort, grpcPort, dataDir, tls, corsOrigins, virtualThreads,
                shutdownGrace, seed, history, demoKeys, options, labLimits, sql, requestLimits, operations, dashboardApiKey,
                redis, appendInterval, htiPort, hub);
    }

    private static MasterKeySource masterKey(Map<Option, String> values, Map<String, String> env) {
        String file = values.get(Option.MASTER_KEY_FILE);
        String inline = env.get(MASTER_KEY_ENV);
        boolean hasInline = inline != null && !inline.isBlank();
        if (!file.isEmpty() && hasInline) {
            throw new IllegalArgumentException(Option.MASTER_KEY_FILE.flag + " (or " + Option.MASTER_KEY_FILE.env + ") and "
                    + MASTER_KEY_ENV + " are both set; give the master key one way only");
        }
        if (hasInline) {
            return MasterKeySource.base64(MASTER_KEY_ENV, inline);
        }
        return file.isEmpty() ? MasterKeySource.inDataDirectory() : MasterKeySource.file(Path.of(file));
    }

    private static long bytes(Map<Option, String> values, Option o) {
        String v = values.get(o).toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,15})\\s*([kmg]?)i?b?").matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException(o.flag + " (or " + o.env + ") = '" + values.get(o)
                    + "' is not a size; expected bytes or a number with k, m or g (binary units), e.g. 64m");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(o.flag + " (or " + o.env + ") = '" + values.get(o) + "' is too large");
        }
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

    private static boolean jsonLogs(Map<Option, String> values) {
        String v = values.get(Option.LOG_FORMAT).toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException(Option.LOG_FORMAT.flag + " (or " + Option.LOG_FORMAT.env + ") = '"
                    + values.get(Option.LOG_FORMAT) + "' is not one of: text, json");
        };
    }

    private static LabLimits labLimits(Map<Option, String> values) {
        KeyLimits keys;
        try {
            keys = KeyLimits.parse(values.get(Option.MAX_LIVE_KEYS), wholeNumber(values, Option.KEY_CREATIONS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Option.MAX_LIVE_KEYS.flag + " / " + Option.KEY_CREATIONS.flag + ": "
                    + e.getMessage(), e);
        }
        int threads = wholeNumber(values, Option.COMPUTE_THREADS);
        if (threads == 0) {
            threads = ComputeLimits.defaults().threads();
        }
        String d = values.get(Option.COMPUTE_DEADLINE).strip().toLowerCase(java.util.Locale.ROOT);
        Duration deadline;
        try {
            deadline = d.endsWith("ms") ? Duration.ofMillis(Long.parseLong(d.substring(0, d.length() - 2)))
                    : Duration.ofMillis(Math.round(Double.parseDouble(d.endsWith("s") ? d.substring(0, d.length() - 1)
                    : d) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Option.COMPUTE_DEADLINE.flag + " (or " + Option.COMPUTE_DEADLINE.env
                    + ") = '" + values.get(Option.COMPUTE_DEADLINE) + "' is not a duration such as 10s or 2500ms", e);
        }
        try {
            return new LabLimits(keys, new ComputeLimits(threads, Math.min(10_000, 4 * threads), deadline));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Option.COMPUTE_THREADS.flag + " / " + Option.COMPUTE_DEADLINE.flag
                    + ": " + e.getMessage(), e);
        }
    }

    private static int wholeNumber(Map<Option, String> values, Option o) {
        String v = values.get(o).strip();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(o.flag + " (or " + o.env + ") = '" + v + "' is not a whole number", e);
        }
    }

    private static boolean bool(Map<Option, String> values, Option o) {
        String v = values.get(o).toLowerCase(java.util.Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(o.flag + " (or " + o.env + ") = '" + v + "' is not true or false");
    }

    /**
     * Describes every option for {@code --help} (the serve command's picocli usage).
     *
     * @return the usage text
     */
    public static String usage() {
        return ServerCommandLine.serveUsage();
    }

    /** Hides the keystore password. */
    @Override
    public String toString() {
        return "ServerConfig[bind=" + bindHost + ", ports=" + List.of(httpPort, marketMakerPort, grpcPort, hub.port())
                + ", dataDir=" + dataDir + ", tls=" + tls.map(t -> t.keystore().toString()).orElse("none")
                + ", cors=" + corsOrigins + ", seed=" + seed + ", history=" + history + ", demoKeys=" + demoKeys
                + ", masterKey=" + storage.masterKey().describe() + ", minFreeDisk=" + storage.minFreeBytes() + ", " + labLimits
                + ", requestLimits=" + requestLimits + ", operations=" + operations
                + ", redis=" + redis.map(u -> u.replaceAll("//[^@/]*@", "//***@")).orElse("none") + "]";
    }
}
