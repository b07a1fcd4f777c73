package dev.eshop.platform.web.upload;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The image formats uploads may have, recognised by their first bytes only. */
public enum ImageType {

    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    /** The media types accepted, as listed in a 415 problem's {@code accepted}. */
    public static final List<String> MEDIA_TYPES = Arrays.stream(values()).map(ImageType::mediaType).toList();

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String mediaType;
    private final String extension;

    ImageType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** File extension without the dot: {@code jpg}, {@code png}, {@code webp}. */
    public String extension() {
        return extension;
    }

    /** The type the content starts like (JPEG {@code FF D8 FF}, the PNG signature, {@code RIFF....WEBP}), if any. */
    public static Optional<ImageType> sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (bytes.length >= 8 && Arrays.equals(bytes, 0, 8, PNG_SIGNATURE, 0, 8)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 12 && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    static boolean ascii(byte[] bytes, int offset, String text) {
        if (offset + text.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes[offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
