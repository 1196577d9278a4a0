/** Live feeds shared by every surface: trades from the market source published on the event bus. */
package io.hfthot.engine.live;
