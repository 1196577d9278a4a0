package io.hfthot.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JulBridgeTest {
    private static final String GRPC_HANDLER = "io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler";

    private static LoggingEvent event(String logger, String message, Throwable cause) {
        LoggerContext context = new LoggerContext();
        // The constructor wraps the cause in a ThrowableProxy, as logback does for a logged exception.
        return new LoggingEvent(JulBridgeTest.class.getName(), context.getLogger(logger), Level.WARN, message,
                cause, null);
    }

    @Test
    void onlyGrpcsWarningAboutWritesToAStreamTheClientClosedIsDropped() {
        CancelledStreamWriteFilter filter = new CancelledStreamWriteFilter();
        filter.start();
        Exception closed = new IllegalStateException("Stream closed before write could take place");
        assertEquals(FilterReply.DENY, filter.decide(event(GRPC_HANDLER, "Stream Error", closed)));
        assertEquals(FilterReply.DENY, filter.decide(event("io.grpc.netty.NettyServerHandler", "Stream Error", closed)));
        assertEquals(FilterReply.NEUTRAL, filter.decide(event(GRPC_HANDLER, "Stream Error",
                new IllegalStateException("Received DATA frame for an unknown stream 3"))));
        assertEquals(FilterReply.NEUTRAL, filter.decide(event(GRPC_HANDLER, "Stream Error", null)));
        assertEquals(FilterReply.NEUTRAL, filter.decide(event(GRPC_HANDLER, "Connection Error", closed)));
        assertEquals(FilterReply.NEUTRAL, filter.decide(event("io.hfthot.adapters.grpc.Other", "Stream Error", closed)));
    }

    @Test
    void julRecordsReachLogbackOnceTheBridgeIsInstalled() {
        JulBridge.install();
        JulBridge.install(); // idempotent: one bridge, one copy of each record
        Logger target = (Logger) LoggerFactory.getLogger("io.hfthot.test.jul");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        target.addAppender(seen);
        try {
            java.util.logging.Logger.getLogger("io.hfthot.test.jul").warning("from java.util.logging");
            List<ILoggingEvent> events = seen.list;
            assertEquals(1, events.size(), events.toString());
            assertEquals("from java.util.logging", events.get(0).getFormattedMessage());
            assertEquals(Level.WARN, events.get(0).getLevel());
        } finally {
            target.detachAppender(seen);
        }
    }

    @Test
    void theServersLogbackConfigurationBridgesJulLevelsAndFiltersTheBenignGrpcWarning() throws Exception {
        try (var in = JulBridgeTest.class.getResourceAsStream("/logback.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("ch.qos.logback.classic.jul.LevelChangePropagator"), xml);
            assertTrue(xml.contains(CancelledStreamWriteFilter.class.getName()), xml);
        }
    }
}
