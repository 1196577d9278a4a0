/**
 * The services behind every HFThot API, as plain Java behind small SPIs with embedded defaults.
 *
 * <p>{@link io.hfthot.engine.Engine} (built by {@link io.hfthot.engine.Engine#builder}) owns the clock, the
 * lakehouse, the market data source, the event bus, the identity stores and rate limiter, and the services
 * built over them (market history, regimes, live ticks, table history, storage guard, demo keys, background
 * jobs). One service per API surface takes the engine: {@link io.hfthot.engine.lab.LabService} serves seed
 * 000. The HTI (seeds 001/002), market-maker (seed 003) and hub (seed 004) services are not written yet; the
 * building blocks they will use are in {@code hti.profile}, {@code hub.auth} and {@code hub.secrets}.
 */
package io.hfthot.engine;
