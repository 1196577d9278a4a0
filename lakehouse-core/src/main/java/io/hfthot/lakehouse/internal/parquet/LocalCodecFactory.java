package io.hfthot.lakehouse.internal.parquet;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet codecs backed directly by snappy-java, zstd-jni and {@code java.util.zip}.
 *
 * <p>Written by hand because parquet-hadoop's {@code CodecFactory} instantiates Hadoop {@code CompressionCodec}
 * classes, which would pull Hadoop onto the runtime classpath; these three libraries are what those Hadoop codecs
 * wrap anyway. Stateless and thread-safe.
 */
// BytesInput.toByteArray is deprecated in parquet 1.16 in favour of allocator-based copies; the byte-array
// codecs used here need a heap array anyway, and the method exists unchanged in 1.15 and 1.16.
@SuppressWarnings("deprecation")
public final class LocalCodecFactory implements CompressionCodecFactory {
    /** The shared instance. */
    public static final LocalCodecFactory INSTANCE = new LocalCodecFactory();

    private LocalCodecFactory() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                byte[] in = bytes.toByteArray();
                return BytesInput.from(compressBytes(codec, in));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
                // stateless
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(decompressBytes(codec, bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(decompressBytes(codec, in, uncompressedSize));
            }

            @Override
            public void release() {
                // stateless
            }
        };
    }

    @Override
    public void release() {
        // stateless
    }

    static byte[] compressBytes(CompressionCodecName codec, byte[] in) throws IOException {
        switch (codec) {
            case UNCOMPRESSED:
                return in;
            case SNAPPY:
                return Snappy.compress(in);
            case ZSTD:
                return Zstd.compress(in, 3);
            case GZIP: {
                ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 64);
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(in);
                }
                return out.toByteArray();
            }
            default:
                throw new IllegalArgumentException("codec must be SNAPPY, ZSTD, GZIP or UNCOMPRESSED for writing, got " + codec);
        }
    }

    static byte[] decompressBytes(CompressionCodecName codec, byte[] in, int uncompressedSize) throws IOException {
        switch (codec) {
            case UNCOMPRESSED:
                return in;
            case SNAPPY: {
                byte[] out = new byte[uncompressedSize];
                Snappy.uncompress(in, 0, in.length, out, 0);
                return out;
            }
            case ZSTD: {
                byte[] out = Zstd.decompress(in, uncompressedSize);
                return out;
            }
            case GZIP: {
                try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(in))) {
                    return gz.readNBytes(uncompressedSize);
                }
            }
            default:
                throw new UncheckedIOException(new IOException("Parquet codec " + codec
                        + " is not supported for reading; supported: SNAPPY, ZSTD, GZIP, UNCOMPRESSED"));
        }
    }
}
