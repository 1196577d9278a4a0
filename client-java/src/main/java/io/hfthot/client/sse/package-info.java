/**
 * Server-sent events: a parser written against the HTML standard's event-stream rules and the HTI
 * real-time feed client of seeds 001 and 002 over the JDK {@link java.net.http.HttpClient}.
 */
package io.hfthot.client.sse;
