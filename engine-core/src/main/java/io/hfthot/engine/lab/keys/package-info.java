/** Demo API keys for a fresh installation (one per tier, printed at start; demo use only). */
package io.hfthot.engine.lab.keys;
