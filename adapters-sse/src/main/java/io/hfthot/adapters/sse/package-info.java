/**
 * Server-Sent Events on the com.sun.net.httpserver API.
 */
package io.hfthot.adapters.sse;
