package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hfthot.lakehouse.internal.table.DeletedRowsAccess;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inline ({@code i}) deletion vectors, which no golden table holds: a copy of {@code log-replay-dv-key-cases} whose
 * on-disk vectors are rewritten inline (the same bitmap bytes, Z85-encoded, as the protocol defines) must read the
 * same rows as Delta Kernel reads from the original. Z85 itself is checked against the ZeroMQ RFC 32 test vector.
 */
class InlineDeletionVectorTest {
    private static final String Z85 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    private static final String GOLDEN_NAME = "log-replay-dv-key-cases";

    @TempDir
    Path dir;

    static String z85(byte[] bytes) {
        byte[] padded = Arrays.copyOf(bytes, (bytes.length + 3) / 4 * 4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < padded.length; i += 4) {
            long v = ByteBuffer.wrap(padded, i, 4).getInt() & 0xffffffffL;
            char[] c = new char[5];
            for (int k = 4; k >= 0; k--) {
                c[k] = Z85.charAt((int) (v % 85));
                v /= 85;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Test
    void z85MatchesTheRfcTestVector() {
        byte[] hello = {(byte) 0x86, 0x4F, (byte) 0xD2, 0x6F, (byte) 0xB5, 0x59, (byte) 0xF7, 0x5B};
        assertEquals("HelloWorld", z85(hello));
        assertEquals(Arrays.toString(hello), Arrays.toString(DeletedRowsAccess.z85Decode("HelloWorld", 8)));
        assertThrows(LakehouseException.class, () -> DeletedRowsAccess.z85Decode("Hello", 5));
        assertThrows(LakehouseException.class, () -> DeletedRowsAccess.z85Decode("Hell~", 4));
    }

    @Test
    void inlineVectorsReadAsTheOnDiskOnes() throws Exception {
        Path golden = GoldenTables.table(GOLDEN_NAME);
        Path copy = dir.resolve("dv");
        try (Stream<Path> s = Files.walk(golden)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = copy.resolve(golden.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".crc")) {
                    Files.copy(p, target);
                }
            }
        }
        int rewritten = 0;
        for (long v = 1; v <= 3; v++) {
            Path commit = copy.resolve("_delta_log").resolve(String.format("%020d.json", v));
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(commit)) {
                var node = (com.fasterxml.jackson.databind.node.ObjectNode) io.hfthot.lakehouse.internal.actions.ActionJson.MAPPER.readTree(line);
                for (String kind : List.of("add", "remove")) {
                    var a = node.get(kind);
                    if (a != null && a.hasNonNull("deletionVector") && a.get("deletionVector").get("storageType").asText().equals("u")) {
                        var dv = (com.fasterxml.jackson.databind.node.ObjectNode) a.get("deletionVector");
                        byte[] bitmap = DeletedRowsAccess.storedBitmap(copy, dv.get("pathOrInlineDv").asText(),
                                dv.get("offset").asInt(), dv.get("sizeInBytes").asInt());
                        dv.put("storageType", "i");
                        dv.put("pathOrInlineDv", z85(bitmap));
                        dv.remove("offset");
                        rewritten++;
                    }
                }
                out.add(node.toString());
            }
            Files.write(commit, (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(true, rewritten >= 3, "every on-disk vector became inline");
        try (Stream<Path> s = Files.list(copy)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("deletion_vector_")).toList()) {
                Files.delete(p);
            }
        }
        Lakehouse lh = Lakehouse.open(dir);
        for (long v = 0; v <= 3; v++) {
            assertEquals(KernelOracle.rows(golden, v), TestTables.values(lh.readVersion("dv", v).read()), "version " + v);
        }
        assertEquals("i", lh.read("dv").dataFiles().get(0).deletionVector().storageType());
    }
}
