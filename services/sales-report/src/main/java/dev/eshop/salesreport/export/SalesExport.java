package dev.eshop.salesreport.export;

import dev.eshop.platform.web.problem.RuleViolatedException;
import dev.eshop.salesreport.SalesSettings;
import dev.eshop.salesreport.report.ReportQueries;
import dev.eshop.salesreport.report.SaleLine;
import dev.eshop.salesreport.report.SalesFilter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the CSV and XLSX exports into the response. Count and rows are read in one read-only,
 * repeatable-read transaction (one snapshot), the rows through a cursor; more rows than
 * {@code eshop.sales.export.max-rows} is 422 {@code too-many-rows} before anything is written.
 */
@Service
class SalesExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv; charset=UTF-8";

    private final ReportQueries queries;
    private final SalesSettings settings;
    private final TransactionTemplate snapshot;

    SalesExport(ReportQueries queries, SalesSettings settings, PlatformTransactionManager transactions) {
        this.queries = queries;
        this.settings = settings;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    void csv(SalesFilter filter, HttpServletResponse response) {
        snapshot.executeWithoutResult(status -> {
            checkSize(filter);
            start(response, CSV, filter, "csv");
            try {
                CsvWriter csv = new CsvWriter(new BufferedWriter(new OutputStreamWriter(response.getOutputStream(),
                        StandardCharsets.UTF_8), 64 * 1024));
                csv.header();
                queries.forEachLine(filter, csv::row);
                csv.flush();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    void xlsx(SalesFilter filter, HttpServletResponse response) {
        snapshot.executeWithoutResult(status -> {
            checkSize(filter);
            try (XlsxWriter xlsx = new XlsxWriter(settings.timeZone())) {
                Totals totals = new Totals();
                queries.forEachLine(filter, line -> {
                    xlsx.row(line);
                    totals.add(line);
                });
                xlsx.summary(filter, ReportQueries.summary(filter.period(), totals.revenue, totals.orders.size(), totals.units,
                        totals.margin), totals.lines);
                start(response, XLSX, filter, "xlsx");
                OutputStream out = response.getOutputStream();
                xlsx.write(out);
                out.flush();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void checkSize(SalesFilter filter) {
        long rows = queries.count(filter);
        int max = settings.export().maxRows();
        if (rows > max) {
            throw new RuleViolatedException("too-many-rows", "The export would have %,d rows; at most %,d can be exported at once. Narrow the date range."
                    .formatted(rows, max));
        }
    }

    private static void start(HttpServletResponse response, String contentType, SalesFilter filter, String extension) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("sales-%s-%s.%s".formatted(filter.period().from(), filter.period().to(), extension)).build().toString());
    }

    /** The summary figures of the rows written. */
    private static final class Totals {

        private BigDecimal revenue = BigDecimal.ZERO;
        private final Set<UUID> orders = new HashSet<>();
        private long units;
        private BigDecimal margin = BigDecimal.ZERO;
        private long lines;

        void add(SaleLine line) {
            revenue = revenue.add(line.lineTotal());
            orders.add(line.orderId());
            units += line.quantity();
            margin = margin.add(line.margin());
            lines++;
        }
    }
}
