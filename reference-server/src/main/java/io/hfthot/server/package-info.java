/**
 * The reference server: wires the engine and the adapters into one process serving every seed surface.
 */
package io.hfthot.server;
