package dev.eshop.platform.web.upload;

import dev.eshop.platform.web.problem.PayloadTooLargeException;
import dev.eshop.platform.web.problem.UnsupportedMediaTypeException;
import org.springframework.web.multipart.MultipartFile;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * The checks every image upload goes through (services.md §0.2), in this order:
 * <ol>
 * <li>size above {@code maxBytes} → 413 {@code payload-too-large} ({@code max_bytes});</li>
 * <li>type from the first bytes only (JPEG {@code FF D8 FF}, the PNG signature, WebP
 * {@code RIFF....WEBP}); the declared type and file name are ignored → 415 {@code unsupported-media-type}
 * ({@code accepted}) otherwise;</li>
 * <li>width and height read from the header before any decoding, each ≤ {@code maxDimension} → 415;</li>
 * <li>bytes after the image's end (JPEG EOI, PNG IEND, WebP RIFF length: a polyglot) or a truncated
 * structure → 415;</li>
 * <li>one decode, with source subsampling straight to about the thumbnail size, so memory is bounded by
 * the thumbnail rather than the image (a decompression bomb cannot exhaust it); a decoding error → 415.</li>
 * </ol>
 * The result carries the sniffed type, the dimensions and a JPEG thumbnail ({@code thumbnailSize} px
 * on the long side).
 *
 * <pre>
 * ImageUploads uploads = new ImageUploads(5 * 1024 * 1024, 10_000, 480);
 * CheckedImage image = uploads.check(file);   // MultipartFile or byte[]
 * s3.put(key + "." + image.type().extension(), image.bytes(), image.type().mediaType());
 * </pre>
 */
public class ImageUploads {

    private final long maxBytes;
    private final int maxDimension;
    private final int thumbnailSize;

    public ImageUploads(long maxBytes, int maxDimension, int thumbnailSize) {
        if (maxBytes < 1 || maxDimension < 1 || thumbnailSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxDimension = maxDimension;
        this.thumbnailSize = thumbnailSize;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Checks an uploaded part; its size is checked before a byte is read. */
    public CheckedImage check(MultipartFile file) {
        if (file.getSize() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = file.getInputStream()) {
            // Read one byte past the limit, so a part whose declared size lied cannot slip through.
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return check(bytes);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read the upload", e);
        }
    }

    public CheckedImage check(byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        ImageType type = ImageType.sniff(bytes).orElseThrow(() -> unsupported(
                "The file is not a JPEG, PNG or WebP image (judged by its content, not its name or declared type)."));
        ImageHeader header;
        try {
            header = ImageHeader.read(type, bytes);
        }
        catch (ImageHeader.MalformedImageException e) {
            throw unsupported("The file is not a valid " + type + " image: " + e.getMessage() + ".");
        }
        if (header.width() < 1 || header.height() < 1 || header.width() > maxDimension || header.height() > maxDimension) {
            throw unsupported("The image is %d x %d pixels; each side may be at most %d pixels."
                    .formatted(header.width(), header.height(), maxDimension));
        }
        if (header.end() != bytes.length) {
            throw unsupported("The file has %d bytes after the end of its %s image; upload the image alone."
                    .formatted(bytes.length - header.end(), type));
        }
        return new CheckedImage(type, bytes, header.width(), header.height(), thumbnail(type, bytes, header));
    }

    private byte[] thumbnail(ImageType type, byte[] bytes, ImageHeader header) {
        BufferedImage decoded;
        try {
            decoded = decodeSubsampled(type, bytes, header);
        }
        catch (IOException | RuntimeException e) {
            throw unsupported("The " + type + " image could not be decoded; the file is damaged.");
        }
        return jpeg(scaled(decoded));
    }

    private BufferedImage decodeSubsampled(ImageType type, byte[] bytes, ImageHeader header) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mediaType());
            if (!readers.hasNext()) {
                throw new IIOException("no reader for " + type.mediaType());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                if (reader.getWidth(0) != header.width() || reader.getHeight(0) != header.height()) {
                    throw new IIOException("the decoder sees another size than the header");
                }
                int longSide = Math.max(header.width(), header.height());
                int step = Math.max(1, longSide / thumbnailSize);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new IIOException("nothing decoded");
                }
                return image;
            }
            finally {
                reader.dispose();
            }
        }
    }

    /** At most {@code thumbnailSize} on the long side, on white (JPEG has no transparency). */
    private BufferedImage scaled(BufferedImage source) {
        int longSide = Math.max(source.getWidth(), source.getHeight());
        double factor = longSide > thumbnailSize ? (double) thumbnailSize / longSide : 1.0;
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        }
        finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "jpeg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException(maxBytes, "The image is larger than the limit of %d bytes.".formatted(maxBytes));
    }

    private static UnsupportedMediaTypeException unsupported(String detail) {
        return new UnsupportedMediaTypeException(ImageType.MEDIA_TYPES, detail);
    }
}
