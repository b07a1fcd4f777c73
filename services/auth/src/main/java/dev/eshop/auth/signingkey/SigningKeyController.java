package dev.eshop.auth.signingkey;

import dev.eshop.auth.signingkey.SigningKeys.ActiveKey;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Key rotation (ADMIN; see AccessRules). */
@RestController
@Tag(name = "Signing keys", description = "The keys tokens are signed with")
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/v1/signing-keys/rotate")
    ActiveKey rotate() {
        return keys.rotate();
    }
}
