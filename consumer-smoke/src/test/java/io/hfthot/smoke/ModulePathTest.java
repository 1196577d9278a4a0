package io.hfthot.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.client.HfthotClient;
import io.hfthot.quant.hmm.GaussianHmm;
import org.junit.jupiter.api.Test;

/**
 * Where the cores were loaded: in the module-path run (system property {@code hfthot.smoke.path=module}) quant-core
 * and client-java are the named modules of their descriptors and this test runs inside {@code io.hfthot.smoke};
 * in the class-path run everything is in the unnamed module.
 */
class ModulePathTest {

    @Test
    void coresAreLoadedWhereThisRunPutsThem() {
        boolean modulePath = "module".equals(System.getProperty("hfthot.smoke.path"));
        if (modulePath) {
            assertEquals("io.hfthot.quant", GaussianHmm.class.getModule().getName());
            assertEquals("io.hfthot.client", HfthotClient.class.getModule().getName());
            assertEquals("io.hfthot.smoke", ModulePathTest.class.getModule().getName());
            assertTrue(GaussianHmm.class.getModule().getDescriptor().requires().stream()
                    .allMatch(r -> r.name().startsWith("java.")), "quant-core requires the JDK only");
        } else {
            assertFalse(GaussianHmm.class.getModule().isNamed());
            assertFalse(HfthotClient.class.getModule().isNamed());
        }
    }
}
