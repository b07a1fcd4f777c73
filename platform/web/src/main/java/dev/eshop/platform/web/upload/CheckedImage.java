package dev.eshop.platform.web.upload;

/**
 * An upload that passed every check of {@link ImageUploads}.
 *
 * @param type      the format its bytes are in (never the declared one)
 * @param bytes     the upload, unchanged
 * @param width     width in pixels, from its header
 * @param height    height in pixels, from its header
 * @param thumbnail a JPEG of at most the thumbnail size on the long side
 */
public record CheckedImage(ImageType type, byte[] bytes, int width, int height, byte[] thumbnail) {

    public int sizeBytes() {
        return bytes.length;
    }
}
