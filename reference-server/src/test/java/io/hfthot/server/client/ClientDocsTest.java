package io.hfthot.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/client-java.md shows the quickstart that ClientSdkEndToEndTest runs, verbatim. */
class ClientDocsTest {
    @Test
    void theDocsQuickstartIsTheTestedSource() throws IOException {
        // Surefire runs with the module directory as the working directory.
        String page = Files.readString(Path.of("../docs/client-java.md"));
        String source = Files.readString(Path.of("src/test/java/io/hfthot/server/client/ClientQuickstart.java"));
        String begin = "<!-- quickstart:begin -->\n```java\n";
        String end = "```\n<!-- quickstart:end -->";
        int from = page.indexOf(begin);
        int to = page.indexOf(end);
        assertTrue(from >= 0 && to > from, "docs/client-java.md has no quickstart markers");
        assertEquals(source, page.substring(from + begin.length(), to),
                "docs/client-java.md's quickstart differs from ClientQuickstart.java; paste the file again");
    }
}
