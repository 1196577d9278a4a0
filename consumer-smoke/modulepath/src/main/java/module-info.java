/**
 * A consumer module: reads HFThot's quant core and Java SDK through their module descriptors only. It has no
 * code of its own; surefire patches the quickstart tests into it and runs them on the module path.
 */
module io.hfthot.smoke {
    requires io.hfthot.quant;
    requires io.hfthot.client;
}
