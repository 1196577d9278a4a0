/**
 * What the reference server shows to people: on its HTTP port the interactive API documentation (Swagger UI from its
 * WebJar) at {@code /v1/docs} and the HFThot dashboard at {@code /dashboard/}; on the market-maker port seed 003's
 * dashboard at {@code /dashboard/}. Plain files, no build step.
 */
package io.hfthot.server.web;
