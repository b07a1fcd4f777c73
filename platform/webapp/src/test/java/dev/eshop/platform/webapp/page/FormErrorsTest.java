package dev.eshop.platform.webapp.page;

import dev.eshop.platform.webapp.client.ServiceClients;
import dev.eshop.platform.webapp.client.ServiceProblem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem's errors next to a form's fields (spec/ui.md §0.4). */
class FormErrorsTest {

    private static final Map<String, String> FIELDS = Map.of("address.zip_code", "zip_code", "address.street", "street");
    private static final Map<String, String> LABELS = Map.of("zip_code", "Zip code", "street", "Street");

    private static ServiceProblem problem(String json) {
        return ServiceProblem.read("cart", 400, json.getBytes(StandardCharsets.UTF_8), new ServiceClients(null, null, null).json());
    }

    @Test
    void fieldErrorsGoToTheirFieldsAsSentencesAndIntoTheSummary() {
        FormErrors errors = FormErrors.of(problem("""
                {"status":400,"detail":"The request has invalid fields.","errors":[
                 {"field":"address.zip_code","message":"must be exactly 5 digits"},
                 {"field":"address.street","message":"Use the street and the house number."},
                 {"field":"lines[1].quantity","message":"must be between 1 and 10"}]}"""), FIELDS, LABELS);

        assertThat(errors.get("zip_code")).isEqualTo("Zip code must be exactly 5 digits.");
        assertThat(errors.get("street")).isEqualTo("Use the street and the house number.");
        assertThat(errors.general()).containsExactly("This value must be between 1 and 10.");
        assertThat(errors.summary()).extracting(FormErrors.Item::field).containsExactly("zip_code", "street", null);
        assertThat(errors.invalid("zip_code")).isEqualTo("true");
        assertThat(errors.invalid("city")).isNull();
        assertThat(errors.describedBy("zip_code", "zip_code-hint")).isEqualTo("zip_code-hint zip_code-error");
        assertThat(errors.describedBy("city", "city-hint")).isEqualTo("city-hint");
        assertThat(errors.describedBy("city", null)).isNull();
    }

    @Test
    void withoutFieldErrorsTheDetailIsTheMessage() {
        FormErrors errors = FormErrors.of(problem("""
                {"status":409,"detail":"Your cart is empty."}"""), FIELDS, LABELS);

        assertThat(errors.fields()).isEmpty();
        assertThat(errors.general()).containsExactly("Your cart is empty.");
        assertThat(errors.isEmpty()).isFalse();
    }

    @Test
    void theFirstMessageOfAFieldStaysAndRepeatedGeneralMessagesAreShownOnce() {
        FormErrors errors = FormErrors.none().field("name", "Enter your name.").field("name", "Second.").general("Once.").general("Once.");

        assertThat(errors.get("name")).isEqualTo("Enter your name.");
        assertThat(errors.general()).containsExactly("Once.");
        assertThat(FormErrors.none().isEmpty()).isTrue();
    }

    @Test
    void sentencesEndWithAFullStop() {
        assertThat(FormErrors.sentence("Quantity", "must be between 1 and 10")).isEqualTo("Quantity must be between 1 and 10.");
        assertThat(FormErrors.sentence("Quantity", "You can have at most 10 of one vehicle; you already have 8."))
                .isEqualTo("You can have at most 10 of one vehicle; you already have 8.");
        assertThat(FormErrors.sentence(null, "")).isEqualTo("This value is not valid.");
    }
}
