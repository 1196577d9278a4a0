/** Logging backend pieces of the reference server: the buffered console appender behind the access log. */
package io.hfthot.server.logging;
