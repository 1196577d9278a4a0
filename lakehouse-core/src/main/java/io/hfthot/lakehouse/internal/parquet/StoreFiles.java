package io.hfthot.lakehouse.internal.parquet;

import io.hfthot.lakehouse.storage.LogStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import org.apache.parquet.io.DelegatingPositionOutputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Parquet's {@link InputFile} and {@link OutputFile} over a {@link LogStore}'s plain channels and streams, so that the
 * store's public contract names nothing of Parquet.
 */
public final class StoreFiles {
    /** Parquet writes page by page, but the footer in many small writes; buffer like {@code LocalOutputFile}. */
    private static final int WRITE_BUFFER = 64 * 1024;

    private StoreFiles() {
    }

    /**
     * A Parquet input over a stored file.
     *
     * @throws java.nio.file.NoSuchFileException when absent
     */
    public static InputFile input(LogStore store, Path path) throws IOException {
        long length = store.stat(path).orElseThrow(() -> new java.nio.file.NoSuchFileException(path.toString())).size();
        return new InputFile() {
            @Override
            public long getLength() {
                return length;
            }

            @Override
            public SeekableInputStream newStream() throws IOException {
                return new ChannelInputStream(store.openRead(path));
            }

            @Override
            public String toString() {
                return path.toString();
            }
        };
    }

    /** A Parquet output creating a new stored file (refused when it exists, as {@link LogStore#create} says). */
    public static OutputFile output(LogStore store, Path path) {
        return new OutputFile() {
            @Override
            public PositionOutputStream create(long blockSizeHint) throws IOException {
                return new CountingOutputStream(new BufferedOutputStream(store.create(path), WRITE_BUFFER));
            }

            @Override
            public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
                return create(blockSizeHint); // data and checkpoint files are always new
            }

            @Override
            public boolean supportsBlockSize() {
                return false;
            }

            @Override
            public long defaultBlockSize() {
                return 0;
            }

            @Override
            public String getPath() {
                return path.toString();
            }
        };
    }

    /** Reads at the channel's position; seeking moves it. */
    private static final class ChannelInputStream extends DelegatingSeekableInputStream {
        private final SeekableByteChannel channel;

        ChannelInputStream(SeekableByteChannel channel) {
            super(Channels.newInputStream(channel));
            this.channel = channel;
        }

        @Override
        public long getPos() throws IOException {
            return channel.position();
        }

        @Override
        public void seek(long newPos) throws IOException {
            channel.position(newPos);
        }

        @Override
        public void readFully(ByteBuffer buf) throws IOException {
            // Column chunks are read into one buffer each: straight from the channel, without the stream's copy.
            while (buf.hasRemaining()) {
                if (channel.read(buf) < 0) {
                    throw new java.io.EOFException("reached the end of the file with " + buf.remaining() + " bytes left to read");
                }
            }
        }
    }

    /** Counts the bytes written, which Parquet needs for the offsets in the footer. */
    private static final class CountingOutputStream extends DelegatingPositionOutputStream {
        private long pos;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public void write(int b) throws IOException {
            super.write(b);
            pos++;
        }

        @Override
        public void write(byte[] b) throws IOException {
            // DelegatingPositionOutputStream passes each overload straight to the stream: count in every one.
            super.write(b);
            pos += b.length;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            pos += len;
        }
    }
}
