/** The lab's live feeds: trades from the market published on the event bus. */
package io.hfthot.engine.lab.live;
