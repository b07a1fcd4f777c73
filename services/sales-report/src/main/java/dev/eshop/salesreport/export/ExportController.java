package dev.eshop.salesreport.export;

import dev.eshop.salesreport.report.ReportParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The sold lines of a period as a download (spec services.md §7.3; ADMIN, see AccessRules), with the
 * filters of {@code GET /v1/sales}, oldest first. The body is written straight into the response (no
 * content negotiation: an {@code Accept} of JSON still gets the file; errors are problems as usual).
 */
@RestController
@Tag(name = "Sales exports", description = "CSV and XLSX downloads of the sold lines (ADMIN)")
class ExportController {

    private static final String FROM = "First day, inclusive (yyyy-MM-dd, report time zone); default 29 days before to";
    private static final String TO = "Last day, inclusive (yyyy-MM-dd, report time zone); default today";

    private final ReportParameters parameters;
    private final SalesExport exports;

    ExportController(ReportParameters parameters, SalesExport exports) {
        this.parameters = parameters;
        this.exports = exports;
    }

    @GetMapping("/v1/sales/csv-report")
    @Operation(summary = "The lines as CSV (RFC 4180), attachment sales-{from}-{to}.csv; 422 too-many-rows above the export limit")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void csv(@Parameter(description = FROM) @RequestParam(required = false) String from,
             @Parameter(description = TO) @RequestParam(required = false) String to,
             @RequestParam(name = "category_id", required = false) UUID categoryId,
             @RequestParam(name = "product_id", required = false) UUID productId,
             @RequestParam(name = "order_id", required = false) UUID orderId,
             HttpServletResponse response) {
        exports.csv(parameters.filter(from, to, categoryId, productId, orderId), response);
    }

    @GetMapping("/v1/sales/xlsx-report")
    @Operation(summary = "The lines as XLSX (sheets Sales and Summary), attachment sales-{from}-{to}.xlsx; 422 too-many-rows above the export limit")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = SalesExport.XLSX, schema = @Schema(type = "string", format = "binary")))
    void xlsx(@Parameter(description = FROM) @RequestParam(required = false) String from,
              @Parameter(description = TO) @RequestParam(required = false) String to,
              @RequestParam(name = "category_id", required = false) UUID categoryId,
              @RequestParam(name = "product_id", required = false) UUID productId,
              @RequestParam(name = "order_id", required = false) UUID orderId,
              HttpServletResponse response) {
        exports.xlsx(parameters.filter(from, to, categoryId, productId, orderId), response);
    }
}
