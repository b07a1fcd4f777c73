package dev.eshop.platform.web.idempotency;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * SHA-256 (64 hex digits) of what a request asks for: the raw body; for multipart each part's name
 * and bytes in order; for a urlencoded form its parameters in order. A query string, if any, is
 * hashed too, so {@code ?main=true} and {@code ?main=false} are different requests.
 */
final class RequestHash {

    private RequestHash() {
    }

    static String of(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (request.getQueryString() != null) {
            field(digest, "?".getBytes(StandardCharsets.UTF_8));
            field(digest, request.getQueryString().getBytes(StandardCharsets.UTF_8));
        }
        if (contentType.startsWith("multipart/")) {
            for (Part part : request.getParts()) {
                field(digest, part.getName().getBytes(StandardCharsets.UTF_8));
                digest.update(longBytes(part.getSize()));
                try (InputStream in = part.getInputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
        }
        else if (contentType.startsWith("application/x-www-form-urlencoded")) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                field(digest, parameter.getKey().getBytes(StandardCharsets.UTF_8));
                for (String value : parameter.getValue()) {
                    field(digest, value.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        else {
            CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
            if (cached == null) {
                throw new IllegalStateException("the IdempotencyFilter did not wrap this request");
            }
            digest.update(cached.body());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, byte[] bytes) {
        digest.update(longBytes(bytes.length));
        digest.update(bytes);
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
