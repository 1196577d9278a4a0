package io.hfthot.smoke;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK quickstart of docs/client-java.md against a started reference server, with its Professional key. */
class SdkQuickstartTest {

    @Test
    void quickstartRunsAgainstTheReferenceServer(@TempDir Path tmp) throws Exception {
        try (ReferenceServer server = ReferenceServer.start(tmp.resolve("data"))) {
            PrintStream out = System.out;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                ClientQuickstart.main(new String[] {server.baseUri(), server.demoKey("Professional")});
            } finally {
                System.setOut(out);
            }
            String text = printed.toString(StandardCharsets.UTF_8);
            out.print(text);
            assertTrue(text.contains("bars, last close"), text);
            assertTrue(text.contains("Regime: "), text);
            assertTrue(text.contains("Weights: {"), text);
            assertTrue(text.lines().filter(l -> l.startsWith("Tick: ")).count() == 3, text);
        }
    }
}
