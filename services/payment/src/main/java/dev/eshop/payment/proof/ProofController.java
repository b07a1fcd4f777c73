package dev.eshop.payment.proof;

import dev.eshop.payment.payments.Payment;
import dev.eshop.payment.payments.PaymentView;
import dev.eshop.payment.payments.Payments;
import dev.eshop.platform.web.idempotency.Idempotent;
import dev.eshop.platform.web.problem.FieldViolation;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.MalformedRequestException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.problem.PayloadTooLargeException;
import dev.eshop.platform.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Uploading a proof (CUSTOMER, the order's owner) and streaming its image (the owner or an admin). */
@RestController
@Tag(name = "Payment proofs", description = "Upload a proof of bank transfer; stream its image to its owner and admins")
class ProofController {

    static final int MAX_NOTE = 500;

    /** How long a browser may keep a proof image; private, so no shared cache stores it. */
    static final String CACHE_CONTROL = "private, max-age=300";

    private final ProofUploads uploads;
    private final Payments payments;
    private final ProofStorage storage;

    ProofController(ProofUploads uploads, Payments payments, ProofStorage storage) {
        this.uploads = uploads;
        this.payments = payments;
        this.storage = storage;
    }

    /**
     * Multipart {@code order_id} (uuid), {@code image} (≤ 2 MB, JPEG, PNG or WebP by its bytes), {@code note}
     * (≤ 500, optional). 201 with the PENDING payment and its {@code Location}.
     */
    @PostMapping(path = "/v1/payments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Idempotent
    ResponseEntity<PaymentView> upload(@RequestParam(name = "order_id", required = false) UUID orderId,
                                       @RequestPart(name = "image", required = false) MultipartFile image,
                                       @RequestParam(name = "note", required = false) String note) {
        if (image != null && image.getSize() > uploads.maxBytes()) {
            throw new PayloadTooLargeException(uploads.maxBytes(),
                    "The image is larger than the limit of %d bytes.".formatted(uploads.maxBytes()));
        }
        String customerNote = note == null || note.isBlank() ? null : note.strip();
        List<FieldViolation> errors = new ArrayList<>();
        if (orderId == null) {
            errors.add(new FieldViolation("order_id", "must not be null"));
        }
        if (image == null || image.isEmpty()) {
            errors.add(new FieldViolation("image", "must be a non-empty JPEG, PNG or WebP file"));
        }
        if (customerNote != null && customerNote.codePointCount(0, customerNote.length()) > MAX_NOTE) {
            errors.add(new FieldViolation("note", "size must be between 0 and " + MAX_NOTE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        PaymentView payment = uploads.upload(CurrentUser.id(), orderId, image, customerNote);
        return ResponseEntity.created(URI.create("/v1/payments/" + payment.id())).body(payment);
    }

    /**
     * The proof's bytes streamed from S3 with the stored content type: {@code variant=original} (default)
     * or {@code thumbnail} (JPEG, 320 px on the long side).
     */
    @GetMapping("/v1/payments/{id}/image")
    ResponseEntity<InputStreamResource> image(@PathVariable UUID id,
                                              @RequestParam(name = "variant", required = false) String variant) {
        boolean thumbnail = thumbnail(variant);
        Payment payment = payments.find(id).orElseThrow(() -> new NotFoundException("payment", id));
        CurrentUser.checkOwner(payment.userId());
        ResponseInputStream<GetObjectResponse> object = storage.open(thumbnail ? payment.thumbnailKey() : payment.imageKey());
        String contentType = thumbnail ? MediaType.IMAGE_JPEG_VALUE : payment.imageContentType();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString());
        Long length = object.response().contentLength();
        if (length != null) {
            response.contentLength(length);
        }
        return response.body(new InputStreamResource(object));
    }

    private static boolean thumbnail(String variant) {
        if (variant == null) {
            return false;
        }
        return switch (variant.strip().toLowerCase(Locale.ROOT)) {
            case "original" -> false;
            case "thumbnail" -> true;
            default -> throw new MalformedRequestException("The parameter 'variant' must be 'original' or 'thumbnail' (got '"
                    + variant + "').");
        };
    }
}
