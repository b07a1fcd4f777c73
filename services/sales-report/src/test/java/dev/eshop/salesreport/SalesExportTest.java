package dev.eshop.salesreport;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV and XLSX exports (spec services.md §7.3), with report days in New York (UTC−5, then −4 from
 * 9 March 2025) and at most 6 rows per export:
 * <ul>
 * <li>the CSV, byte for byte: RFC 4180 quoting and the formula-injection guard;</li>
 * <li>the XLSX read back with POI: sheets "Sales" (bold frozen header, {@code $#,##0.00}, date-times in
 *     the report zone) and "Summary", and the same rows as the CSV, row by row;</li>
 * <li>days follow the zone (a sale at 04:59 UTC on 1 March is 28 February in New York);</li>
 * <li>more rows than the limit is 422 {@code too-many-rows}.</li>
 * </ul>
 */
@TestPropertySource(properties = {"eshop.sales.time-zone=America/New_York", "eshop.sales.export.max-rows=6"})
class SalesExportTest extends SalesReportTestSupport {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final UUID USER = UUID.fromString("0195e000-0000-7000-8000-0000000000aa");
    private static final UUID SUV = UUID.fromString("0195e000-0000-7000-8000-0000000000c1");
    private static final UUID CONVERTIBLES = UUID.fromString("0195e000-0000-7000-8000-0000000000c2");
    private static final UUID NAKED = UUID.fromString("0195e000-0000-7000-8000-0000000000c3");
    private static final UUID VANS = UUID.fromString("0195e000-0000-7000-8000-0000000000c4");
    private static final UUID SEDAN = UUID.fromString("0195e000-0000-7000-8000-0000000000c5");

    private static boolean seeded;

    private static UUID id(String kind, int n) {
        return UUID.fromString("0195e000-0000-7000-8000-00000%s%04d".formatted(kind, n));
    }

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        record(sale(id("00e", 1), USER, "2025-03-01T04:59:59Z", item(id("00f", 9), "Plain car", SEDAN, "Sedan", 1, "1000.00")),
                sale(id("00e", 2), USER, "2025-03-01T05:00:00Z",
                        item(id("00f", 1), "=HYPERLINK(\"http://evil.example\",\"click\")", SUV, "SUV", 1, "20000.00"),
                        item(id("00f", 2), "Roadster, \"Spider\" edition", CONVERTIBLES, "+Convertibles", 2, "15000.50")),
                sale(id("00e", 3), USER, "2025-03-15T16:30:00Z",
                        item(id("00f", 3), "-Minus bike", NAKED, "@Naked", 1, "9999.99"),
                        item(id("00f", 4), "Line\nbreak van", VANS, "Vans", 3, "30000.00")),
                sale(id("00e", 4), USER, "2025-04-01T03:59:59.500Z", item(id("00f", 5), "Ordinary sedan", SEDAN, "Sedan", 1, "25000.00")),
                sale(id("00e", 5), USER, "2025-04-01T04:00:00Z", item(id("00f", 1), "Plain car", SUV, "SUV", 1, "1000.00")));
        seeded = true;
    }

    @Test
    void theCsvIsRfc4180WithFormulasDisarmed() {
        EntityExchangeResult<byte[]> result = download("csv-report?from=2025-03-01&to=2025-03-31");
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"sales-2025-03-01-2025-03-31.csv\"");
        String o2 = id("00e", 2).toString();
        String o3 = id("00e", 3).toString();
        String o4 = id("00e", 4).toString();
        assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(String.join("\r\n",
                "paid_at,order_id,user_id,product_id,product_name,category_name,quantity,unit_price,line_total,margin_rate,margin",
                "2025-03-01T05:00:00Z," + o2 + "," + USER + "," + id("00f", 1)
                        + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",SUV,1,20000.00,20000.00,0.1500,3000.00",
                "2025-03-01T05:00:00Z," + o2 + "," + USER + "," + id("00f", 2)
                        + ",\"Roadster, \"\"Spider\"\" edition\",'+Convertibles,2,15000.50,30001.00,0.1500,4500.15",
                "2025-03-15T16:30:00Z," + o3 + "," + USER + "," + id("00f", 3) + ",'-Minus bike,'@Naked,1,9999.99,9999.99,0.1500,1500.00",
                "2025-03-15T16:30:00Z," + o3 + "," + USER + "," + id("00f", 4) + ",\"Line\nbreak van\",Vans,3,30000.00,90000.00,0.1500,13500.00",
                "2025-04-01T03:59:59.500Z," + o4 + "," + USER + "," + id("00f", 5) + ",Ordinary sedan,Sedan,1,25000.00,25000.00,0.1500,3750.00",
                ""));
    }

    @Test
    void theXlsxHasTheSameRowsAsTheCsvAndASummary() throws IOException {
        List<List<String>> csv = parseCsv(new String(download("csv-report?from=2025-03-01&to=2025-03-31").getResponseBody(),
                StandardCharsets.UTF_8));
        EntityExchangeResult<byte[]> result = download("xlsx-report?from=2025-03-01&to=2025-03-31");
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"sales-2025-03-01-2025-03-31.xlsx\"");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponseBody()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).isEqualTo("Sales");
            assertThat(workbook.getSheetName(1)).isEqualTo("Summary");
            Sheet sales = workbook.getSheet("Sales");

            PaneInformation pane = sales.getPaneInformation();
            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).as("rows frozen").isEqualTo((short) 1);
            Row header = sales.getRow(0);
            for (Cell cell : header) {
                assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).as("bold " + cell).isTrue();
            }

            List<List<String>> rows = new ArrayList<>();
            for (Row row : sales) {
                rows.add(row.getRowNum() == 0 ? texts(row) : asCsv(row));
            }
            assertThat(rows).hasSize(6).containsExactlyElementsOf(csv);

            Row first = sales.getRow(1);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(0))).isTrue();
            assertThat(first.getCell(0).getLocalDateTimeCellValue()).as("midnight in New York").isEqualTo(LocalDateTime.parse("2025-03-01T00:00"));
            assertThat(first.getCell(4).getCellType()).as("a text cell, never a formula").isEqualTo(CellType.STRING);
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"click\")");
            for (int column : new int[] {7, 8, 10}) {
                assertThat(first.getCell(column).getCellStyle().getDataFormatString()).isEqualTo("$#,##0.00");
            }

            Map<String, Cell> summary = new LinkedHashMap<>();
            for (Row row : workbook.getSheet("Summary")) {
                summary.put(row.getCell(0).getStringCellValue(), row.getCell(1));
            }
            assertThat(summary.keySet()).containsExactly("From", "To", "Time zone", "Currency", "Revenue", "Orders", "Units",
                    "Average order value", "Margin", "Lines");
            assertThat(summary.get("From").getLocalDateTimeCellValue().toLocalDate()).hasToString("2025-03-01");
            assertThat(summary.get("To").getLocalDateTimeCellValue().toLocalDate()).hasToString("2025-03-31");
            assertThat(summary.get("Time zone").getStringCellValue()).isEqualTo("America/New_York");
            assertThat(summary.get("Currency").getStringCellValue()).isEqualTo("USD");
            // By hand: 20000.00 + 30001.00 + 9999.99 + 90000.00 + 25000.00; margins 3000.00 + 4500.15 + 1500.00 + 13500.00 + 3750.00.
            assertThat(amount(summary.get("Revenue"))).isEqualTo("175000.99");
            assertThat(summary.get("Orders").getNumericCellValue()).isEqualTo(3);
            assertThat(summary.get("Units").getNumericCellValue()).isEqualTo(8);
            assertThat(amount(summary.get("Average order value"))).isEqualTo("58333.66");
            assertThat(amount(summary.get("Margin"))).isEqualTo("26250.15");
            assertThat(summary.get("Lines").getNumericCellValue()).isEqualTo(5);
            assertThat(summary.get("Revenue").getCellStyle().getDataFormatString()).isEqualTo("$#,##0.00");
        }

        // The same figures as the summary endpoint, which reads the rollups kept in New York days.
        get("/v1/sales/summary?from=2025-03-01&to=2025-03-31").expectStatus().isOk().expectBody()
                .jsonPath("$.revenue").isEqualTo(175000.99)
                .jsonPath("$.orders").isEqualTo(3)
                .jsonPath("$.units").isEqualTo(8)
                .jsonPath("$.average_order_value").isEqualTo(58333.66)
                .jsonPath("$.margin").isEqualTo(26250.15);
    }

    @Test
    void reportDaysAreNewYorkDays() {
        get("/v1/sales/timeseries?from=2025-02-28&to=2025-03-01").expectStatus().isOk().expectBody()
                .jsonPath("$.points[0].period_start").isEqualTo("2025-02-28")
                .jsonPath("$.points[0].revenue").isEqualTo(1000.00)
                .jsonPath("$.points[1].period_start").isEqualTo("2025-03-01")
                .jsonPath("$.points[1].revenue").isEqualTo(50001.00);
        get("/v1/sales/summary?from=2025-04-01&to=2025-04-01").expectStatus().isOk().expectBody()
                .jsonPath("$.revenue").isEqualTo(1000.00).jsonPath("$.orders").isEqualTo(1);
        get("/v1/sales?from=2025-03-31&to=2025-03-31").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].paid_at").isEqualTo("2025-04-01T03:59:59.500Z");
    }

    @Test
    void filtersNarrowTheExportAndAnEmptyOneHasItsHeader() throws IOException {
        List<List<String>> vans = parseCsv(new String(download("csv-report?from=2025-03-01&to=2025-03-31&category_id=" + VANS)
                .getResponseBody(), StandardCharsets.UTF_8));
        assertThat(vans).hasSize(2);
        assertThat(vans.get(1).get(4)).isEqualTo("Line\nbreak van");

        List<List<String>> none = parseCsv(new String(download("csv-report?from=2025-03-02&to=2025-03-14").getResponseBody(),
                StandardCharsets.UTF_8));
        assertThat(none).hasSize(1);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                download("xlsx-report?from=2025-03-02&to=2025-03-14&order_id=" + id("00e", 3)).getResponseBody()))) {
            assertThat(workbook.getSheet("Sales").getLastRowNum()).isZero();
            assertThat(workbook.getSheet("Summary").getRow(3).getCell(0).getStringCellValue()).isEqualTo("Order id");
            assertThat(workbook.getSheet("Summary").getRow(3).getCell(1).getStringCellValue()).isEqualTo(id("00e", 3).toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv-report", "xlsx-report"})
    void moreRowsThanTheLimitIs422AndTheLimitItselfIsFine(String export) {
        // 28 February to 1 April (New York) holds 7 lines; the limit is 6.
        get("/v1/sales/" + export + "?from=2025-02-28&to=2025-04-01").expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "rule-violated")
                .jsonPath("$.rule").isEqualTo("too-many-rows")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Narrow the date range"));
        assertThat(download(export + "?from=2025-03-01&to=2025-04-01").getResponseBody()).isNotEmpty();
        // A client that asks for the file only still learns why it gets none.
        client.get().uri("/v1/sales/" + export + "?from=2025-02-28&to=2025-04-01").header("Authorization", admin())
                .header(HttpHeaders.ACCEPT, export.startsWith("csv") ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .exchange().expectStatus().isEqualTo(422);
    }

    // Helpers

    private EntityExchangeResult<byte[]> download(String path) {
        return get("/v1/sales/" + path).expectStatus().isOk().expectBody(byte[].class).returnResult();
    }

    private static List<String> texts(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(cell -> values.add(cell.getStringCellValue()));
        return values;
    }

    /** A data row of the Sales sheet written as the CSV writes it: UTC instants, plain amounts, disarmed text. */
    private static List<String> asCsv(Row row) {
        Instant paidAt = row.getCell(0).getLocalDateTimeCellValue().atZone(NEW_YORK).toInstant();
        return List.of(paidAt.toString(), row.getCell(1).getStringCellValue(), row.getCell(2).getStringCellValue(),
                row.getCell(3).getStringCellValue(), disarmed(row.getCell(4).getStringCellValue()),
                disarmed(row.getCell(5).getStringCellValue()), Long.toString((long) row.getCell(6).getNumericCellValue()),
                amount(row.getCell(7)), amount(row.getCell(8)),
                BigDecimal.valueOf(row.getCell(9).getNumericCellValue()).setScale(4, RoundingMode.HALF_UP).toPlainString(),
                amount(row.getCell(10)));
    }

    private static String disarmed(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String amount(Cell cell) {
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** RFC 4180, read independently of the writer: quoted fields, doubled quotes, CRLF records, line breaks inside quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    field.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            }
            else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(fields));
                fields.clear();
                i++;
            }
            else {
                field.append(c);
            }
        }
        assertThat(field).as("the last record ends with CRLF").isEmpty();
        assertThat(fields).isEmpty();
        return records;
    }
}
