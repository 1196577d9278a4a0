package io.hfthot.smoke;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The quickstart regions of this project's tests ({@code // docs/<page>:start} to {@code // docs/<page>:end}) are
 * parts of the docs' code blocks, unchanged: compared line by line ignoring indentation and blank lines, with the listed
 * substitutions only (a test cannot write to {@code /app/data}). The docs are read from {@code hfthot.docs.dir}.
 */
class DocsCopyTest {
    private static final Map<String, String> SUBSTITUTIONS = Map.of(
            "Lakehouse lh = Lakehouse.open(data.resolve(\"lakehouse\"));",
            "Lakehouse lh = Lakehouse.open(Path.of(\"/app/data/lakehouse\"));");

    @ParameterizedTest
    @CsvSource({"hmm.md, HmmQuickstartTest.java", "portfolio.md, RiskParityQuickstartTest.java",
        "lakehouse.md, DeltaQuickstartTest.java", "client-java.md, ClientQuickstart.java"})
    void quickstartIsACopyOfTheDocs(String page, String test) throws IOException {
        String source = Files.readString(Path.of(System.getProperty("hfthot.smoke.sources"), test));
        String startMarker = "// docs/" + page + ":start";
        int start = source.indexOf(startMarker);
        int end = source.indexOf("// docs/" + page + ":end");
        assertTrue(start >= 0 && end > start, test + " marks its copy of " + page);
        String region = substituted(normalise(source.substring(start + startMarker.length(), end)));
        String doc = Files.readString(Path.of(System.getProperty("hfthot.docs.dir"), page));
        List<String> blocks = javaBlocks(doc);
        assertTrue(blocks.stream().anyMatch(b -> b.contains(region)), page + " shows no block containing the copy in " + test + ":\n" + region);
    }

    private static String substituted(String code) {
        String out = code;
        for (Map.Entry<String, String> e : SUBSTITUTIONS.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    private static List<String> javaBlocks(String doc) {
        List<String> out = new ArrayList<>();
        int from = doc.indexOf("```java");
        while (from >= 0) {
            int end = doc.indexOf("```", from + 7);
            out.add(normalise(doc.substring(from + 7, end)));
            from = doc.indexOf("```java", end + 3);
        }
        return out;
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
