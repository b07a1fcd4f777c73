package dev.eshop.salesreport.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 quoting and the formula-injection guard of the CSV export, cell by cell. */
class CsvWriterTest {

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Mazda CX-60                 | Mazda CX-60",
            "=1+2                        | '=1+2",
            "+1 555 0100                 | '+1 555 0100",
            "-5                          | '-5",
            "@SUM(A1:A9)                 | '@SUM(A1:A9)",
            "`\t=cmd`                    | `'\t=cmd`",
            "a=b                         | a=b",
            "``                          | ``"})
    void textStartingLikeAFormulaIsPrefixed(String text, String written) {
        assertThat(CsvWriter.text(text)).isEqualTo(written);
    }

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain                       | plain",
            "a,b                         | `\"a,b\"`",
            "`say \"hi\"`                | `\"say \"\"hi\"\"\"`",
            "`two\nlines`                | `\"two\nlines\"`",
            "`cr\rhere`                  | `\"cr\rhere\"`",
            "'quoted'                    | 'quoted'"})
    void fieldsAreQuotedOnlyWhenNeeded(String value, String written) {
        assertThat(CsvWriter.field(value)).isEqualTo(written);
    }
}
