/**
 * Trade ideas: {@link io.hfthot.engine.hti.ideas.IdeaGenerator} (entry, levels, confidence and estimated P/L from
 * regime posterior, volatility and price action), {@link io.hfthot.engine.hti.ideas.IdeaBook} (active ideas,
 * updates, expiry and history) and {@link io.hfthot.engine.hti.ideas.IdeaTable} (every revision in the
 * lakehouse table {@code hti.ideas}).
 */
package io.hfthot.engine.hti.ideas;
