package dev.eshop.salesreport.export;

import dev.eshop.salesreport.report.SaleLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The CSV export (RFC 4180): a header row, comma separators, CRLF line ends, a field quoted when it holds
 * a comma, a quote or a line break (quotes doubled). Amounts are plain numbers with two decimals,
 * {@code paid_at} an ISO-8601 UTC instant. A text cell starting with {@code =}, {@code +}, {@code -} or
 * {@code @} (or a tab or carriage return, which spreadsheets also strip before reading a formula) is
 * prefixed with {@code '}, so a spreadsheet never runs a product name as a formula.
 */
final class CsvWriter {

    private static final String LINE_END = "\r\n";

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void header() {
        write(ExportColumns.NAMES);
    }

    void row(SaleLine line) {
        write(List.of(DateTimeFormatter.ISO_INSTANT.format(line.paidAt()), line.orderId().toString(), line.userId().toString(),
                line.productId().toString(), text(line.productName()), text(line.categoryName()), Integer.toString(line.quantity()),
                amount(line.unitPrice()), amount(line.lineTotal()), line.marginRate().toPlainString(), amount(line.margin())));
    }

    void flush() {
        try {
            out.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell that a spreadsheet will not read as a formula. */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String amount(BigDecimal value) {
        return value.setScale(2).toPlainString();
    }

    private void write(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields.get(i)));
            }
            out.write(LINE_END);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
