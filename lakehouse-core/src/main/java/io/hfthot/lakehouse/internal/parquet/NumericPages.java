package io.hfthot.lakehouse.internal.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes one flat (not repeated) numeric column chunk, INT32, INT64, FLOAT or DOUBLE, page by page into a
 * primitive array: PLAIN pages are copied in bulk from their little-endian bytes, dictionary pages map ids through
 * the dictionary, and any other encoding goes through parquet-column's own {@link ValuesReader} for it.
 *
 * <p>Why not parquet-column's {@code ColumnReader}: it decodes value by value through a {@code
 * LittleEndianDataInputStream} and a per-value state machine over repetition and definition levels (JFR on a
 * 1M-row read put 37% of the time in {@code ColumnReaderBase.readValue}/{@code getDouble}/{@code getLong}). This class
 * follows the page layout that {@code ColumnReaderBase.readPageV1}/{@code readPageV2} read (parquet-java 1.16):
 * a V1 page holds repetition levels, then definition levels, then values, each level stream introduced by its own
 * reader; a V2 page keeps the levels apart, RLE-encoded without a length prefix. Pages come from the
 * {@link PageReader} already decompressed.
 */
final class NumericPages {
    private final PageReader pages;
    private final ColumnDescriptor column;
    private final PrimitiveTypeName physical;
    private final int maxDef;
    private final Dictionary dictionary;
    /** Definition levels of the current page; grown as needed. */
    private int[] levels = new int[0];

    /**
     * Prepares a column chunk.
     *
     * @param pages  the chunk's pages (consumed by {@link #readLongs} or {@link #readDoubles})
     * @param column a column with no repetition
     */
    NumericPages(PageReader pages, ColumnDescriptor column) throws IOException {
        if (column.getMaxRepetitionLevel() != 0) {
            throw new IllegalArgumentException("column " + column + " is repeated; only flat columns are decoded here");
        }
        this.pages = pages;
        this.column = column;
        this.physical = column.getPrimitiveType().getPrimitiveTypeName();
        this.maxDef = column.getMaxDefinitionLevel();
        DictionaryPage dp = pages.readDictionaryPage();
        this.dictionary = dp == null ? null : dp.getEncoding().initDictionary(column, dp);
    }

    /** Whether this class decodes a column of that physical type. */
    static boolean decodes(PrimitiveTypeName physical) {
        return physical == PrimitiveTypeName.INT32 || physical == PrimitiveTypeName.INT64
                || physical == PrimitiveTypeName.FLOAT || physical == PrimitiveTypeName.DOUBLE;
    }

    /**
     * Reads an INT32 or INT64 chunk of {@code n} values into {@code out} (modified), INT64 values scaled by
     * {@code mul} or divided (flooring) by {@code div} when either is not 1 (timestamp units to microseconds).
     *
     * @return the null mask, or null when no value is null
     */
    boolean[] readLongs(long[] out, int n, long mul, long div) throws IOException {
        boolean[] nulls = null;
        boolean int64 = physical == PrimitiveTypeName.INT64;
        int pos = 0;
        DataPage page;
        while (pos < n && (page = pages.readPage()) != null) {
            int count = page.getValueCount();
            Page p = open(page, count);
            if (p.nonNull < count) {
                nulls = nulls == null ? new boolean[n] : nulls;
            }
            if (p.encoding == Encoding.PLAIN) {
                ByteBuffer buf = p.values.slice(p.nonNull * (int64 ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
                if (p.nonNull == count && int64) {
                    buf.asLongBuffer().get(out, pos, count);
                } else {
                    for (int i = 0; i < count; i++) {
                        if (levels[i] == maxDef) {
                            out[pos + i] = int64 ? buf.getLong() : buf.getInt();
                        } else {
                            nulls[pos + i] = true;
                        }
                    }
                }
            } else {
                ValuesReader r = valuesReader(p, count);
                for (int i = 0; i < count; i++) {
                    if (levels[i] == maxDef) {
                        out[pos + i] = dictionary != null && p.encoding.usesDictionary()
                                ? (int64 ? dictionary.decodeToLong(r.readValueDictionaryId()) : dictionary.decodeToInt(r.readValueDictionaryId()))
                                : (int64 ? r.readLong() : r.readInteger());
                    } else {
                        nulls[pos + i] = true;
                    }
                }
            }
            if (mul != 1 || div != 1) {
                for (int i = pos; i < pos + count; i++) {
                    out[i] = div == 1 ? out[i] * mul : Math.floorDiv(out[i], div);
                }
            }
            pos += count;
        }
        checkCount(pos, n);
        return nulls;
    }

    /**
     * Reads a FLOAT or DOUBLE chunk of {@code n} values into {@code out} (modified).
     *
     * @return the null mask, or null when no value is null
     */
    boolean[] readDoubles(double[] out, int n) throws IOException {
        boolean[] nulls = null;
        boolean isDouble = physical == PrimitiveTypeName.DOUBLE;
        int pos = 0;
        DataPage page;
        while (pos < n && (page = pages.readPage()) != null) {
            int count = page.getValueCount();
            Page p = open(page, count);
            if (p.nonNull < count) {
                nulls = nulls == null ? new boolean[n] : nulls;
            }
            if (p.encoding == Encoding.PLAIN) {
                ByteBuffer buf = p.values.slice(p.nonNull * (isDouble ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
                if (p.nonNull == count && isDouble) {
                    buf.asDoubleBuffer().get(out, pos, count);
                } else {
                    for (int i = 0; i < count; i++) {
                        if (levels[i] == maxDef) {
                            out[pos + i] = isDouble ? buf.getDouble() : buf.getFloat();
                        } else {
                            nulls[pos + i] = true;
                        }
                    }
                }
            } else {
                ValuesReader r = valuesReader(p, count);
                for (int i = 0; i < count; i++) {
                    if (levels[i] == maxDef) {
                        out[pos + i] = dictionary != null && p.encoding.usesDictionary()
                                ? (isDouble ? dictionary.decodeToDouble(r.readValueDictionaryId()) : dictionary.decodeToFloat(r.readValueDictionaryId()))
                                : (isDouble ? r.readDouble() : r.readFloat());
                    } else {
                        nulls[pos + i] = true;
                    }
                }
            }
            pos += count;
        }
        checkCount(pos, n);
        return nulls;
    }

    private void checkCount(int read, int n) {
        if (read != n) {
            throw new IllegalStateException("column " + column + " holds " + read + " values in its pages but the row group has " + n);
        }
    }

    /** A data page with its definition levels decoded into {@link #levels} and its value stream positioned. */
    private record Page(Encoding encoding, ByteBufferInputStream values, int nonNull) {
    }

    private Page open(DataPage page, int count) throws IOException {
        if (levels.length < count) {
            levels = new int[Math.max(count, levels.length * 2)];
        }
        if (page instanceof DataPageV1 v1) {
            ByteBufferInputStream in = v1.getBytes().toInputStream();
            ValuesReader rl = v1.getRlEncoding().getValuesReader(column, ValuesType.REPETITION_LEVEL);
            ValuesReader dl = v1.getDlEncoding().getValuesReader(column, ValuesType.DEFINITION_LEVEL);
            rl.initFromPage(count, in);
            dl.initFromPage(count, in);
            int nonNull = count;
            if (maxDef == 0) {
                java.util.Arrays.fill(levels, 0, count, 0);
            } else {
                for (int i = 0; i < count; i++) {
                    levels[i] = dl.readInteger();
                    nonNull -= levels[i] == maxDef ? 0 : 1;
                }
            }
            return new Page(v1.getValueEncoding(), in, nonNull);
        }
        DataPageV2 v2 = (DataPageV2) page;
        int nonNull = count;
        if (maxDef == 0) {
            java.util.Arrays.fill(levels, 0, count, 0);
        } else {
            RunLengthBitPackingHybridDecoder dl = new RunLengthBitPackingHybridDecoder(BytesUtils.getWidthFromMaxInt(maxDef),
                    v2.getDefinitionLevels().toInputStream());
            for (int i = 0; i < count; i++) {
                levels[i] = dl.readInt();
                nonNull -= levels[i] == maxDef ? 0 : 1;
            }
        }
        return new Page(v2.getDataEncoding(), v2.getData().toInputStream(), nonNull);
    }

    private ValuesReader valuesReader(Page p, int count) throws IOException {
        ValuesReader r;
        if (p.encoding.usesDictionary()) {
            if (dictionary == null) {
                throw new IOException("column " + column + " has a dictionary-encoded page but no dictionary page");
            }
            r = p.encoding.getDictionaryBasedValuesReader(column, ValuesType.VALUES, dictionary);
        } else {
            r = p.encoding.getValuesReader(column, ValuesType.VALUES);
        }
        r.initFromPage(count, p.values);
        return r;
    }
}
