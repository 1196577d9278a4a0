/**
 * Seed 004's hub surface on the transport-neutral HTTP API: {@code /auth/*}, {@code /api/*} (JWT bearer or
 * {@code X-API-Key}), {@code /internal/*} ({@code X-Internal-Secret}), the {@code /ws?token=} stream, errors as
 * {@code {"detail": ...}}.
 */
package io.hfthot.adapters.http.hub;
