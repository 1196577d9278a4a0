/** Demo API keys for a fresh installation (one per tier, printed at start; demo use only) and the master key sealing provider keys. */
package io.hfthot.engine.keys;
