package org.openinfusion.station.storage.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/** File layout of the journal: segment names, the entry frame, and reading one frame. */
final class Segments {
    /** Frame: u32 payload length, u32 CRC32C of the payload, payload. */
    static final int FRAME_HEADER = 8;
    static final int MAX_PAYLOAD = 64 * 1024 * 1024;
    /**
     * Version marker at the start of a segment: 0x89 'J' 'R' 'N', u16 layout version (1), u16 payload format.
     * Segments of earlier versions have none: they start with a frame, whose length's first byte is at most 0x04.
     */
    static final int HEADER = 8;
    static final int LAYOUT_VERSION = 1;
    private static final int MAGIC = 0x894A524E;
    private static final Pattern NAME = Pattern.compile("segment-(\\d{20})\\.log");

    private Segments() {
    }

    static Path path(Path dir, long id) {
        return dir.resolve(String.format("segment-%020d.log", id));
    }

    static List<Long> list(Path dir) throws IOException {
        List<Long> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    ids.add(Long.parseLong(m.group(1)));
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    static ByteBuffer header(int payloadFormat) {
        return ByteBuffer.allocate(HEADER).putInt(MAGIC).putShort((short) LAYOUT_VERSION).putShort((short) payloadFormat).flip();
    }

    /**
     * The payload format of a segment: {@link DurableJournal#HEADERLESS} when it starts without a version marker
     * (written by earlier versions), else the format in its header. -1 when it starts with a torn marker (fewer than
     * {@link #HEADER} bytes of one); an unknown layout version is an error.
     */
    static int format(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0) {
            return DurableJournal.HEADERLESS;
        }
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(HEADER, size));
        readFully(ch, b, 0);
        if ((b.get(0) & 0xFF) != MAGIC >>> 24) {
            return DurableJournal.HEADERLESS;
        }
        if (size < HEADER) {
            return -1;
        }
        if (b.getInt(0) != MAGIC || b.getShort(4) != LAYOUT_VERSION) {
            throw new IOException("durable buffer segment of an unknown layout (marker " + Integer.toHexString(b.getInt(0))
                    + ", version " + b.getShort(4) + ")");
        }
        return Short.toUnsignedInt(b.getShort(6));
    }

    /** Where the first frame of this segment file starts (0 for an empty or headerless one). */
    static int firstFrame(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            return firstFrame(Math.max(DurableJournal.HEADERLESS, format(ch)));
        }
    }

    /** Where the first frame of a segment with this format starts. */
    static int firstFrame(int format) {
        return format == DurableJournal.HEADERLESS ? 0 : HEADER;
    }

    static ByteBuffer frame(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer b = ByteBuffer.allocate(FRAME_HEADER + payload.length);
        b.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        return b;
    }

    /** Reads the frame at {@code offset}; null when the bytes there are not one whole, intact frame. */
    static byte[] read(FileChannel ch, long offset, long limit) throws IOException {
        if (offset + FRAME_HEADER > limit) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER);
        readFully(ch, header, offset);
        int length = header.getInt(0);
        int expectedCrc = header.getInt(4);
        if (length <= 0 || length > MAX_PAYLOAD || offset + FRAME_HEADER + length > limit) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        readFully(ch, body, offset + FRAME_HEADER);
        CRC32C crc = new CRC32C();
        crc.update(body.array());
        return (int) crc.getValue() == expectedCrc ? body.array() : null;
    }

    /**
     * Where the frame at {@code offset} ends if its header is plausible (whatever its CRC says), else -1.
     * Used to step over one damaged frame when intact frames follow it.
     */
    static long plausibleEnd(FileChannel ch, long offset, long limit) throws IOException {
        if (offset + FRAME_HEADER > limit) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER);
        readFully(ch, header, offset);
        int length = header.getInt(0);
        long end = offset + FRAME_HEADER + length;
        return length <= 0 || length > MAX_PAYLOAD || end > limit ? -1 : end;
    }

    /** True when a damaged frame at {@code offset} can be stepped over: an intact frame starts right after it. */
    static long skippableEnd(FileChannel ch, long offset, long limit) throws IOException {
        long end = plausibleEnd(ch, offset, limit);
        return end > 0 && end < limit && read(ch, end, limit) != null ? end : -1;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long offset) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                throw new IOException("unexpected end of segment");
            }
        }
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
