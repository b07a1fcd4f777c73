package dev.eshop.platform.web.upload;

import dev.eshop.platform.web.problem.PayloadTooLargeException;
import dev.eshop.platform.web.problem.ProblemException;
import dev.eshop.platform.web.problem.UnsupportedMediaTypeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockMultipartFile;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageUploadsTest {

    /** A 1 x 1 lossy WebP (VP8). */
    static final byte[] WEBP_LOSSY = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

    /** A 1 x 1 lossless WebP (VP8L). */
    static final byte[] WEBP_LOSSLESS = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    final ImageUploads uploads = new ImageUploads(5 * 1024 * 1024, 10_000, 480);

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png"})
    void aJpegOrPngGetsItsTypeSizeAndAThumbnailOfAtMost480Pixels(String format) throws IOException {
        byte[] bytes = image(format, 1200, 800);

        CheckedImage image = uploads.check(bytes);

        assertThat(image.type().name().toLowerCase()).isEqualTo(format);
        assertThat(image.width()).isEqualTo(1200);
        assertThat(image.height()).isEqualTo(800);
        assertThat(image.bytes()).isEqualTo(bytes);
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(image.thumbnail()));
        assertThat(ImageType.sniff(image.thumbnail())).contains(ImageType.JPEG);
        assertThat(thumbnail.getWidth()).isEqualTo(480);
        assertThat(thumbnail.getHeight()).isEqualTo(320);
    }

    @Test
    void aSmallImageKeepsItsSizeInTheThumbnail() throws IOException {
        CheckedImage image = uploads.check(image("png", 30, 60));

        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(image.thumbnail()));
        assertThat(thumbnail.getWidth()).isEqualTo(30);
        assertThat(thumbnail.getHeight()).isEqualTo(60);
    }

    @Test
    void webpLossyAndLosslessAreAccepted() {
        for (byte[] webp : new byte[][] {WEBP_LOSSY, WEBP_LOSSLESS}) {
            CheckedImage image = uploads.check(webp);
            assertThat(image.type()).isEqualTo(ImageType.WEBP);
            assertThat(image.type().mediaType()).isEqualTo("image/webp");
            assertThat(image.width()).isEqualTo(1);
            assertThat(image.height()).isEqualTo(1);
            assertThat(ImageType.sniff(image.thumbnail())).contains(ImageType.JPEG);
        }
    }

    @Test
    void aFileAboveTheLimitIs413WithTheLimitBeforeItsContentIsLookedAt() {
        ImageUploads small = new ImageUploads(1000, 10_000, 480);
        byte[] notEvenAnImage = new byte[1001];

        assertThatThrownBy(() -> small.check(notEvenAnImage))
                .isInstanceOf(PayloadTooLargeException.class)
                .satisfies(e -> assertThat(((ProblemException) e).members()).containsEntry("max_bytes", 1000L));
        assertThatThrownBy(() -> small.check(new MockMultipartFile("file", "car.jpg", "image/jpeg", notEvenAnImage)))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void theTypeComesFromTheBytesNotTheNameOrDeclaredType() throws IOException {
        byte[] html = "<html><body>not a car</body></html>".getBytes(StandardCharsets.UTF_8);
        assertUnsupported(() -> uploads.check(new MockMultipartFile("file", "car.jpg", "image/jpeg", html)), "not a JPEG, PNG or WebP");

        byte[] png = image("png", 20, 20);
        CheckedImage image = uploads.check(new MockMultipartFile("file", "car.jpg", "image/jpeg", png));
        assertThat(image.type()).isEqualTo(ImageType.PNG);
    }

    @Test
    void unsupportedProblemsListTheAcceptedTypes() {
        assertThatThrownBy(() -> uploads.check(new byte[] {'G', 'I', 'F', '8', '9', 'a'}))
                .isInstanceOf(UnsupportedMediaTypeException.class)
                .satisfies(e -> assertThat(((ProblemException) e).members().get("accepted"))
                        .isEqualTo(java.util.List.of("image/jpeg", "image/png", "image/webp")));
    }

    @Test
    void aHeaderClaiming20000By20000PixelsIsRefusedBeforeDecoding() throws IOException {
        byte[] png = image("png", 8, 8);
        // IHDR data starts at offset 16: width and height as big-endian 32-bit numbers.
        writeInt(png, 16, 20_000);
        writeInt(png, 20, 20_000);

        assertUnsupported(() -> uploads.check(png), "20000 x 20000");
    }

    @Test
    void aJpegWhoseFrameClaimsTooManyPixelsIsRefused() throws IOException {
        byte[] jpeg = image("jpeg", 16, 16);
        int sof = indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xC0});
        jpeg[sof + 5] = (byte) 0x4E; // height 20000 = 0x4E20
        jpeg[sof + 6] = (byte) 0x20;
        jpeg[sof + 7] = (byte) 0x4E;
        jpeg[sof + 8] = (byte) 0x20;

        assertUnsupported(() -> uploads.check(jpeg), "at most 10000 pixels");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png"})
    void bytesAfterTheImageEndAreRefusedAsAPolyglot(String format) throws IOException {
        byte[] image = image(format, 40, 30);
        byte[] zip = "PK\u0003\u0004<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1);

        assertUnsupported(() -> uploads.check(concat(image, zip)), "after the end");
    }

    @Test
    void aWebpWhoseRiffLengthDoesNotCoverTheFileIsRefused() {
        byte[] webp = concat(WEBP_LOSSY, "<?php echo 1; ?>".getBytes(StandardCharsets.US_ASCII));

        assertUnsupported(() -> uploads.check(webp), "after the end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png"})
    void aTruncatedImageIsRefused(String format) throws IOException {
        byte[] image = image(format, 200, 100);

        assertUnsupported(() -> uploads.check(Arrays.copyOf(image, image.length / 2)), "not a valid");
    }

    @Test
    void aWellFramedJpegWithBrokenPixelDataIsRefusedAtDecoding() throws IOException {
        byte[] jpeg = image("jpeg", 64, 64);
        // Destroy the Huffman tables (DHT segments) while keeping the segment structure.
        int dht = indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xC4});
        int length = ((jpeg[dht + 2] & 0xFF) << 8) | (jpeg[dht + 3] & 0xFF);
        for (int i = dht + 4; i < dht + 2 + length; i++) {
            jpeg[i] = (byte) 0x7F;
        }

        assertUnsupported(() -> uploads.check(jpeg), "could not be decoded");
    }

    static void assertUnsupported(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOf(UnsupportedMediaTypeException.class).hasMessageContaining(detail);
    }

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static void writeInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }
}
