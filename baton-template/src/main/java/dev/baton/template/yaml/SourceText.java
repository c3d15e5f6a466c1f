package dev.baton.template.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The text of a document file, or why it cannot be read as one; never reads past the size limit. */
public sealed interface SourceText {

    /** UTF-8 text, without a byte-order mark. */
    record Text(String content) implements SourceText {
    }

    /** The file could not be read as YAML or JSON text. */
    record Refused(String message) implements SourceText {
    }

    static SourceText read(Path file, ReadLimits limits) {
        try {
            if (!Files.exists(file)) {
                return new Refused("cannot read file: no such file");
            }
            if (Files.isDirectory(file)) {
                return new Refused("cannot read file: it is a directory");
            }
            if (Files.isRegularFile(file) && Files.size(file) > limits.maxBytes()) {
                return tooLarge(Files.size(file), limits);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
            }
            if (bytes.length > limits.maxBytes()) {
                return new Refused("document is larger than the " + limits.maxBytesText() + " limit on document size");
            }
            return decode(bytes);
        } catch (NoSuchFileException e) {
            return new Refused("cannot read file: no such file");
        } catch (IOException e) {
            return new Refused("cannot read file: " + e.getMessage());
        }
    }

    static SourceText of(String content, ReadLimits limits) {
        if (content.length() > limits.maxBytes()) {
            return new Refused("document is larger than the " + limits.maxBytesText() + " limit on document size");
        }
        return checkText(content);
    }

    private static Refused tooLarge(long size, ReadLimits limits) {
        return new Refused("file is " + size + " bytes, larger than the " + limits.maxBytesText()
                + " limit on document size");
    }

    private static SourceText decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String content;
        try {
            content = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Refused("not a YAML or JSON text: the file is not valid UTF-8");
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        return checkText(content);
    }

    private static SourceText checkText(String content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                return new Refused("not a YAML or JSON text: it contains control characters (binary data?)");
            }
        }
        return new Text(content);
    }
}
