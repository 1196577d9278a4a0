package io.hfthot.engine.hti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.hti.ideas.IdeaTable;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.hti.profile.HtiProfile;
import io.hfthot.engine.hti.profile.IdeaFilters;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.testkit.TestClock;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.OptimizeResult;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compacting {@code hti.ideas} keeps every row, lowers the file count, and leaves time travel to the versions
 * before it and the served history unchanged; appends go on after it.
 */
class IdeaCompactionTest {
    private static final Instant START = Instant.parse("2026-01-12T14:00:30Z");
    private static final HtiConfig MANUAL = HtiConfig.defaults().withBackground(false).withDemoCodes(false);

    @TempDir
    Path dir;

    /** Every row as text, sorted: the table's content independent of file layout and order. */
    private static List<String> content(Snapshot snapshot) {
        List<String> out = new ArrayList<>();
        for (Row r : snapshot.rows()) {
            StringBuilder b = new StringBuilder();
            for (String column : IdeaTable.SCHEMA.names()) {
                b.append(r.get(column)).append('|');
            }
            out.add(b.toString());
        }
        out.sort(null);
        return out;
    }

    @Test
    void compactionKeepsEveryRowAndTimeTravelWhileTheFileCountFalls() {
        TestClock clock = new TestClock(START);
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null)) {
            HtiService hti = HtiService.start(lab.engine(), MANUAL);
            Lakehouse lakehouse = lab.engine().lakehouse();
            int revisions = hti.runOnce().size();
            for (int i = 0; i < 24; i++) {
                clock.advance(Duration.ofMinutes(5));
                lab.engine().runMaintenance();
                revisions += hti.runOnce().size();
            }
            Snapshot before = lakehouse.read(IdeaTable.TABLE);
            List<String> rowsBefore = content(before);
            assertEquals(revisions, rowsBefore.size());
            int filesBefore = before.dataFiles().size();
            assertTrue(filesBefore >= 10, "only " + filesBefore + " files to compact");
            HtiProfile all = hti.issueCode("Acme", null, 600, IdeaFilters.all()).profile();
            List<TradeIdea> historyBefore = hti.history(all, 100);

            OptimizeResult result = hti.compactIdeas().orElseThrow();
            assertTrue(result.committed());
            Snapshot after = lakehouse.read(IdeaTable.TABLE);
            assertEquals(before.version() + 1, after.version());
            assertEquals(1, after.dataFiles().size(), "files after compaction");
            assertEquals(filesBefore, result.removedFiles());
            assertEquals(rowsBefore, content(after));
            // Time travel to the version before the compaction reads the same rows from the replaced files (the
            // vacuum that followed the compaction keeps them: they were replaced less than 7 days ago).
            assertEquals(rowsBefore, content(lakehouse.readVersion(IdeaTable.TABLE, before.version())));
            assertEquals("OPTIMIZE", lakehouse.listVersions(IdeaTable.TABLE).stream()
                    .filter(v -> v.version() == after.version()).findFirst().orElseThrow().operation());

            // History read back from the compacted table is unchanged, and appends go on.
            HtiService restored = HtiService.start(lab.engine(), MANUAL);
            assertEquals(historyBefore, restored.history(all, 100));
            clock.advance(Duration.ofMinutes(30));
            lab.engine().runMaintenance();
            int more = hti.runOnce().size();
            assertEquals(revisions + more, lakehouse.read(IdeaTable.TABLE).rows().size());
        }
    }
}
