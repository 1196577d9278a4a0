/**
 * The HTI trade-ideas service (seeds 001 and 002): {@link io.hfthot.engine.hti.HtiService} on the shared engine,
 * with profiles ({@code profile}), the idea generator and its stores ({@code ideas}), live feeds per profile and
 * the demo codes.
 */
package io.hfthot.engine.hti;
