/**
 * Runs an {@link io.hfthot.adapters.http.HttpSurface} on the JDK's portable {@code com.sun.net.httpserver} API
 * ({@link io.hfthot.adapters.http.jdk.SurfaceHttpHandler}): REST and SSE in the JDK's own server or any other
 * implementation of that API.
 */
package io.hfthot.adapters.http.jdk;
