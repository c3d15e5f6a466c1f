package dev.baton.engine.runtime.artifact.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Recognises a tar, a gzip-compressed tar or a zip by its first bytes, leaving the stream where it was. */
final class ArchiveDetection {
    /** How far detection may read ahead; decompressing one tar header never needs more. */
    static final int READ_AHEAD = 1024 * 1024;
    private static final int TAR_BLOCK = 512;

    enum Kind { TAR, TAR_GZ, ZIP, RAW }

    private ArchiveDetection() {
    }

    /** {@code in} must support mark/reset with at least {@link #READ_AHEAD}. */
    static Kind detect(BufferedInputStream in) throws IOException {
        byte[] head = peek(in);
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return looksLikeTar(peekGunzipped(in)) ? Kind.TAR_GZ : Kind.RAW;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
            return Kind.ZIP;
        }
        return looksLikeTar(head) ? Kind.TAR : Kind.RAW;
    }

    private static byte[] peekGunzipped(BufferedInputStream in) throws IOException {
        in.mark(READ_AHEAD);
        try (InputStream gunzipped = new GzipCompressorInputStream(new CloseShieldInputStream(in))) {
            return gunzipped.readNBytes(TAR_BLOCK);
        } catch (IOException e) {
            // gzip magic but not a gzip stream: not an archive, so it is kept as raw bytes
            return new byte[0];
        } finally {
            in.reset();
        }
    }

    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(READ_AHEAD);
        try {
            return in.readNBytes(TAR_BLOCK);
        } finally {
            in.reset();
        }
    }

    /** A ustar/GNU header, or the all-zero block that is the whole of an empty tar. */
    private static boolean looksLikeTar(byte[] block) {
        if (block.length < TAR_BLOCK) {
            return false;
        }
        if (TarArchiveInputStream.matches(block, block.length)) {
            return true;
        }
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
