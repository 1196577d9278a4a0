package io.hfthot.server.logging;

/**
 * One access-log record as the request thread hands it to the writer ({@link LogbackAccessLog} to
 * {@link AsyncAccessAppender}): the values of the line, unformatted. Null strings are written as {@code null}, as
 * SLF4J writes a null argument.
 *
 * @param timeStamp milliseconds since the epoch when the exchange was logged
 * @param surface   the surface name
 * @param requestId the request id
 * @param method    the request method
 * @param rawPath   the raw path
 * @param status    the status written
 * @param bytes     the body bytes written
 * @param micros    the time taken in microseconds
 */
record AccessEntry(long timeStamp, String surface, String requestId, String method, String rawPath, int status,
                   long bytes, long micros) {
}
