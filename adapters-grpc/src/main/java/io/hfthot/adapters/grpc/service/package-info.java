/**
 * The implementations of seed 000's MarketService, SignalService and PortfolioService over
 * {@link io.hfthot.engine.lab.LabService}, the proto/record translation and the one error-to-status mapping.
 */
package io.hfthot.adapters.grpc.service;
