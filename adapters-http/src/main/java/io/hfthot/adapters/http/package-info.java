/**
 * HTTP and WebSocket transport written against the com.sun.net.httpserver API.
 */
package io.hfthot.adapters.http;
