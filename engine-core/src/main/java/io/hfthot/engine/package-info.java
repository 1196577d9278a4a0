/**
 * The services behind every HFThot API, as plain Java behind small SPIs with embedded defaults.
 */
package io.hfthot.engine;
