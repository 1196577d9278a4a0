package io.hfthot.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code --log-format json}: application lines on stderr are parseable JSON objects; the access log's encoder is JSON. */
class JsonLogsTest {
    @Test
    void everyLineIsAJsonObjectWithLevelLoggerAndMessage() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Object accessEncoder;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            JsonLogs.install();
            LoggerFactory.getLogger("io.hfthot.server.Test").warn("disk \"low\": {} bytes", 42);
            // The access appender writes to file descriptor 2 itself (not System.err): check its encoder instead.
            accessEncoder = ((AsyncAccessAppender) context.getLogger("io.hfthot.access").getAppender("ACCESS"))
                    .getEncoder();
            context.stop();
        } finally {
            System.setErr(original);
            JoranConfigurator back = new JoranConfigurator();
            back.setContext(context);
            context.reset();
            back.doConfigure(JsonLogs.class.getResource("/logback.xml"));
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        JsonNode app = lines.stream().filter(l -> l.path("loggerName").asText().equals("io.hfthot.server.Test"))
                .findFirst().orElseThrow(() -> new AssertionError(captured.toString(StandardCharsets.UTF_8)));
        assertEquals("WARN", app.get("level").asText());
        assertEquals("disk \"low\": 42 bytes", app.path("formattedMessage").asText());
        assertTrue(accessEncoder instanceof JsonEncoder, "the access log is JSON too: " + accessEncoder);
    }
}
