/**
 * Subcommands of the server jar other than serving, starting with
 * {@code java -jar hfthot-server.jar import ...} ({@link io.hfthot.server.cli.ImportCommand}).
 */
package io.hfthot.server.cli;
