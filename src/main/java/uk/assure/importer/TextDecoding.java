package uk.assure.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes to text: UTF-8 (with or without a byte-order mark), else Windows-1252, which older Office exports use. */
final class TextDecoding {

    private TextDecoding() {}

    static String decode(String fileName, byte[] content) {
        int offset = content.length >= 3
                        && (content[0] & 0xff) == 0xef
                        && (content[1] & 0xff) == 0xbb
                        && (content[2] & 0xff) == 0xbf
                ? 3
                : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }
}
