/** The SQL engine's configuration as the server's flags set it ({@code SqlConfig}), and the factory that wires lakehouse-duckdb's {@code DuckDbQueryEngine} into the lab service. */
package io.hfthot.server.wiring;
