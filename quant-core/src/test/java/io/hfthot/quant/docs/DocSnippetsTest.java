package io.hfthot.quant.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code java} code block of the quant docs is a region of a test source between {@code // snippet:start}
 * and {@code // snippet:end} (or {@code // example:start} / {@code // example:end}), which its test compiles and
 * runs, so that a page cannot show code that does not compile or run. Compared line by line, ignoring
 * indentation and blank lines.
 */
class DocSnippetsTest {
    private static final Path TESTS = Path.of("src", "test", "java");

    @ParameterizedTest
    @ValueSource(strings = {"hmm.md", "mfg.md", "quoting.md", "portfolio.md"})
    void everyJavaBlockIsCompiledAndRunByATest(String page) throws IOException {
        String doc = Files.readString(Path.of("..", "docs", page));
        List<String> blocks = javaBlocks(doc);
        assertFalse(blocks.isEmpty(), page + " has java blocks");
        List<String> regions = regions();
        for (String block : blocks) {
            assertTrue(regions.contains(normalise(block)), page + " shows code no test runs:\n" + block);
        }
    }

    static List<String> javaBlocks(String doc) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = doc.indexOf("```java", from);
            if (start < 0) {
                return out;
            }
            int end = doc.indexOf("```", start + 7);
            out.add(doc.substring(start + 7, end));
            from = end + 3;
        }
    }

    private static List<String> regions() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String s = read(f);
                for (String[] marker : new String[][] {{"// snippet:start", "// snippet:end"},
                    {"// example:start", "// example:end"}}) {
                    int from = 0;
                    while (true) {
                        int start = s.indexOf(marker[0], from);
                        if (start < 0) {
                            break;
                        }
                        int end = s.indexOf(marker[1], start);
                        out.add(normalise(s.substring(start + marker[0].length(), end)));
                        from = end;
                    }
                }
            }
        }
        return out;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
